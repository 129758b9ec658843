// zod schemas and reply shapes of the review routes (status, the responses table, one response, contact erasure)
// and of API tokens; the workspace imports the types only.
import { z } from 'zod';
import { REVIEW_STATUSES, type ApiToken, type ResponseListItem, type ReviewStatus } from '../../store';

const status = z.enum(REVIEW_STATUSES, { message: 'must be approved, on_hold or rejected' });
const note = z
  .string({ message: 'must be a text' })
  .max(1000, { message: 'must be at most 1000 characters' })
  .transform((s) => (s.trim() === '' ? null : s.trim()));

/** PATCH /api/responses/:id (DESIGN.md): one response. */
export const reviewBody = z.strictObject({ status, note: note.nullable().optional() });

/** Most responses one request may review: a page of the table, or a briefing hall's test run. */
export const MAX_REVIEW_IDS = 500;

/** PATCH /api/responses: the same status for a set (the table's ticked rows), all or none. */
export const bulkReviewBody = z.strictObject({
  ids: z
    .array(z.uuid({ message: 'must be response ids (uuid)' }), { message: 'must be a list of response ids' })
    .min(1, { message: 'must name at least one response' })
    .max(MAX_REVIEW_IDS, { message: `must name at most ${MAX_REVIEW_IDS} responses` }),
  status,
  note: note.nullable().optional(),
});

export interface ReviewBody {
  id: string;
  status: ReviewStatus;
  note: string | null;
  reviewedAt: string;
  reviewedBy: string;
}

/** GET /api/surveys/:id/responses: one page of the responses table. */
export interface ResponseListBody {
  items: ResponseListItem[];
  page: number;
  pageSize: number;
  hasMore: boolean;
  /** How many responses the filters match, over every page. */
  total: number;
}

/** GET /api/surveys/:id/response-ids: the ids the filters match (at most 10,000, newest first) and their count. */
export interface ResponseIdsBody {
  ids: string[];
  total: number;
}

/** GET /api/responses/:id: one response with its answers (never its contact details), review and flags. */
export interface ResponseDetailBody {
  id: string;
  surveyId: string;
  version: number;
  locale: string;
  region: string;
  briefing: string | null;
  startedAt: string | null;
  submittedAt: string;
  answers: Record<string, unknown>;
  review: Omit<ReviewBody, 'id'> | null;
  /** Whether contact details are kept (shown to admins, who may erase them), and when they were erased. */
  contacts: { kept: boolean; erasedAt: string | null } | null;
}

/** POST /api/tokens */
export const newTokenBody = z.strictObject({
  name: z
    .string({ message: 'must be a text' })
    .trim()
    .min(1, { message: 'must not be empty' })
    .max(100, { message: 'must be at most 100 characters' }),
  expiresAt: z.iso
    .datetime({ offset: true, message: 'must be an ISO 8601 date-time with offset' })
    .optional(),
});

export type TokenBody = Omit<ApiToken, 'userId'>;

/** POST /api/tokens' reply: the token itself, shown this once. */
export interface NewTokenBody extends TokenBody {
  token: string;
}
