// The codes given to answers on PostgreSQL, as server/store/answer-codes.ts: one write replaces an answer's codes in
// one pass and returns what it had before. The counts are summed from these rows on read (coding-reads.ts), so a
// write is only these rows. Two coders saving the same answer at once take turns on its advisory lock, so each gets
// back the coding the other left, never a mixture.
import { countDay } from '../store/answer-counts';
import type { AnswerCoding, AnswerToCode, CodingPass, GivenCode } from '../store/coding-types';
import { answerText, spanOf } from './coding-sql';
import { inTransaction, type Pool, type PoolClient } from './pool';

type Queryable = Pick<PoolClient, 'query'>;

/** The count dimensions a coded answer and its codes carry (migration 0008), as SQLite's coding_counts keys. */
const dimensionsOf = (a: AnswerToCode) =>
  [a.version, a.region, a.briefing ?? '', countDay(a.submittedAt), a.recordKey] as const;
const DIMENSIONS = 'version, region, briefing, day, record_key';

interface AnswerRow {
  seq: number;
  id: string;
  survey_id: string;
  version: number;
  region: string;
  briefing: string | null;
  submitted_at: string;
  locale: string;
  record_key: number;
  text: string | null;
}

async function codingOf(
  db: Queryable,
  surveyId: string,
  question: string,
  pass: CodingPass,
  seq: number,
): Promise<AnswerCoding | null> {
  const key = [surveyId, question, pass, seq];
  const { rows } = await db.query<{ coder: string; coded_at: string }>(
    `SELECT coder, coded_at FROM coded_answers
     WHERE survey_id = $1 AND question = $2 AND pass = $3 AND response_seq = $4`,
    key,
  );
  if (rows.length === 0) return null;
  const codes = await db.query<{ code_id: number; span_start: number | null; span_end: number | null }>(
    `SELECT code_id, span_start, span_end FROM answer_codes
     WHERE survey_id = $1 AND question = $2 AND pass = $3 AND response_seq = $4 ORDER BY code_id`,
    key,
  );
  return {
    coder: rows[0]!.coder,
    codedAt: rows[0]!.coded_at,
    codes: codes.rows.map((c) => ({ codeId: c.code_id, span: spanOf(c.span_start, c.span_end) })),
  };
}

/** Writes the answer's codes in `pass` (null: not coded any more), in the caller's transaction. */
async function write(
  client: Queryable,
  answer: AnswerToCode,
  question: string,
  pass: CodingPass,
  codes: readonly GivenCode[] | null,
  coder: string,
  at: string,
): Promise<AnswerCoding | null> {
  const key = [answer.surveyId, question, pass, answer.rowid];
  await client.query('SELECT pg_advisory_xact_lock(hashtext($1), $2::int)', [
    `coded:${answer.surveyId}:${question}`,
    answer.rowid % 2 ** 31,
  ]);
  const previous = await codingOf(client, answer.surveyId, question, pass, answer.rowid);
  if (codes === null) {
    // answer_codes go with their coded_answers row (ON DELETE CASCADE).
    await client.query(
      'DELETE FROM coded_answers WHERE survey_id = $1 AND question = $2 AND pass = $3 AND response_seq = $4',
      key,
    );
    return previous;
  }
  await client.query(
    'DELETE FROM answer_codes WHERE survey_id = $1 AND question = $2 AND pass = $3 AND response_seq = $4',
    key,
  );
  await client.query(
    `INSERT INTO coded_answers (survey_id, question, pass, response_seq, coder, coded_at, ${DIMENSIONS})
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
     ON CONFLICT (survey_id, question, pass, response_seq) DO UPDATE SET coder = EXCLUDED.coder, coded_at = EXCLUDED.coded_at`,
    [...key, coder, at, ...dimensionsOf(answer)],
  );
  if (codes.length > 0)
    await client.query(
      `INSERT INTO answer_codes (survey_id, question, pass, response_seq, ${DIMENSIONS}, code_id, span_start,
         span_end)
       SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, * FROM unnest($10::int[], $11::int[], $12::int[])`,
      [
        ...key,
        ...dimensionsOf(answer),
        codes.map((c) => c.codeId),
        codes.map((c) => c.span?.start ?? null),
        codes.map((c) => c.span?.end ?? null),
      ],
    );
  return previous;
}

export function createPgAnswerCodes(pool: Pool) {
  return {
    /** The response and its text under `key` (a question's name or `<question>-Comment`); text '' if unanswered. */
    async getAnswerToCode(responseId: string, key: string): Promise<AnswerToCode | undefined> {
      const { rows } = await pool.query<AnswerRow>(
        `SELECT r.seq, r.id, r.survey_id, r.version, r.region, r.briefing, r.submitted_at, r.locale, r.record_key,
           ${answerText('r', '$2')} AS text
         FROM responses r WHERE r.id = $1`,
        [responseId, key],
      );
      const row = rows[0];
      if (!row) return undefined;
      return {
        // The store's row number of a response is its insertion order, `seq` (SQLite: rowid).
        rowid: row.seq,
        responseId: row.id,
        surveyId: row.survey_id,
        version: row.version,
        region: row.region,
        briefing: row.briefing,
        submittedAt: row.submitted_at,
        locale: row.locale,
        recordKey: row.record_key,
        text: row.text ?? '',
      };
    },
    getAnswerCoding(answer: AnswerToCode, question: string, pass: CodingPass): Promise<AnswerCoding | null> {
      return codingOf(pool, answer.surveyId, question, pass, answer.rowid);
    },
    /**
     * Replaces the answer's codes in `pass` (an empty list: coded, nothing fits; null: back to not coded) and
     * returns what it had before.
     */
    setAnswerCodes(
      answer: AnswerToCode,
      question: string,
      pass: CodingPass,
      codes: readonly GivenCode[] | null,
      coder: string,
      at: string,
    ): Promise<AnswerCoding | null> {
      return inTransaction(pool, (client) => write(client, answer, question, pass, codes, coder, at));
    },
    /**
     * Codes many answers with one code in one transaction (a rule applied to a filtered set), set-based: answers
     * already coded in pass 1 (before, or earlier in the list) are skipped. Returns how many were coded.
     */
    codeAnswers(
      answers: readonly AnswerToCode[],
      question: string,
      codeId: number,
      coder: string,
      at: string,
    ): Promise<number> {
      const bySurvey = new Map<string, Map<number, AnswerToCode>>();
      for (const a of answers) {
        let rows = bySurvey.get(a.surveyId);
        if (!rows) bySurvey.set(a.surveyId, (rows = new Map()));
        if (!rows.has(a.rowid)) rows.set(a.rowid, a);
      }
      return inTransaction(pool, async (client) => {
        let coded = 0;
        for (const [surveyId, bySeq] of bySurvey) {
          // In row order: two servers applying overlapping rules wait for each other in one order, never deadlock.
          const sorted = [...bySeq.values()].sort((a, b) => a.rowid - b.rowid);
          const dims = sorted.map(dimensionsOf);
          const { rows } = await client.query<{ response_seq: number }>(
            `INSERT INTO coded_answers (survey_id, question, pass, response_seq, coder, coded_at, ${DIMENSIONS})
             SELECT $1, $2, 1, seq, $4, $5, ${DIMENSIONS}
             FROM unnest($3::bigint[], $6::int[], $7::text[], $8::text[], $9::text[], $10::bigint[])
               AS t(seq, ${DIMENSIONS})
             ORDER BY seq
             ON CONFLICT (survey_id, question, pass, response_seq) DO NOTHING RETURNING response_seq`,
            [
              surveyId,
              question,
              sorted.map((a) => a.rowid),
              coder,
              at,
              ...[0, 1, 2, 3, 4].map((i) => dims.map((d) => d[i])),
            ],
          );
          if (rows.length === 0) continue;
          const newly = rows.map((r) => bySeq.get(r.response_seq)!);
          const codedDims = newly.map(dimensionsOf);
          await client.query(
            `INSERT INTO answer_codes (survey_id, question, pass, response_seq, code_id, ${DIMENSIONS})
             SELECT $1, $2, 1, seq, $4, ${DIMENSIONS}
             FROM unnest($3::bigint[], $5::int[], $6::text[], $7::text[], $8::text[], $9::bigint[])
               AS t(seq, ${DIMENSIONS})`,
            [
              surveyId,
              question,
              newly.map((a) => a.rowid),
              codeId,
              ...[0, 1, 2, 3, 4].map((i) => codedDims.map((d) => d[i])),
            ],
          );
          coded += rows.length;
        }
        return coded;
      });
    },
  };
}
