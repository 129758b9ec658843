// zod schemas for request bodies and the shapes of replies; the client imports the types only.
import { z } from 'zod';
import { LOCALES } from '../../catalog/types';

/** How far in the future a respondent's clock may be before startedAt is refused. */
export const STARTED_AT_MAX_SKEW_MS = 5 * 60_000;

const plainObject = z.custom<Record<string, unknown>>(
  (v) => v !== null && typeof v === 'object' && !Array.isArray(v),
  { message: 'must be a JSON object of answers' },
);

export const responseEnvelope = z.strictObject({
  // Lower-cased after the check so that one uuid written in two cases is one response.
  id: z.uuid({ message: 'must be a UUID' }).transform((s) => s.toLowerCase()),
  version: z.number({ message: 'must be an integer' }).int({ message: 'must be an integer' }).positive(),
  locale: z.enum(LOCALES, { message: 'must be "kk", "ru" or "en"' }),
  briefing: z.string({ message: 'must be a briefing slug' }).max(100).nullish(),
  startedAt: z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time' }).nullish(),
  // z.custom returns the same object: no copy, so an own "__proto__" key stays data and reaches the validator.
  data: plainObject,
});

export type ResponseEnvelope = z.infer<typeof responseEnvelope>;
/** The body as a phone sends it (before the id is lower-cased): the respondent page imports this type. */
export type ResponsePostBody = z.input<typeof responseEnvelope>;

export interface SurveySummary {
  id: string;
  version: number;
  title: unknown;
  closed: boolean;
}

/** A survey file the server left out at start-up (GET /api/catalog/refused, admins): file and every reason. */
export interface RefusedSurveyFile {
  surveyId: string;
  /** null when the folder itself was refused (its name is not a survey id). */
  version: number | null;
  /** Relative to the server's working directory, e.g. surveys/work-order/v1.json. */
  file: string;
  reasons: string[];
}

export interface SurveyVersionBody {
  id: string;
  version: number;
  definition: Record<string, unknown>;
}

export interface BriefingBody {
  slug: string;
  survey: string;
  region: string;
  /** The city as first typed: shown where `cityNames` lacks the reader's language. */
  city: string;
  /** The city in kk/ru/en where given (absent for older briefings). */
  cityNames?: Partial<Record<'kk' | 'ru' | 'en', string>>;
  date: string;
  title: { kk: string; ru: string; en: string };
}

export interface ResponseReceipt {
  id: string;
  survey: string;
  version: number;
  submittedAt: string;
  /** Short code shown to the respondent: the first 8 hex digits of the id, upper-case. */
  reference: string;
}
