// Responses: idempotent writes through group commit, and streamed reads for exports.
import type { AnswerCounts } from './answer-counts';
import type { Db } from './db';
import { createDuplicateFinder } from './duplicates';
import type { createExportLines } from './export-lines';
import { createGroupCommitter } from './group-commit';
import { nextRecordKey } from './record-keys';
import type { NewResponse, ResponseFilter, StoredResponse, SubmitOutcome } from './types';
import { whereClause } from './where';

interface ResponseRow {
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

function toResponse(row: ResponseRow): StoredResponse {
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

export function createResponseStore(
  db: Db,
  {
    batchWindowMs = 0,
    counts,
    lines,
  }: {
    batchWindowMs?: number;
    counts?: Pick<AnswerCounts, 'countResponse'>;
    lines?: Pick<ReturnType<typeof createExportLines>, 'addLine'>;
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

  /** Runs inside the batch's transaction; a retry of the same content is recognised by its hash. */
  function writeResponse(r: NewResponse): SubmitOutcome {
    const existing = selectHash.get(r.id);
    if (existing) {
      return existing.content_hash === r.contentHash
        ? { status: 'duplicate', submittedAt: existing.submitted_at }
        : { status: 'conflict' };
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
    // Same savepoint as the insert: the counts move with the response or not at all (duplicates returned above).
    counts?.countResponse(r, Number(lastInsertRowid), recordKey);
    // And its CSV line, when the stored lines are complete up to here (export-lines.ts).
    lines?.addLine(r, Number(lastInsertRowid), duplicateOf);
    return { status: 'created', submittedAt: r.submittedAt };
  }

  const committer = createGroupCommitter(db, writeResponse, { windowMs: batchWindowMs });

  return {
    submitResponse: (r: NewResponse): Promise<SubmitOutcome> => committer.submit(r),
    /** Writes many responses in one transaction (demo data, imports); same idempotency rules. */
    insertResponses: db.transaction((rs: readonly NewResponse[]) => rs.map(writeResponse)),
    flushPendingWrites: committer.flush,
    getResponse(id: string): StoredResponse | undefined {
      const row = selectById.get(id);
      return row && toResponse(row);
    },
    countResponses(filter: ResponseFilter): number {
      const { sql, params } = whereClause(filter);
      return (db.prepare(`SELECT count(*) AS n FROM responses WHERE ${sql}`).get(params) as { n: number }).n;
    },
    *iterateResponses(filter: ResponseFilter): Generator<StoredResponse> {
      const { sql, params } = whereClause(filter);
      const rows = db
        .prepare(`SELECT * FROM responses WHERE ${sql} ORDER BY submitted_at, id`)
        .iterate(params);
      for (const row of rows) yield toResponse(row as ResponseRow);
    },
  };
}
