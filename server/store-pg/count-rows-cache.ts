// The answer-count rows a summary or crosstab sums, read through a per-store cache. Each row's vector is ~4 KB of
// bytea, sent as hex text: at the demo's 2,161 keys a survey's rows are 9 MB on the wire and took 90–590 ms a read
// under load (bench/side-by-side.ts, PostgreSQL log), where SQLite reads them in place. Most rows do not change
// between two reads (only the keys of today's answers do), so a read asks for the counts only of rows whose version
// (xmin, ctid) it has not seen: one query, one snapshot, and rows written by another server are refetched alike.
import type { CountFilter } from '../store/count-types';
import { KEY_COLUMNS, keyWhere, type KeyRow } from './count-keys';
import type { Pool } from './pool';

type StampedRow = Omit<KeyRow, 'counts'> & { shard: number; stamp: string; counts: Buffer | null };

/** A count row as read, with its name (key and shard) and the version read (tally-memo.ts sums by them). */
export interface StampedKeyRow {
  name: string;
  stamp: string;
  row: KeyRow;
}

const nameOf = (r: { survey_id: string; version: number; region: string; briefing: string; day: string }) =>
  `${r.survey_id}\u0001${r.version}\u0001${r.region}\u0001${r.briefing}\u0001${r.day}`;

/** What a store holds of one survey's rows: by row version and by name, and the versions as one array literal. */
interface Held {
  byStamp: ReadonlyMap<string, StampedKeyRow>;
  byName: ReadonlyMap<string, StampedKeyRow>;
  /** `{"stamp",…}`: sent as one text[] parameter, built once per change rather than once per read. */
  stamps: string;
}

const EMPTY: Held = { byStamp: new Map(), byName: new Map(), stamps: '{}' };

/** `held` with `read` in it, each replacing the version held of its row; a new object (a read alongside keeps its). */
function withRead(held: Held, read: readonly StampedKeyRow[]): Held {
  const byName = new Map(held.byName);
  for (const r of read) byName.set(r.name, r);
  const byStamp = new Map([...byName.values()].map((r) => [r.stamp, r]));
  return { byName, byStamp, stamps: `{${[...byStamp.keys()].map((s) => `"${s}"`).join(',')}}` };
}

/**
 * Reads the matching rows of every shard. A row version is named by its xmin (the transaction that wrote it) and
 * ctid (where it lies): any update, recount or review writes a new version with a new xmin, so a cached row is used
 * only while it is the row's current version. Holds at most one entry per count row (a few MB per survey). The
 * versions held go as one array parameter, which PostgreSQL hashes (a constant array in the query's plan), so
 * matching ~2,700 rows against ~2,700 versions is one lookup a row.
 */
export function createCountRowsCache(pool: Pool) {
  const held = new Map<string, Held>();

  async function read(filter: CountFilter, holding: Held) {
    const { sql, params } = keyWhere(filter);
    params.push(holding.stamps);
    const stamp = `xmin::text || ':' || ctid::text`;
    const { rows } = await pool.query<StampedRow>(
      `SELECT ${KEY_COLUMNS}, shard, responses, ${stamp} AS stamp,
         CASE WHEN ${stamp} = ANY($${params.length}::text[]) THEN NULL ELSE counts END AS counts
       FROM answer_counts WHERE ${sql}`,
      params,
    );
    return rows;
  }

  return async function countRows(filter: CountFilter): Promise<StampedKeyRow[]> {
    // The versions this read holds, as sent: a read running alongside may replace what the store holds meanwhile.
    let holding = held.get(filter.surveyId) ?? EMPTY;
    let rows = await read(filter, holding);
    const nameOfRow = (r: StampedRow) => `${nameOf(r)}\u0001${r.shard}`;
    // A version is its row's for as long as the row lives; a held one under another name would mean a ctid reused
    // within one transaction. Never seen, but then everything is read again rather than trusted.
    if (rows.some((r) => r.counts === null && holding.byStamp.get(r.stamp)?.name !== nameOfRow(r))) {
      holding = EMPTY;
      rows = await read(filter, holding);
    }
    const fresh: StampedKeyRow[] = [];
    const result = rows.map((r) => {
      if (r.counts === null) return holding.byStamp.get(r.stamp)!;
      const { shard: _shard, stamp, counts, ...key } = r;
      const entry = { name: nameOfRow(r), stamp, row: { ...key, counts } };
      fresh.push(entry);
      return entry;
    });
    if (fresh.length > 0) held.set(filter.surveyId, withRead(held.get(filter.surveyId) ?? EMPTY, fresh));
    return result;
  };
}
