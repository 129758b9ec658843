// The answer-count rows a summary or crosstab sums, read through a per-store cache. Each row's vector is ~4 KB of
// bytea, sent as hex text: at the demo's 2,161 keys a survey's rows are 9 MB on the wire and took 90–590 ms a read
// under load (bench/side-by-side.ts, PostgreSQL log), where SQLite reads them in place. Most rows do not change
// between two reads (only the keys of today's answers do), so a read asks for the counts only of rows whose version
// (xmin, ctid) it has not seen: one query, one snapshot, and rows written by another server are refetched alike.
import type { CountFilter } from '../store/count-types';
import { KEY_COLUMNS, keyWhere, type KeyRow } from './count-keys';
import type { Pool } from './pool';

interface Cached {
  stamp: string;
  row: KeyRow;
}

type StampedRow = Omit<KeyRow, 'counts'> & { shard: number; stamp: string; counts: Buffer | null };

/** A count row as read, with its name (key and shard) and the version read (tally-memo.ts sums by them). */
export interface StampedKeyRow {
  name: string;
  stamp: string;
  row: KeyRow;
}

const nameOf = (r: { survey_id: string; version: number; region: string; briefing: string; day: string }) =>
  `${r.survey_id}\u0001${r.version}\u0001${r.region}\u0001${r.briefing}\u0001${r.day}`;

/**
 * Reads the matching rows of every shard. A row version is named by its xmin (the transaction that wrote it) and
 * ctid (where it lies): any update, recount or review writes a new version with a new xmin, so a cached row is used
 * only while it is the row's current version. Holds at most one entry per count row (a few MB per survey).
 */
export function createCountRowsCache(pool: Pool) {
  /** By key and shard: the last version read of each count row. */
  const cache = new Map<string, Cached>();

  return async function countRows(filter: CountFilter): Promise<StampedKeyRow[]> {
    const { sql, params } = keyWhere(filter);
    // The versions this read already holds, as sent: a read running alongside may replace cache entries meanwhile.
    const sent = new Map([...cache].filter(([, c]) => c.row.survey_id === filter.surveyId));
    params.push([...sent].map(([name, c]) => `${c.stamp}\u0001${name}`));
    const stamp = `xmin::text || ':' || ctid::text`;
    const { rows } = await pool.query<StampedRow>(
      `SELECT ${KEY_COLUMNS}, shard, responses, ${stamp} AS stamp,
         CASE WHEN ${stamp} || chr(1) || concat_ws(chr(1), ${KEY_COLUMNS}, shard) = ANY($${params.length}::text[])
           THEN NULL ELSE counts END AS counts
       FROM answer_counts WHERE ${sql}`,
      params,
    );
    return rows.map(({ shard, stamp, counts, ...key }) => {
      const name = `${nameOf(key)}\u0001${shard}`;
      if (counts === null) return { name, stamp, row: sent.get(name)!.row };
      const row: KeyRow = { ...key, counts };
      cache.set(name, { stamp, row });
      return { name, stamp, row };
    });
  };
}
