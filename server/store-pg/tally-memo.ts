// Sums of count rows kept between reads, per filter and grouping. A summary at a million responses sums ~2,700 rows
// of ~1,000 counts each: 25–30 ms of the event loop per tally on this machine, several tallies per page, where
// SQLite's in-memory cache keeps its sums ready (server/store/count-cache.ts). Between two reads only the rows of
// the keys answered meanwhile change (count-rows-cache.ts names each row version read), so a kept sum takes away
// the old version of each changed row and adds the new one: the work follows what changed, not what is stored.
import type { CountLayout } from '../store/count-layout';
import type { KeyRow } from './count-keys';
import type { StampedKeyRow } from './count-rows-cache';

/** One group's (a region's, or all) sums of one version, laid out as the vectors. */
export interface VersionSums {
  responses: number;
  sums: Float64Array;
}

export type GroupSums = Map<string, Map<number, VersionSums>>;

interface Memo {
  /** The row versions the sums hold, by row name. */
  rows: Map<string, StampedKeyRow>;
  /**
   * The layout each version was summed with (null: it had none, so its rows were left out): a new plan (a recount,
   * a version's first plan) starts the sums again.
   */
  layouts: Map<number, CountLayout | null>;
  groups: GroupSums;
}

/** Kept sums: a filter is a survey, its regions, versions, dates or briefing; each holds a few hundred KB at most. */
const MAX_MEMOS = 64;

function addRow(memo: Memo, groupOf: (row: KeyRow) => string, row: KeyRow, sign: 1 | -1): void {
  const layout = memo.layouts.get(row.version);
  // Rows of a version without a plan, or written under another plan, are left out (as the counts' readers do).
  if (!layout || row.counts.byteLength !== layout.vectorLength * 4) return;
  const key = groupOf(row);
  let versions = memo.groups.get(key);
  if (!versions) memo.groups.set(key, (versions = new Map()));
  let acc = versions.get(row.version);
  if (!acc) versions.set(row.version, (acc = { responses: 0, sums: new Float64Array(layout.vectorLength) }));
  acc.responses += sign * row.responses;
  const { counts } = row;
  // Read in place: the row's bytes are little-endian int32, as written (count-keys.ts).
  for (let i = 0, at = 0; i < layout.vectorLength; i++, at += 4)
    acc.sums[i]! += sign * counts.readInt32LE(at);
}

export function createTallyMemo(layoutOf: (surveyId: string, version: number) => CountLayout | undefined) {
  const memos = new Map<string, Memo>();

  /** The memo kept under `key` if every version it summed still has the same plan, or a fresh one. */
  function memoFor(key: string, surveyId: string): Memo {
    const kept = memos.get(key);
    memos.delete(key);
    const current = (version: number) => layoutOf(surveyId, version) ?? null;
    if (kept && [...kept.layouts].every(([v, layout]) => current(v) === layout)) return kept;
    return { rows: new Map(), layouts: new Map(), groups: new Map() };
  }

  /**
   * The sums of `rows` (every row the filter matches now, as read), grouped by `groupOf`, brought up to date from
   * the sums kept under `key`. The result is the memo's own: read it, do not change it.
   */
  return function sumsOf(
    key: string,
    surveyId: string,
    groupOf: (row: KeyRow) => string,
    rows: readonly StampedKeyRow[],
  ): GroupSums {
    const memo = memoFor(key, surveyId);
    // A version not seen before (a new one published): its layout joins.
    for (const { row } of rows)
      if (!memo.layouts.has(row.version))
        memo.layouts.set(row.version, layoutOf(surveyId, row.version) ?? null);
    const seen = new Set<string>();
    for (const read of rows) {
      seen.add(read.name);
      const held = memo.rows.get(read.name);
      if (held?.stamp === read.stamp) continue;
      if (held) addRow(memo, groupOf, held.row, -1);
      addRow(memo, groupOf, read.row, 1);
      memo.rows.set(read.name, read);
    }
    // Rows gone since (a recount renumbered them, demo data removed): their counts leave the sums.
    for (const [name, held] of memo.rows)
      if (!seen.has(name)) {
        addRow(memo, groupOf, held.row, -1);
        memo.rows.delete(name);
      }
    memos.set(key, memo);
    if (memos.size > MAX_MEMOS) memos.delete(memos.keys().next().value!);
    return memo.groups;
  };
}

/** A copy of `groups` with `rows` added (the responses a request's review or flag option adds or takes away). */
export function withRows(
  groups: GroupSums,
  rows: readonly KeyRow[],
  groupOf: (row: KeyRow) => string,
  layoutOf: (version: number) => CountLayout | undefined,
): GroupSums {
  const copy: GroupSums = new Map(
    [...groups].map(([key, versions]) => [
      key,
      new Map([...versions].map(([v, acc]) => [v, { responses: acc.responses, sums: acc.sums.slice() }])),
    ]),
  );
  const memo: Memo = { rows: new Map(), layouts: new Map(), groups: copy };
  for (const row of rows) memo.layouts.set(row.version, layoutOf(row.version) ?? null);
  for (const row of rows) addRow(memo, groupOf, row, 1);
  return copy;
}
