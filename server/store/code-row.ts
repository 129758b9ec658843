// A codebook code as both engines keep it (table coding_codes, same columns on SQLite and PostgreSQL) and its
// mapping to the store's CodebookCode: one place, so the engines cannot drift apart.
import type { CodebookCode } from './coding-types';

export interface CodeRow {
  id: number;
  survey_id: string;
  question: string;
  code: string;
  label_kk: string;
  label_ru: string;
  label_en: string;
  description: string;
  parent: string | null;
  parent_id: number | null;
  rules: string;
  created_at: string;
  updated_at: string;
}

export function toCode(row: CodeRow): CodebookCode {
  return {
    id: row.id,
    surveyId: row.survey_id,
    question: row.question,
    code: row.code,
    labels: { kk: row.label_kk, ru: row.label_ru, en: row.label_en },
    description: row.description,
    parent: row.parent,
    rules: JSON.parse(row.rules) as string[],
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Every column of a code and its parent's short name; callers add WHERE and ORDER BY. */
export const SELECT_CODES = `SELECT c.*, p.code AS parent FROM coding_codes c LEFT JOIN coding_codes p ON p.id = c.parent_id`;
