// The answer_counts rows held in memory for the readers (~3 KB per row, ~3,000 rows at 1M responses): a summary adds
// vectors already in memory instead of reading ~9 MB from SQLite each time. Never stale: before each read the keys
// changed since the last one are re-read, found by their revision in answer_count_changes (0031), whichever
// connection committed them (the response writer thread, a CLI's demo or recount); rows this connection wrote are
// re-read too (their savepoint may have rolled back). Per (survey, version, region) sums are kept too: a filter
// without days or briefings (the national dashboard, a region's) adds ≤ 40 of them.
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
  const selectRevision = db.prepare('SELECT ifnull(max(rev), 0) FROM answer_count_changes').pluck();
  // A deleted key comes back with its columns NULL (LEFT JOIN): it leaves the cache.
  const selectChanged = db
    .prepare(
      `SELECT c.rev, c.key_id, k.id, k.survey_id, k.version, k.region, k.briefing, k.day, k.responses, k.counts
       FROM answer_count_changes c LEFT JOIN answer_counts k ON k.id = c.key_id WHERE c.rev > ?`,
    )
    .raw();
  let rows = new Map<number, CachedKey>();
  let rollups = new Map<string, Rollup & { surveyId: string }>();
  const dirty = new Set<number>();
  /** The revision the cache is at; undefined: read every key again. */
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

  function replace(id: number, row: KeyRow | undefined): void {
    const key = row && toKey(row);
    const old = rows.get(id);
    if (old) roll(old, -1);
    if (key) {
      rows.set(id, key);
      roll(key, 1);
    } else rows.delete(id);
  }

  function reload(): void {
    rows = new Map();
    rollups = new Map();
    for (const row of selectAll.iterate() as Iterable<KeyRow>) replace(row[0], row);
  }

  /**
   * Brings the cache to one snapshot's keys. `settled` is false inside a transaction of this connection: its writes
   * are not committed and may yet roll back, so the revision is not taken and whatever was read is read again.
   */
  const catchUp = db.transaction((settled: boolean): void => {
    const revision = selectRevision.get() as number;
    if (seen === undefined) reload();
    else if (revision > seen)
      for (const [, id, ...row] of selectChanged.iterate(seen) as Iterable<[number, number, ...KeyRow]>) {
        replace(id, row[0] === null ? undefined : (row as KeyRow));
        if (!settled) dirty.add(id);
      }
    for (const id of dirty) replace(id, selectOne.get(id) as KeyRow | undefined);
    if (!settled) return;
    seen = revision;
    dirty.clear();
  });
  // Deferred: a read takes no write lock, so it never waits for the writer thread's batch.
  const refresh = () => catchUp.deferred(!db.inTransaction);

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
