// Reviewing responses (approved, on hold, rejected: a rejection takes a response out of every count), erasing a
// response's personal data, and the responses table the reviewers page through.
import type { NewAuditEntry } from '../audit-log';
import type {
  ResponseLine,
  ResponseListItem,
  ResponseListQuery,
  ResponsePageQuery,
  ResponseSetQuery,
} from '../response-list';
import type { ContactErasure, ResponseReview, ReviewChange, ReviewOutcome } from '../reviews';

export interface ReviewStore {
  /**
   * Review status of the listed responses, all or none (reviews.ts): `allowed` judges each response's region; a
   * rejection moves a response out of every count in the same transaction, with the audit entry `audit` makes.
   */
  reviewResponses(
    ids: readonly string[],
    change: ReviewChange,
    allowed: (region: string) => boolean,
    audit: (outcomes: ReviewOutcome[]) => NewAuditEntry,
  ): Promise<{ outcomes: ReviewOutcome[] } | { refused: string; reason: 'not-found' | 'forbidden' }>;
  getReview(id: string): Promise<ResponseReview | null>;
  /** Erases a response's contact details (personal data), with the audit entry; undefined: no such response. */
  eraseContacts(
    id: string,
    at: string,
    by: string,
    audit: (erased: boolean) => NewAuditEntry,
  ): Promise<{ erased: boolean; erasure: ContactErasure } | undefined>;
  getContactErasure(id: string): Promise<ContactErasure | null>;
  /** Whether contact details are kept for this response (their values never leave the store through this). */
  hasContacts(id: string): Promise<boolean>;
  /** The responses table: one page, newest first, within regions (response-list.ts). */
  listResponses(query: ResponseListQuery): Promise<{ items: ResponseListItem[]; hasMore: boolean }>;
  /** How many responses the table's filters match (response-list.ts). */
  countResponses(query: ResponseSetQuery): Promise<number>;
  /** The ids the table's filters match, newest first, at most `limit`: a review of the whole filtered set. */
  listResponseIds(query: ResponseSetQuery, limit: number): Promise<string[]>;
  /** responses.jsonl: the next responses in submission order (response-list.ts). */
  pageResponses(query: ResponsePageQuery): Promise<ResponseLine[]>;
}
