// Demo data on PostgreSQL (as server/store/demo-data.ts): how much there is, for the workspace's banner, and its
// removal, in one transaction: exactly the rows marked demo and everything kept per response, and the demo
// briefings no real answer was tagged with. The counts are not rebuilt from the real answers (a million of them
// would be read again): each demo response still counted is taken out in this store's shard, as a rejection is
// (answer-counts.ts, sign -1), so the sums over the shards are then those of the real answers alone.
import type { DemoDataCount, DemoRemoval } from '../store/demo-data';
import { storedCounted, type CountedResponse, type StoredCountRow } from './answer-counts';
import type { Pool, PoolClient } from './pool';
import { NOT_REJECTED } from './responses';

/** Demo responses read and taken out of the counts this many at a time: flat memory at 100,000 of them. */
const PAGE = 2000;

export function createPgDemoData(
  pool: Pool,
  {
    exclusive,
    countBatch,
  }: {
    /** The group commit's queue: one transaction at a time writes this store's count shard. */
    exclusive: <X>(work: (client: PoolClient) => Promise<X>) => Promise<X>;
    countBatch: (client: PoolClient, items: readonly CountedResponse[]) => Promise<void>;
  },
) {
  /** Takes the counted demo responses (rejected ones were taken out by their review) out of the counts. */
  async function uncount(client: PoolClient): Promise<void> {
    for (let after = 0; ;) {
      const { rows } = await client.query<StoredCountRow>(
        `SELECT seq, id, survey_id, version, region, briefing, submitted_at, answers, record_key, duplicate_of
         FROM responses WHERE demo AND seq > $1 AND ${NOT_REJECTED} ORDER BY seq LIMIT ${PAGE}`,
        [after],
      );
      if (rows.length === 0) return;
      await countBatch(
        client,
        rows.map((row) => storedCounted(row, -1)),
      );
      after = rows.at(-1)!.seq;
    }
  }

  /**
   * Tables holding rows per response (by its id or its insertion order), found in the schema rather than listed
   * here: personal data, reviews, the text index, coding and stored lines follow the response without this file
   * knowing them. The names come from the catalog, never from a request.
   */
  async function removeDependents(client: PoolClient): Promise<void> {
    const { rows } = await client.query<{ table_name: string; column_name: string }>(
      `SELECT table_name, column_name FROM information_schema.columns
       WHERE table_schema = current_schema() AND table_name <> 'responses'
         AND column_name IN ('response_id', 'response_seq')
       ORDER BY table_name`,
    );
    for (const { table_name: table, column_name: column } of rows) {
      const quoted = `"${table.replaceAll('"', '""')}"`;
      const demoRows =
        column === 'response_seq'
          ? 'SELECT seq FROM responses WHERE demo'
          : 'SELECT id FROM responses WHERE demo';
      await client.query(`DELETE FROM ${quoted} WHERE ${column} IN (${demoRows})`);
    }
  }

  return {
    async countDemoData(): Promise<DemoDataCount> {
      const { rows } = await pool.query<DemoDataCount>(
        `SELECT (SELECT count(*) FROM responses WHERE demo) AS responses,
                (SELECT count(*) FROM briefings WHERE demo) AS briefings`,
      );
      return rows[0]!;
    },
    /** Removes exactly the demo rows and what derives from them; readers see all of it or none of it. */
    removeDemoData(): Promise<DemoRemoval> {
      return exclusive(async (client) => {
        // Two servers removing at once take turns: the second finds nothing left.
        await client.query(`SELECT pg_advisory_xact_lock(hashtext(current_schema() || ':demo-removal'))`);
        const { rows: surveys } = await client.query<{ survey_id: string }>(
          'SELECT DISTINCT survey_id FROM responses WHERE demo ORDER BY survey_id',
        );
        await uncount(client);
        await removeDependents(client);
        const { rowCount: responses } = await client.query('DELETE FROM responses WHERE demo');
        const { rows: kept } = await client.query<{ slug: string }>(
          `SELECT slug FROM briefings b WHERE demo AND EXISTS (SELECT 1 FROM responses r WHERE r.briefing = b.slug)
           ORDER BY slug`,
        );
        const { rowCount: briefings } = await client.query(
          `DELETE FROM briefings b WHERE demo AND NOT EXISTS (SELECT 1 FROM responses r WHERE r.briefing = b.slug)`,
        );
        return {
          responses: responses ?? 0,
          briefings: briefings ?? 0,
          surveys: surveys.map((s) => s.survey_id),
          keptBriefings: kept.map((b) => b.slug),
        };
      });
    },
  };
}
