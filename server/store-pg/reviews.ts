// Reviewing responses on PostgreSQL (as server/store/reviews.ts): a status per response, all or none, with its audit
// entry in the same transaction; a rejection (or its undoing) takes the response out of (or puts it back into) the
// counts there too. The counts are sharded rows (answer-counts.ts): the change is the response's own contribution,
// subtracted or added in this store's shard, so the sum over the shards is exact without rebuilding a key or
// touching another server's rows. It runs in the group commit's queue: this store's shard rows are written by one
// transaction at a time. And the erasure of a response's contact details (personal data), with its entry.
import type { NewAuditEntry } from '../store/audit-log';
import type {
  ContactErasure,
  ResponseReview,
  ReviewChange,
  ReviewOutcome,
  ReviewStatus,
} from '../store/reviews';
import { storedCounted, type CountedResponse, type StoredCountRow } from './answer-counts';
import { insertAudit } from './audit-log';
import { inTransaction, type Pool, type PoolClient } from './pool';

interface ReviewedRow extends StoredCountRow {
  status: ReviewStatus | null;
  note: string | null;
  reviewed_at: string | null;
  reviewed_by: string | null;
}

interface ReviewRow {
  status: ReviewStatus;
  note: string | null;
  reviewed_at: string;
  reviewed_by: string;
}

const toReview = (row: ReviewRow): ResponseReview => ({
  status: row.status,
  note: row.note,
  reviewedAt: row.reviewed_at,
  reviewedBy: row.reviewed_by,
});

export function createPgReviews(
  pool: Pool,
  {
    exclusive,
    countBatch,
  }: {
    /** The group commit's queue (group-commit.ts): one transaction at a time writes this store's shard. */
    exclusive: <X>(work: (client: PoolClient) => Promise<X>) => Promise<X>;
    countBatch: (client: PoolClient, items: readonly CountedResponse[]) => Promise<void>;
  },
) {
  return {
    /**
     * Sets the status of every listed response, or of none: an unknown id (or `allowed` refusing a response's
     * region) returns it as `refused` and writes nothing. The responses' rows are locked first (in id order), so
     * that two servers reviewing the same response take turns and each sees the other's status as `before`.
     */
    reviewResponses(
      ids: readonly string[],
      change: ReviewChange,
      allowed: (region: string) => boolean,
      audit: (outcomes: ReviewOutcome[]) => NewAuditEntry,
    ): Promise<{ outcomes: ReviewOutcome[] } | { refused: string; reason: 'not-found' | 'forbidden' }> {
      return exclusive(async (client) => {
        await client.query(
          'SELECT 1 FROM responses WHERE id = ANY($1::text[]) ORDER BY id COLLATE "C" FOR UPDATE',
          [ids],
        );
        const { rows } = await client.query<ReviewedRow>(
          `SELECT r.id, r.seq, r.duplicate_of, r.survey_id, r.version, r.region, r.briefing, r.submitted_at, r.answers, r.record_key,
             v.status, v.note, v.reviewed_at, v.reviewed_by
           FROM responses r LEFT JOIN response_reviews v ON v.response_id = r.id WHERE r.id = ANY($1::text[])`,
          [ids],
        );
        const found = new Map(rows.map((r) => [r.id, r]));
        for (const id of ids) {
          const row = found.get(id);
          if (!row) return { refused: id, reason: 'not-found' as const };
          if (!allowed(row.region)) return { refused: id, reason: 'forbidden' as const };
        }
        const after: ResponseReview = {
          status: change.status,
          note: change.note,
          reviewedAt: change.at,
          reviewedBy: change.by,
        };
        const current = new Map(rows.map((r) => [r.id, r.status === null ? null : toReview(r as ReviewRow)]));
        const moves: CountedResponse[] = [];
        const outcomes = ids.map((id): ReviewOutcome => {
          const row = found.get(id)!;
          const before = current.get(id)!;
          // Only a move across the default set's edge changes what is counted.
          if ((before?.status === 'rejected') !== (change.status === 'rejected'))
            moves.push(storedCounted(row, change.status === 'rejected' ? -1 : 1));
          current.set(id, after);
          return { id, region: row.region, before, after };
        });
        await client.query(
          `INSERT INTO response_reviews (response_id, status, note, reviewed_at, reviewed_by)
           SELECT DISTINCT unnest($1::text[]), $2, $3, $4, $5
           ON CONFLICT (response_id) DO UPDATE SET status = EXCLUDED.status, note = EXCLUDED.note,
             reviewed_at = EXCLUDED.reviewed_at, reviewed_by = EXCLUDED.reviewed_by`,
          [ids, change.status, change.note, change.at, change.by],
        );
        if (moves.length > 0) await countBatch(client, moves);
        // A review that cannot be recorded does not happen: the entry commits with it or nothing does.
        await insertAudit(client, audit(outcomes));
        return { outcomes };
      });
    },
    async getReview(id: string): Promise<ResponseReview | null> {
      const { rows } = await pool.query<ReviewRow>(
        'SELECT status, note, reviewed_at, reviewed_by FROM response_reviews WHERE response_id = $1',
        [id],
      );
      return rows[0] ? toReview(rows[0]) : null;
    },
    /** Deletes the contact details kept apart for this response (if any) and notes the erasure; undefined: no such response. */
    eraseContacts(
      id: string,
      at: string,
      by: string,
      audit: (erased: boolean) => NewAuditEntry,
    ): Promise<{ erased: boolean; erasure: ContactErasure } | undefined> {
      return inTransaction(pool, async (client) => {
        const { rowCount: exists } = await client.query('SELECT 1 FROM responses WHERE id = $1 FOR SHARE', [
          id,
        ]);
        if (!exists) return undefined;
        const { rowCount } = await client.query('DELETE FROM response_contacts WHERE response_id = $1', [id]);
        // The first erasure is the one on record; a second finds nothing left and says so.
        await client.query(
          `INSERT INTO contact_erasures (response_id, erased_at, erased_by) VALUES ($1, $2, $3)
           ON CONFLICT (response_id) DO NOTHING`,
          [id, at, by],
        );
        const erased = rowCount !== null && rowCount > 0;
        await insertAudit(client, audit(erased));
        const { rows } = await client.query<{ erased_at: string; erased_by: string }>(
          'SELECT erased_at, erased_by FROM contact_erasures WHERE response_id = $1',
          [id],
        );
        return { erased, erasure: { erasedAt: rows[0]!.erased_at, erasedBy: rows[0]!.erased_by } };
      });
    },
    async getContactErasure(id: string): Promise<ContactErasure | null> {
      const { rows } = await pool.query<{ erased_at: string; erased_by: string }>(
        'SELECT erased_at, erased_by FROM contact_erasures WHERE response_id = $1',
        [id],
      );
      return rows[0] ? { erasedAt: rows[0].erased_at, erasedBy: rows[0].erased_by } : null;
    },
    /** Whether contact details are kept for this response (their values never leave the store through this). */
    async hasContacts(id: string): Promise<boolean> {
      const { rowCount } = await pool.query('SELECT 1 FROM response_contacts WHERE response_id = $1', [id]);
      return rowCount !== null && rowCount > 0;
    },
  };
}
