// Review status per response (approved, on hold, rejected) and the erasure of a response's contact details: each
// change with its audit entry in one transaction, and a rejection (or its undoing) moving the response out of (or
// back into) the counts, byte records and text index of its key in that same transaction (count-key-rebuild.ts).
import type { NewAuditEntry } from './audit-log';
import type { Db } from './db';

export const REVIEW_STATUSES = ['approved', 'on_hold', 'rejected'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

export interface ResponseReview {
  status: ReviewStatus;
  note: string | null;
  reviewedAt: string;
  reviewedBy: string;
}

export interface ReviewChange {
  status: ReviewStatus;
  note: string | null;
  at: string;
  by: string;
}

/** What a review did to one response: its status before and after (null: never reviewed). */
export interface ReviewOutcome {
  id: string;
  region: string;
  before: ResponseReview | null;
  after: ResponseReview;
}

export interface ContactErasure {
  erasedAt: string;
  erasedBy: string;
}

type ResponseKey = [rowid: number, region: string];
type ReviewRow = [status: ReviewStatus, note: string | null, reviewedAt: string, reviewedBy: string];

const toReview = (row: ReviewRow | undefined): ResponseReview | null =>
  row ? { status: row[0], note: row[1], reviewedAt: row[2], reviewedBy: row[3] } : null;

export function createReviewStore(
  db: Db,
  {
    rebuildKeyOf,
    recordAudit,
  }: { rebuildKeyOf: (rowid: number) => void; recordAudit: (entry: NewAuditEntry) => void },
) {
  const responseKey = db.prepare('SELECT rowid, region FROM responses WHERE id = ?').raw();
  const selectReview = db
    .prepare('SELECT status, note, reviewed_at, reviewed_by FROM response_reviews WHERE response_id = ?')
    .raw();
  const upsertReview = db.prepare(
    `INSERT INTO response_reviews (response_id, status, note, reviewed_at, reviewed_by) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (response_id) DO UPDATE SET status = excluded.status, note = excluded.note,
       reviewed_at = excluded.reviewed_at, reviewed_by = excluded.reviewed_by`,
  );
  const deleteContacts = db.prepare('DELETE FROM response_contacts WHERE response_id = ?');
  const insertErasure = db.prepare(
    'INSERT OR IGNORE INTO contact_erasures (response_id, erased_at, erased_by) VALUES (?, ?, ?)',
  );
  const selectContacts = db.prepare('SELECT 1 FROM response_contacts WHERE response_id = ?').pluck();
  const selectErasure = db
    .prepare('SELECT erased_at, erased_by FROM contact_erasures WHERE response_id = ?')
    .raw();

  function reviewOne(id: string, change: ReviewChange): ReviewOutcome | undefined {
    const key = responseKey.get(id) as ResponseKey | undefined;
    if (!key) return undefined;
    const before = toReview(selectReview.get(id) as ReviewRow | undefined);
    upsertReview.run(id, change.status, change.note, change.at, change.by);
    // Only a move across the default set's edge changes what is counted.
    if ((before?.status === 'rejected') !== (change.status === 'rejected')) rebuildKeyOf(key[0]);
    return {
      id,
      region: key[1],
      before,
      after: { status: change.status, note: change.note, reviewedAt: change.at, reviewedBy: change.by },
    };
  }

  /**
   * Sets the status of every listed response, or of none: an unknown id (or `allowed` refusing a response's region)
   * returns it as `refused` and writes nothing. `audit` makes the log entry from what was done, in the same
   * transaction: a review that cannot be recorded does not happen.
   */
  const reviewResponses = db.transaction(
    (
      ids: readonly string[],
      change: ReviewChange,
      allowed: (region: string) => boolean,
      audit: (outcomes: ReviewOutcome[]) => NewAuditEntry,
    ): { outcomes: ReviewOutcome[] } | { refused: string; reason: 'not-found' | 'forbidden' } => {
      for (const id of ids) {
        const key = responseKey.get(id) as ResponseKey | undefined;
        if (!key) return { refused: id, reason: 'not-found' };
        if (!allowed(key[1])) return { refused: id, reason: 'forbidden' };
      }
      const outcomes = ids.map((id) => reviewOne(id, change)!);
      recordAudit(audit(outcomes));
      return { outcomes };
    },
  );

  /** Deletes the contact details kept apart for this response (if any) and notes the erasure; undefined: no such response. */
  const eraseContacts = db.transaction(
    (id: string, at: string, by: string, audit: (erased: boolean) => NewAuditEntry) => {
      if (!responseKey.get(id)) return undefined;
      const erased = deleteContacts.run(id).changes > 0;
      insertErasure.run(id, at, by);
      recordAudit(audit(erased));
      const [erasedAt, erasedBy] = selectErasure.get(id) as [string, string];
      return { erased, erasure: { erasedAt, erasedBy } satisfies ContactErasure };
    },
  );

  return {
    reviewResponses,
    getReview: (id: string): ResponseReview | null => toReview(selectReview.get(id) as ReviewRow | undefined),
    eraseContacts,
    hasContacts: (id: string): boolean => selectContacts.get(id) !== undefined,
    getContactErasure(id: string): ContactErasure | null {
      const row = selectErasure.get(id) as [string, string] | undefined;
      return row ? { erasedAt: row[0], erasedBy: row[1] } : null;
    },
  };
}
