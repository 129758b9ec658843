// The answer_counts rows held in memory for the readers (~3 KB per row, ~3,000 rows at 1M responses): a summary adds
// vectors already in memory instead of reading ~9 MB from SQLite each time. Never stale: rows this connection wrote
// are re-read before the next read (their savepoint may have rolled back), and a commit by any other connection
// (the CLI's demo or recount) shows in PRAGMA data_version and reloads everything. Per (survey, version, region) sums
// are kept too: a filter without days or briefings (the national dashboard, a region's) adds ≤ 40 of them.
import type { CountLayout } from './count-layout';
import type { CountFilter } from './count-types';
import type { Db } from './db';

export interface CachedKey {
  id: number;
  surveyId: string;
  version: number;
  region: string;
  briefing: string;
  day: string;
  responses: number;
  vector: Int32Array;
}

/** The sums of a group of keys, as the readers add them. */
export interface KeySums {
  version: number;
  region: string;
  responses: number;
  vector: ArrayLike<number>;
}

interface Rollup extends KeySums {
  vector: Float64Array;
}

type KeyRow = [
  id: number,
  surveyId: string,
  version: number,
  region: string,
  briefing: string,
  day: string,
  responses: number,
  counts: Buffer,
];

/** The filter as a predicate on a key, the same conditions keyWhere() puts in SQL. */
export function keyMatcher(filter: CountFilter): (k: CachedKey) => boolean {
  const regions = filter.regions && new Set(filter.regions);
  const versions = filter.versions && new Set(filter.versions);
  const briefings = filter.briefings && new Set(filter.briefings);
  const { surveyId, fromDay, toDay } = filter;
  return (k) =>
    k.surveyId === surveyId &&
    (!regions || regions.has(k.region)) &&
    (!versions || versions.has(k.version)) &&
    (!briefings || briefings.has(k.briefing)) &&
    (fromDay === undefined || k.day >= fromDay) &&
    (toDay === undefined || k.day <= toDay);
}

export function createCountCache(
  db: Db,
  layoutOf: (surveyId: string, version: number) => CountLayout | undefined,
) {
  const SELECT = 'SELECT id, survey_id, version, region, briefing, day, responses, counts FROM answer_counts';
  const selectAll = db.prepare(SELECT).raw();
  const selectOne = db.prepare(`${SELECT} WHERE id = ?`).raw();
  let rows = new Map<number, CachedKey>();
  let rollups = new Map<string, Rollup & { surveyId: string }>();
  const dirty = new Set<number>();
  let seen: number | undefined;

  function roll(k: CachedKey, sign: 1 | -1): void {
    const name = `${k.surveyId}\u0000${k.version}\u0000${k.region}`;
    let r = rollups.get(name);
    if (!r)
      rollups.set(
        name,
        (r = {
          surveyId: k.surveyId,
          version: k.version,
          region: k.region,
          responses: 0,
          vector: new Float64Array(k.vector.length),
        }),
      );
    r.responses += sign * k.responses;
    for (let i = 0; i < k.vector.length; i++) r.vector[i]! += sign * k.vector[i]!;
  }

  /** Keys of versions without a plan are left out: nothing reads them. */
  function toKey([id, surveyId, version, region, briefing, day, responses, counts]: KeyRow):
    CachedKey | undefined {
    const layout = layoutOf(surveyId, version);
    if (!layout || counts.byteLength !== layout.vectorLength * 4) return undefined;
    const vector = new Int32Array(layout.vectorLength);
    new Uint8Array(vector.buffer).set(counts);
    return { id, surveyId, version, region, briefing, day, responses, vector };
  }

  function refresh(): void {
    const version = db.pragma('data_version', { simple: true }) as number;
    if (version !== seen) {
      rows = new Map();
      rollups = new Map();
      for (const row of selectAll.iterate() as Iterable<KeyRow>) {
        const key = toKey(row);
        if (!key) continue;
        rows.set(key.id, key);
        roll(key, 1);
      }
      seen = version;
    } else {
      for (const id of dirty) {
        const row = selectOne.get(id) as KeyRow | undefined;
        const key = row && toKey(row);
        const old = rows.get(id);
        if (old) roll(old, -1);
        if (key) {
          rows.set(id, key);
          roll(key, 1);
        } else rows.delete(id);
      }
    }
    dirty.clear();
  }

  return {
    /** After this connection changed a key row (inside a transaction that may still roll back). */
    touched: (id: number) => dirty.add(id),
    /** After this connection rebuilt the counts (recount): read them all again. */
    invalidate: () => (seen = undefined),
    /** The keys matching a filter, fresh. Read-only: the vectors are the cache's own. */
    keys(filter: CountFilter): CachedKey[] {
      refresh();
      const matches = keyMatcher(filter);
      return [...rows.values()].filter(matches);
    },
    /** Sums to add for a filter: per-region rollups when days and briefings are not filtered, else the keys. */
    sums(filter: CountFilter): KeySums[] {
      if (filter.briefings !== undefined || filter.fromDay !== undefined || filter.toDay !== undefined)
        return this.keys(filter);
      refresh();
      const regions = filter.regions && new Set(filter.regions);
      const versions = filter.versions && new Set(filter.versions);
      return [...rollups.values()].filter(
        (r) =>
          r.surveyId === filter.surveyId &&
          (!regions || regions.has(r.region)) &&
          (!versions || versions.has(r.version)),
      );
    },
  };
}

export type CountCache = ReturnType<typeof createCountCache>;
