// A response as both engines store it (the same column names in SQLite and PostgreSQL) and back to the domain type.
import type { StoredResponse } from './types';

export interface ResponseRow {
  id: string;
  survey_id: string;
  version: number;
  locale: string;
  region: string;
  briefing: string | null;
  started_at: string | null;
  submitted_at: string;
  answers: string;
}

export function toResponse(row: ResponseRow): StoredResponse {
  return {
    id: row.id,
    surveyId: row.survey_id,
    version: row.version,
    locale: row.locale,
    region: row.region,
    briefing: row.briefing,
    startedAt: row.started_at,
    submittedAt: row.submitted_at,
    answers: JSON.parse(row.answers) as Record<string, unknown>,
  };
}
