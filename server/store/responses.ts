// Responses: idempotent writes through group commit; the projections are fed in each savepoint and once per batch.
import type { Db } from './db';
import { createDuplicateFinder } from './duplicates';
import { createGroupCommitter } from './group-commit';
import type { InsertedResponse, Projection } from './interface/projection';
import { nextRecordKey } from './record-keys';
import { toResponse, type ResponseRow } from './response-row';
import type { NewResponse, StoredResponse, SubmitOutcome } from './types';

/** One write's outcome, and the response as stored when it was. */
interface Written {
  outcome: SubmitOutcome;
  inserted?: InsertedResponse;
}

export function createResponseStore(
  db: Db,
  {
    batchWindowMs = 0,
    projections = [],
    durable,
  }: {
    batchWindowMs?: number;
    /** The batches' fsync off the event loop (wal-sync.ts); without it COMMIT syncs (synchronous=FULL). */
    durable?: () => Promise<void>;
    /** Fed in each insert's savepoint: answer counts and text index, stored CSV lines (interface/projection.ts). */
    projections?: readonly Projection[];
  } = {},
) {
  const selectHash = db.prepare<[string], { content_hash: string; submitted_at: string }>(
    'SELECT content_hash, submitted_at FROM responses WHERE id = ?',
  );
  const insertResponse = db.prepare(`INSERT INTO responses
    (id, survey_id, version, locale, region, briefing, started_at, submitted_at, answers, content_hash, record_key,
     demo, duplicate_of)
    VALUES (@id, @surveyId, @version, @locale, @region, @briefing, @startedAt, @submittedAt, @answers, @contentHash,
     @recordKey, @demo, @duplicateOf)`);
  const insertContacts = db.prepare(
    'INSERT INTO response_contacts (response_id, answers) VALUES (@responseId, @answers)',
  );
  const findDuplicate = createDuplicateFinder(db);
  const selectById = db.prepare<[string], ResponseRow>('SELECT * FROM responses WHERE id = ?');

  /**
   * Runs inside the batch's transaction; a retry of the same content is recognised by its hash. A stored response
   * comes back as `inserted` too, for the projections' once-per-batch work (onBatch).
   */
  function writeResponse(r: NewResponse): Written {
    const existing = selectHash.get(r.id);
    if (existing) {
      return {
        outcome:
          existing.content_hash === r.contentHash
            ? { status: 'duplicate', submittedAt: existing.submitted_at }
            : { status: 'conflict' },
      };
    }
    const recordKey = nextRecordKey();
    const answers = JSON.stringify(r.answers);
    const duplicateOf = findDuplicate(r, answers);
    const { lastInsertRowid } = insertResponse.run({
      ...r,
      answers,
      recordKey,
      demo: r.demo ? 1 : 0,
      duplicateOf,
    });
    if (r.contacts) insertContacts.run({ responseId: r.id, answers: JSON.stringify(r.contacts) });
    // Same savepoint as the insert: what derives from the response (counts, text index, CSV line) moves with it or
    // not at all (duplicates returned above).
    const inserted = { response: r, rowid: Number(lastInsertRowid), recordKey, duplicateOf };
    for (const projection of projections) projection.onInsert?.(inserted);
    return { outcome: { status: 'created', submittedAt: r.submittedAt }, inserted };
  }

  /** In the transaction, after the savepoints: what the projections do once for the whole batch. */
  function finishBatch(written: readonly Written[]): void {
    const inserted = written.flatMap((w) => (w.inserted ? [w.inserted] : []));
    if (inserted.length === 0) return;
    for (const projection of projections) projection.onBatch?.(inserted);
  }

  const committer = createGroupCommitter(db, writeResponse, {
    windowMs: batchWindowMs,
    durable,
    beforeCommit: finishBatch,
  });

  return {
    submitResponse: (r: NewResponse): Promise<SubmitOutcome> => committer.submit(r).then((w) => w.outcome),
    /** Writes many responses in one transaction (demo data, imports); same idempotency rules. */
    insertResponses: db.transaction((rs: readonly NewResponse[]): SubmitOutcome[] => {
      const written = rs.map(writeResponse);
      finishBatch(written);
      return written.map((w) => w.outcome);
    }),
    flushPendingWrites: committer.flush,
    getResponse(id: string): StoredResponse | undefined {
      const row = selectById.get(id);
      return row && toResponse(row);
    },
  };
}
