// Question-by-question tables on PostgreSQL: the byte records of the filter's keys (every shard's, every batch's
// rows) read through a cursor on a connection of their own, in one snapshot, into the same accumulator as SQLite's
// (server/store/answer-crosstab.ts). The work between two reads is one batch of rows, so the event loop turns.
import Cursor from 'pg-cursor';
import { planKey } from '../store/answer-counts';
import { createCrosstab } from '../store/answer-crosstab';
import type { CountLayout } from '../store/count-layout';
import type { CountFilter, TallyGroup } from '../store/count-types';
import { keyWhere } from './count-keys';
import type { Pool } from './pool';
import { countAdjustments } from './count-adjustments';

/** Record rows per read: each holds one batch's records of a key (up to 64 after a recount). */
const ROWS_PER_READ = 500;

export function createPgCrosstab(pool: Pool, layouts: ReadonlyMap<string, CountLayout>) {
  return {
    async tallyAnswersByAnswer(
      filter: CountFilter,
      by: string,
      questions: readonly string[],
    ): Promise<TallyGroup[]> {
      const layoutOf = (surveyId: string, version: number) => layouts.get(planKey(surveyId, version));
      const crosstab = createCrosstab(
        (version) => layoutOf(filter.surveyId, version),
        by,
        new Set(questions),
      );
      const { sql, params } = keyWhere(filter);
      const client = await pool.connect();
      let broken = false;
      try {
        await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
        const cursor = client.query(
          new Cursor<{ version: number; sign: 1 | -1; records: Buffer }>(
            `SELECT version, sign, records FROM answer_records WHERE ${sql}`,
            params,
          ),
        );
        try {
          for (;;) {
            const rows = await cursor.read(ROWS_PER_READ);
            if (rows.length === 0) break;
            // sign -1: records of responses a review took out again (reviews.ts).
            for (const { version, sign, records } of rows)
              crosstab.consume(
                version,
                new Uint8Array(records.buffer, records.byteOffset, records.byteLength),
                sign,
              );
          }
        } finally {
          await cursor.close();
        }
        await client.query('COMMIT');
        // `review: 'all'` puts the rejected responses back in, `excludeFlagged` takes the flagged ones out.
        for (const { keyRow, record, sign } of await countAdjustments(pool, filter, layoutOf))
          crosstab.consume(keyRow.version, record, sign);
      } catch (error) {
        broken = true;
        throw error;
      } finally {
        client.release(broken);
      }
      return crosstab.result();
    },
  };
}
