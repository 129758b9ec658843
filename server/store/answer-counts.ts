// Answer counts kept in each insert's transaction, and the sums the dashboard reads: per key (survey, version,
// region, briefing, day) a vector of counts plus the responses' byte records (see the 0003 migration).
import { kazakhstanDay } from '../domain/kazakhstan-time';
import { endianness } from 'node:os';
import {
  compileLayout,
  countAnswers,
  textsOf,
  type CountLayout,
  keyOf,
  toVersionTally,
  isWanted,
} from './count-layout';
import type {
  CountFilter,
  CountPlan,
  CoverageDimension,
  DimensionCount,
  TallyGroup,
  TallyGrouping,
} from './count-types';
import { createCrosstab } from './answer-crosstab';
import { createCountCache } from './count-cache';
import { createCountAdjustments } from './count-adjustments';
import type { Db } from './db';
import type { InsertedResponse, Projection } from './interface/projection';

export const RECORDS_PER_CHUNK = 64;

// The vectors are read as native int32; every platform Node supports in practice is little-endian.
if (endianness() !== 'LE') throw new Error('answer counts assume a little-endian machine');

/** A count's day is the day on Kazakhstan's clock, the day the export's date filters mean. */
export const countDay = (submittedAt: string): string => kazakhstanDay(submittedAt);

export const planKey = (surveyId: string, version: number) => `${surveyId}\u0000${version}`;

/** A stored vector as an int32 copy to change and write back (a Buffer from SQLite may start at any byte). */
export function readVector(blob: Buffer, layout: CountLayout): Int32Array {
  if (blob.byteLength !== layout.vectorLength * 4)
    throw new Error(
      `answer counts of ${layout.plan.surveyId} v${layout.plan.version} do not fit its plan: run recount`,
    );
  const vector = new Int32Array(layout.vectorLength);
  new Uint8Array(vector.buffer).set(blob);
  return vector;
}

export const vectorBlob = (vector: Int32Array) =>
  Buffer.from(vector.buffer, vector.byteOffset, vector.byteLength);

/** WHERE on answer_counts (alias k) from fixed fragments; values travel only as parameters. */
export function keyWhere(filter: CountFilter): { sql: string; params: Record<string, unknown> } {
  const parts = ['k.survey_id = @surveyId'];
  const params: Record<string, unknown> = { surveyId: filter.surveyId };
  const list = (column: string, name: string, values: readonly unknown[] | undefined) => {
    if (values === undefined) return;
    parts.push(`k.${column} IN (SELECT value FROM json_each(@${name}))`);
    params[name] = JSON.stringify(values);
  };
  list('region', 'regions', filter.regions);
  list('version', 'versions', filter.versions);
  list('briefing', 'briefings', filter.briefings);
  if (filter.fromDay !== undefined) {
    parts.push('k.day >= @fromDay');
    params.fromDay = filter.fromDay;
  }
  if (filter.toDay !== undefined) {
    parts.push('k.day <= @toDay');
    params.toDay = filter.toDay;
  }
  return { sql: parts.join(' AND '), params };
}

/** A key row's identity: survey, version, region, briefing ('' for none), day. */
type KeyParams = [string, number, string, string, string];

interface KeyRow {
  id: number;
  responses: number;
  counts: Buffer;
}

/** Work between two turns of the event loop while records are read for a question-by-question table. */
export const RECORD_SLICE_MS = 10;
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * @param openReader a read-only connection of its own, for the long reads that yield to the event loop between
 *   slices (an iteration left open on `db` would make every insert in between throw "connection is busy").
 */
export function createAnswerCounts(
  db: Db,
  plans: readonly CountPlan[],
  openReader: () => Db,
  recordSliceMs = RECORD_SLICE_MS,
) {
  const layouts = new Map(plans.map((p) => [planKey(p.surveyId, p.version), compileLayout(p)]));
  const layoutOf = (surveyId: string, version: number) => layouts.get(planKey(surveyId, version));
  const cache = createCountCache(db, layoutOf);
  const adjustmentsFor = createCountAdjustments(db, layoutOf);
  // Positional parameters: this runs for every batch, and binding by name costs more.
  const selectKey = db.prepare<KeyParams, KeyRow>(`SELECT id, responses, counts FROM answer_counts
    WHERE survey_id = ? AND version = ? AND region = ? AND briefing = ? AND day = ?`);
  const insertKey =
    db.prepare(`INSERT INTO answer_counts (survey_id, version, region, briefing, day, responses, counts)
    VALUES (?, ?, ?, ?, ?, ?, ?)`);
  const updateKey = db.prepare('UPDATE answer_counts SET responses = ?, counts = ? WHERE id = ?');
  const startChunk = db.prepare('INSERT INTO answer_records (key_id, chunk, records) VALUES (?, ?, ?)');
  // `||` yields TEXT even of two BLOBs (bytes kept as they are, NULs included): the CAST makes it a BLOB again.
  const appendRecord = db.prepare(
    'UPDATE answer_records SET records = CAST(records || ? AS BLOB) WHERE key_id = ? AND chunk = ?',
  );
  const insertText =
    db.prepare(`INSERT INTO answer_texts (survey_id, question, response_rowid, key_id, folded)
    VALUES (?, ?, ?, ?, ?)`);

  /**
   * Called once per transaction (the group commit's batch, an import's), after every response's savepoint, with the
   * responses stored: each key row is read and written once for all of its responses, and their byte records are
   * appended a chunk at a time. Measured per response, the key's read and write were most of the counting cost.
   * A version without a plan (a store opened without plans) is not counted; recount then agrees.
   */
  function countBatch(inserted: readonly InsertedResponse[]): void {
    const groups = new Map<string, { layout: CountLayout; key: KeyParams; items: InsertedResponse[] }>();
    for (const item of inserted) {
      const r = item.response;
      const layout = layouts.get(planKey(r.surveyId, r.version));
      if (!layout) continue;
      const key: KeyParams = [r.surveyId, r.version, r.region, r.briefing ?? '', countDay(r.submittedAt)];
      const name = key.join('\u0000');
      const group = groups.get(name);
      if (group) group.items.push(item);
      else groups.set(name, { layout, key, items: [item] });
    }
    for (const group of groups.values()) countKey(group.layout, group.key, group.items);
  }

  function countKey(layout: CountLayout, key: KeyParams, items: readonly InsertedResponse[]): void {
    const size = layout.recordLength;
    const records = new Uint8Array(size * items.length);
    const row = selectKey.get(...key);
    const vector = row ? readVector(row.counts, layout) : new Int32Array(layout.vectorLength);
    items.forEach((item, i) =>
      countAnswers(layout, item.response.answers, vector, records, i * size, item.recordKey),
    );
    const before = row?.responses ?? 0;
    const after = before + items.length;
    const keyId = row
      ? (updateKey.run(after, vectorBlob(vector), row.id), row.id)
      : Number(insertKey.run(...key, after, vectorBlob(vector)).lastInsertRowid);
    cache.touched(keyId);
    // Records go to chunks of RECORDS_PER_CHUNK by their position in the key: the first run may top up the key's
    // last chunk, the rest start chunks of their own.
    for (let at = before; at < after;) {
      const chunk = Math.floor(at / RECORDS_PER_CHUNK);
      const end = Math.min(after, (chunk + 1) * RECORDS_PER_CHUNK);
      const bytes = Buffer.from(records.buffer, (at - before) * size, (end - at) * size);
      if (at % RECORDS_PER_CHUNK === 0) startChunk.run(keyId, chunk, bytes);
      else appendRecord.run(bytes, keyId, chunk);
      at = end;
    }
    for (const { response: r, rowid } of items)
      for (const [question, folded] of textsOf(layout.plan, r.answers))
        insertText.run(r.surveyId, question, rowid, keyId, folded);
  }

  /** Sums key vectors (held in memory, see count-cache.ts): one group, or one per region. */
  function tallyByKey(filter: CountFilter, byRegion: boolean, only?: ReadonlySet<string>): TallyGroup[] {
    const groups = new Map<string, Map<number, { responses: number; sums: Float64Array }>>();
    // The parts of each version's vector worth adding: the asked-for questions only (a crosstab wants one).
    const ranges = new Map<number, [number, number][]>();
    const rangesOf = (layout: CountLayout) => {
      let r = ranges.get(layout.plan.version);
      if (!r) {
        const wanted = layout.questions.filter((q) => isWanted(q, only));
        // Each question's counts and, as far along, their key sums; and the responses' key sum.
        const keys = layout.keysOffset;
        r = wanted.flatMap((q): [number, number][] => [
          [q.offset, q.offset + 1 + q.size],
          [keys + q.offset, keys + q.offset + 1 + q.size],
        ]);
        r.push([layout.responsesKeyAt, layout.responsesKeyAt + 1]);
        ranges.set(layout.plan.version, r);
      }
      return r;
    };
    const adjusted = adjustmentsFor(filter).map((a) => a.key);
    for (const { version, region, responses, vector } of [...cache.sums(filter), ...adjusted]) {
      const layout = layoutOf(filter.surveyId, version)!;
      const key = byRegion ? region : '';
      let versions = groups.get(key);
      if (!versions) groups.set(key, (versions = new Map()));
      let acc = versions.get(version);
      if (!acc) versions.set(version, (acc = { responses: 0, sums: new Float64Array(layout.vectorLength) }));
      acc.responses += responses;
      const sums = acc.sums;
      for (const [from, to] of rangesOf(layout)) for (let i = from; i < to; i++) sums[i]! += vector[i]!;
    }
    return [...groups].map(([key, versions]) => ({
      key,
      versions: [...versions].map(([v, acc]) =>
        toVersionTally(layoutOf(filter.surveyId, v)!, acc.responses, acc.sums, only),
      ),
    }));
  }

  /**
   * Groups respondents by their answer to a single- or multiple-choice question and tallies the `only` questions
   * in each group, from the byte records (~90 bytes a response). Responses of versions without `by` are left out.
   * At a million responses this is ~0.5 s of CPU: it reads on its own connection (one snapshot) and lets the event
   * loop run every `recordSliceMs`, so responses keep being stored meanwhile.
   */
  async function tallyByAnswer(
    filter: CountFilter,
    by: string,
    only: ReadonlySet<string>,
  ): Promise<TallyGroup[]> {
    const { sql, params } = keyWhere(filter);
    const crosstab = createCrosstab((version) => layoutOf(filter.surveyId, version), by, only);
    // Worked out before the long read, on this connection: the snapshot differs by the writes of a few slices at
    // most, as any two reads a moment apart would.
    const adjustments = adjustmentsFor(filter);
    const reader = openReader();
    try {
      reader.exec('BEGIN');
      const rows = reader
        .prepare(
          `SELECT k.version, r.records FROM answer_records r JOIN answer_counts k ON k.id = r.key_id WHERE ${sql}`,
        )
        .raw();
      let sliceStarted = performance.now();
      for (const [version, records] of rows.iterate(params) as Iterable<[number, Buffer]>) {
        crosstab.consume(version, new Uint8Array(records.buffer, records.byteOffset, records.byteLength), 1);
        if (performance.now() - sliceStarted >= recordSliceMs) {
          await nextTurn();
          sliceStarted = performance.now();
        }
      }
    } finally {
      reader.close();
    }
    for (const a of adjustments) crosstab.consume(a.key.version, a.record, a.sign);
    return crosstab.result();
  }

  /** The answer counts and the text index as one projection: the index's rows point at the counts' key row. */
  const projection: Projection = { onBatch: countBatch };

  return {
    projection,
    layouts,
    /** Replaces the plans (recount.ts, which shares `layouts`, then rebuilds the versions whose plan changed). */
    adoptPlans(next: readonly CountPlan[]): void {
      layouts.clear();
      for (const p of next) layouts.set(planKey(p.surveyId, p.version), compileLayout(p));
    },
    tallyAnswers(filter: CountFilter, grouping: TallyGrouping, questions?: readonly string[]): TallyGroup[] {
      return tallyByKey(filter, grouping.by === 'region', questions && new Set(questions));
    },
    tallyAnswersByAnswer(
      filter: CountFilter,
      by: string,
      questions: readonly string[],
    ): Promise<TallyGroup[]> {
      return tallyByAnswer(filter, by, new Set(questions));
    },
    countResponsesBy(filter: CountFilter, dimension: CoverageDimension): DimensionCount[] {
      const sums = new Map<string | number, DimensionCount>();
      const add = (key: string | number, n: number, keySum: number) => {
        const s = sums.get(key);
        if (s) {
          s.responses += n;
          s.cellKey = keyOf(s.cellKey + keySum);
        } else sums.set(key, { key, responses: n, cellKey: keyOf(keySum) });
      };
      const keyAt = (version: number) => layoutOf(filter.surveyId, version)!.responsesKeyAt;
      if (dimension === 'region' || dimension === 'version')
        for (const k of cache.sums(filter)) add(k[dimension], k.responses, k.vector[keyAt(k.version)]!);
      else for (const k of cache.keys(filter)) add(k[dimension], k.responses, k.vector[keyAt(k.version)]!);
      for (const { key: k } of adjustmentsFor(filter))
        add(k[dimension], k.responses, k.vector[keyAt(k.version)]!);
      return [...sums.values()]
        .filter((s) => s.responses > 0)
        .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    },
    /** After a recount on this connection renumbered the keys. */
    invalidate: cache.invalidate,
    /** After this connection rewrote one key (count-key-rebuild.ts). */
    touched: cache.touched,
  };
}

export type AnswerCounts = ReturnType<typeof createAnswerCounts>;
