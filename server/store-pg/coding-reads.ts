// Reads of the coding on PostgreSQL, as server/store/coding-reads.ts: code counts by region with their cell-key sums,
// both coders' codes for agreement, and the quotes chosen for the brief (and their choosing). SQLite keeps its code
// counts in coding_counts; here they are summed from the pass-1 coded answers and their codes on read, each row
// carrying its response's count dimensions and record key (migration 0008): the same numbers and key sums, from
// rows that go with their response, so they never drift.
import type { ChosenQuote, CodeTallyRow, CodingPair } from '../store/coding-types';
import type { CountFilter } from '../store/count-types';
import { keyWhere } from './count-keys';
import { answerText, idList, spanOf } from './coding-sql';
import { inTransaction, type Pool } from './pool';

export function createPgCodingReads(pool: Pool) {
  return {
    /** Pass-1 coded answers (codeId 0) and tags per code, per region, over a filter. */
    async tallyCodes(filter: CountFilter, question: string): Promise<CodeTallyRow[]> {
      // One alias for both tables, so that the filter (on their own count columns) has one set of parameters.
      const { sql, params } = keyWhere(filter, 'x');
      const q = `$${params.push(question)}`;
      const { rows } = await pool.query<CodeTallyRow>(
        `SELECT * FROM (
           SELECT x.region, 0 AS "codeId", count(*) AS n, sum(x.record_key) AS keys FROM coded_answers x
           WHERE ${sql} AND x.question = ${q} AND x.pass = 1 GROUP BY x.region
           UNION ALL
           SELECT x.region, x.code_id, count(*), sum(x.record_key) FROM answer_codes x
           WHERE ${sql} AND x.question = ${q} AND x.pass = 1 GROUP BY x.region, x.code_id) t
         ORDER BY region COLLATE "C", "codeId"`,
        params,
      );
      return rows;
    },

    /** Answers both coders coded, in the given regions, with each pass's code ids. */
    async listCodingPairs(
      surveyId: string,
      question: string,
      key: string,
      regions: readonly string[],
    ): Promise<CodingPair[]> {
      const codesOf = (pass: number) =>
        `(SELECT string_agg(c.code_id::text, ',' ORDER BY c.code_id) FROM answer_codes c
          WHERE c.survey_id = a.survey_id AND c.question = a.question AND c.pass = ${pass}
            AND c.response_seq = a.response_seq)`;
      const { rows } = await pool.query<{
        id: string;
        region: string;
        text: string | null;
        first: string | null;
        second: string | null;
      }>(
        `SELECT r.id, r.region, ${answerText('r', '$3')} AS text, ${codesOf(1)} AS first, ${codesOf(2)} AS second
         FROM coded_answers a
         JOIN coded_answers b ON b.survey_id = a.survey_id AND b.question = a.question AND b.pass = 2
           AND b.response_seq = a.response_seq
         JOIN responses r ON r.seq = a.response_seq
         WHERE a.survey_id = $1 AND a.question = $2 AND a.pass = 1 AND r.region = ANY($4::text[])
         ORDER BY r.seq`,
        [surveyId, question, key, regions],
      );
      return rows.map((r) => ({
        responseId: r.id,
        region: r.region,
        text: r.text ?? '',
        first: idList(r.first),
        second: idList(r.second),
      }));
    },

    /** Chooses (or chooses again) the answer with row number `rowid` (responses.seq) as a quote under a code. */
    async chooseQuote(
      codeId: number,
      rowid: number,
      by: string,
      at: string,
      smallRegionConfirmed: boolean,
    ): Promise<boolean> {
      return inTransaction(pool, async (client) => {
        // The answer's coding lock (answer-codes.ts takes the same one to write its codes): a coder on any server
        // changing this answer's codes waits, or has committed before the check below reads them.
        await client.query(
          `SELECT pg_advisory_xact_lock(hashtext('coded:' || survey_id || ':' || question), ($2 % 2147483648)::int)
           FROM coding_codes WHERE id = $1`,
          [codeId, rowid],
        );
        const { rowCount } = await client.query(
          `INSERT INTO coding_quotes (code_id, response_seq, chosen_by, chosen_at, small_region_confirmed)
           SELECT $1, $2, $3, $4, $5 WHERE EXISTS (SELECT 1 FROM answer_codes
             WHERE code_id = $1 AND pass = 1 AND response_seq = $2)
           ON CONFLICT (code_id, response_seq) DO UPDATE SET chosen_by = EXCLUDED.chosen_by,
             chosen_at = EXCLUDED.chosen_at, small_region_confirmed = EXCLUDED.small_region_confirmed`,
          [codeId, rowid, by, at, smallRegionConfirmed],
        );
        return rowCount === 1;
      });
    },
    async removeQuote(codeId: number, rowid: number): Promise<boolean> {
      const { rowCount } = await pool.query(
        'DELETE FROM coding_quotes WHERE code_id = $1 AND response_seq = $2',
        [codeId, rowid],
      );
      return rowCount === 1;
    },
    /** The quotes chosen under a question's codes, with the text (and the code's passage, when one was marked). */
    async listQuotes(surveyId: string, question: string, key: string): Promise<ChosenQuote[]> {
      const { rows } = await pool.query<{
        code_id: number;
        id: string;
        region: string;
        text: string | null;
        span_start: number | null;
        span_end: number | null;
        chosen_by: string;
        small_region_confirmed: boolean;
      }>(
        `SELECT q.code_id, r.id, r.region, ${answerText('r', '$3')} AS text, c.span_start, c.span_end, q.chosen_by,
           q.small_region_confirmed
         FROM coding_quotes q JOIN coding_codes k ON k.id = q.code_id
         JOIN responses r ON r.seq = q.response_seq
         LEFT JOIN answer_codes c ON c.survey_id = k.survey_id AND c.question = k.question AND c.pass = 1
           AND c.response_seq = q.response_seq AND c.code_id = q.code_id
         WHERE k.survey_id = $1 AND k.question = $2 ORDER BY q.chosen_at, q.code_id, q.response_seq`,
        [surveyId, question, key],
      );
      return rows.map((r) => ({
        codeId: r.code_id,
        responseId: r.id,
        region: r.region,
        text: r.text ?? '',
        span: spanOf(r.span_start, r.span_end),
        chosenBy: r.chosen_by,
        smallRegionConfirmed: r.small_region_confirmed,
      }));
    },
  };
}
