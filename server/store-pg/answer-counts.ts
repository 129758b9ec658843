// Answer counts on PostgreSQL, with the same vectors as SQLite (server/store/count-layout.ts, key sums for the cell
// key method included) but no hot row: each store adds to the rows of its own shard (shard.ts), in the write's
// transaction, one read and one upsert per batch for all its keys; readers sum the shards.
import { countDay, planKey } from '../store/answer-counts';
import {
  compileLayout,
  countAnswers,
  keyOf,
  textsOf,
  toVersionTally,
  type CountLayout,
} from '../store/count-layout';
import type {
  CountFilter,
  CountPlan,
  CoverageDimension,
  DimensionCount,
  TallyGroup,
  TallyGrouping,
} from '../store/count-types';
import type { NewResponse } from '../store/types';
import { countAdjustments } from './count-adjustments';
import { blobOf, KEY_COLUMNS, type KeyRow } from './count-keys';
import type { Pool, PoolClient } from './pool';
import { createCountRowsCache } from './count-rows-cache';
import { createTallyMemo, withRows } from './tally-memo';
import { runStatements, type Statement } from './batch-statement';
import { textStatement, type IndexedText } from './text-index';

/**
 * A response just inserted in this transaction, with the record key drawn for it. `sign: -1` takes a counted
 * response out again (a review that rejects it, demo data removed): its vector is subtracted in this store's shard,
 * its byte record appended with sign -1 (the crosstab takes it away) and its texts leave the index; the sums over
 * the shards stay exact without touching another server's rows.
 */
export interface CountedResponse {
  response: NewResponse;
  recordKey: number;
  /** Its insertion order (responses.seq): the text index and the stored lines refer to it. */
  seq: number;
  /** The earlier response of the same briefing with the same answers, if any (server/store/duplicates.ts). */
  duplicateOf: string | null;
  sign?: 1 | -1;
}

/** The columns of a stored response that its counts need, as reviews and demo removal read them back. */
export interface StoredCountRow {
  seq: number;
  id: string;
  survey_id: string;
  version: number;
  region: string;
  briefing: string | null;
  submitted_at: string;
  answers: string;
  record_key: number;
  duplicate_of: string | null;
}

/** A stored response as the counts take it out (-1: a rejection, demo removal) or put it back (+1). */
export const storedCounted = (r: StoredCountRow, sign: 1 | -1): CountedResponse => ({
  response: {
    id: r.id,
    surveyId: r.survey_id,
    version: r.version,
    region: r.region,
    briefing: r.briefing,
    submittedAt: r.submitted_at,
    answers: JSON.parse(r.answers) as Record<string, unknown>,
  } as NewResponse,
  recordKey: r.record_key,
  seq: r.seq,
  duplicateOf: r.duplicate_of,
  sign,
});

/**
 * Writers hold it shared for their transaction (they never wait for each other), a recount exclusively: a count
 * read by a writer before a recount's rebuild would otherwise be written back on top of it.
 */
export const RECOUNT_LOCK = "hashtext(current_schema() || ':recount')";

export function readVector(blob: Buffer, layout: CountLayout): Int32Array {
  if (blob.byteLength !== layout.vectorLength * 4)
    throw new Error(
      `answer counts of ${layout.plan.surveyId} v${layout.plan.version} do not fit its plan: run recount`,
    );
  const vector = new Int32Array(layout.vectorLength);
  new Uint8Array(vector.buffer).set(blob);
  return vector;
}

export function createPgAnswerCounts(pool: Pool, plans: readonly CountPlan[], shard: () => number) {
  const layouts = new Map(plans.map((p) => [planKey(p.surveyId, p.version), compileLayout(p)]));
  const layoutOf = (surveyId: string, version: number) => layouts.get(planKey(surveyId, version));

  /**
   * Adds the batch's new responses to this store's shard rows (one SELECT and one upsert for every key at once), their
   * byte records (one row per key) and their free texts to the text index.
   */
  async function countBatch(client: PoolClient, created: readonly CountedResponse[]): Promise<void> {
    await runStatements(client, await countStatements(client, created));
  }

  /**
   * countBatch's reads, done; its writes (counts, records, texts) returned to go out with the batch's other writes
   * in one round trip. `recountLockHeld`: the transaction began by taking RECOUNT_LOCK (the group commit's do).
   */
  async function countStatements(
    client: PoolClient,
    created: readonly CountedResponse[],
    { recountLockHeld = false, shard: into = shard() }: { recountLockHeld?: boolean; shard?: number } = {},
  ): Promise<Statement[]> {
    const keys = new Map<
      string,
      { key: [string, number, string, string, string]; layout: CountLayout; items: CountedResponse[] }
    >();
    for (const c of created) {
      const r = c.response;
      const layout = layoutOf(r.surveyId, r.version);
      // A version without a plan is not counted; recount then agrees.
      if (!layout) continue;
      const key: [string, number, string, string, string] = [
        r.surveyId,
        r.version,
        r.region,
        r.briefing ?? '',
        countDay(r.submittedAt),
      ];
      const name = key.join('\u0000');
      const entry = keys.get(name);
      if (entry) entry.items.push(c);
      else keys.set(name, { key, layout, items: [c] });
    }
    if (keys.size === 0) return [];
    const taken = created.filter((c) => c.sign === -1).map((c) => c.seq);
    if (taken.length > 0)
      await client.query('DELETE FROM answer_texts WHERE response_seq = ANY($1::bigint[])', [taken]);
    if (!recountLockHeld) await client.query(`SELECT pg_advisory_xact_lock_shared(${RECOUNT_LOCK})`);
    const columns = [0, 1, 2, 3, 4].map((i) => [...keys.values()].map((k) => k.key[i]));
    const { rows } = await client.query<KeyRow>(
      `SELECT ${KEY_COLUMNS}, responses, counts FROM answer_counts
       WHERE shard = $1 AND (${KEY_COLUMNS}) IN
         (SELECT * FROM unnest($2::text[], $3::int[], $4::text[], $5::text[], $6::text[]))`,
      [into, ...columns],
    );
    const existing = new Map(
      rows.map((row) => [
        [row.survey_id, row.version, row.region, row.briefing, row.day].join('\u0000'),
        row,
      ]),
    );
    const responses: number[] = [];
    const vectors: Buffer[] = [];
    const records: { at: number; sign: 1 | -1; bytes: Buffer }[] = [];
    const texts: IndexedText[] = [];
    [...keys.values()].forEach(({ key, layout, items }, at) => {
      const row = existing.get(key.join('\u0000'));
      const vector = row ? readVector(row.counts, layout) : new Int32Array(layout.vectorLength);
      let added = 0;
      for (const sign of [1, -1] as const) {
        const signed = items.filter((c) => (c.sign ?? 1) === sign);
        if (signed.length === 0) continue;
        const part = sign > 0 ? vector : new Int32Array(layout.vectorLength);
        const bytes = new Uint8Array(layout.recordLength * signed.length);
        signed.forEach(({ response, recordKey, seq }, i) => {
          countAnswers(layout, response.answers, part, bytes, i * layout.recordLength, recordKey);
          if (sign > 0)
            for (const [question, folded] of textsOf(layout.plan, response.answers))
              texts.push({ key, question, seq, folded });
        });
        if (sign < 0) for (let i = 0; i < vector.length; i++) vector[i] = vector[i]! - part[i]!;
        added += sign * signed.length;
        records.push({ at, sign, bytes: Buffer.from(bytes.buffer) });
      }
      responses.push((row?.responses ?? 0) + added);
      vectors.push(blobOf(vector));
    });
    const writes: Statement[] = [
      {
        sql: `INSERT INTO answer_counts (${KEY_COLUMNS}, shard, responses, counts)
       SELECT s, v, r, b, d, $1, n, c
       FROM unnest($2::text[], $3::int[], $4::text[], $5::text[], $6::text[], $7::int[], $8::bytea[])
         AS t(s, v, r, b, d, n, c)
       ON CONFLICT (${KEY_COLUMNS}, shard) DO UPDATE SET responses = EXCLUDED.responses, counts = EXCLUDED.counts`,
        params: [into, ...columns, responses, vectors],
      },
      {
        sql: `INSERT INTO answer_records (${KEY_COLUMNS}, shard, sign, records)
       SELECT s, v, r, b, d, $1, n, c
       FROM unnest($2::text[], $3::int[], $4::text[], $5::text[], $6::text[], $7::smallint[], $8::bytea[])
         AS t(s, v, r, b, d, n, c)`,
        params: [
          into,
          ...columns.map((column) => records.map((r) => column[r.at])),
          records.map((r) => r.sign),
          records.map((r) => r.bytes),
        ],
      },
    ];
    const indexed = textStatement(texts);
    if (indexed) writes.push(indexed);
    return writes;
  }

  const countRows = createCountRowsCache(pool);
  const sumsOf = createTallyMemo(layoutOf);
  /** The matching key rows of every shard, and the responses `review: 'all'` or `excludeFlagged` add or take away. */
  async function keyRows(filter: CountFilter): Promise<KeyRow[]> {
    const rows = (await countRows(filter)).map((r) => r.row);
    rows.push(...(await countAdjustments(pool, filter, layoutOf)).map((a) => a.keyRow));
    return rows;
  }

  return {
    layouts,
    countBatch,
    countStatements,
    async tallyAnswers(
      filter: CountFilter,
      grouping: TallyGrouping,
      questions?: readonly string[],
    ): Promise<TallyGroup[]> {
      const only = questions && new Set(questions);
      const groupOf = grouping.by === 'region' ? (row: KeyRow) => row.region : () => '';
      const [rows, adjustments] = await Promise.all([
        countRows(filter),
        countAdjustments(pool, filter, layoutOf),
      ]);
      // The review and flag options change only the adjustments: the rows' sums are the same for all of them.
      const { review: _review, excludeFlagged: _flagged, ...rowFilter } = filter;
      const kept = sumsOf(JSON.stringify([rowFilter, grouping.by]), filter.surveyId, groupOf, rows);
      const groups =
        adjustments.length === 0
          ? kept
          : withRows(
              kept,
              adjustments.map((a) => a.keyRow),
              groupOf,
              (v) => layoutOf(filter.surveyId, v),
            );
      // Shards that add up to no response (all taken out again by reviews) make no group, as SQLite has no key.
      return (
        [...groups]
          .map(([key, versions]) => ({
            key,
            versions: [...versions]
              .filter(([, acc]) => acc.responses !== 0)
              .sort(([a], [b]) => a - b)
              .map(([v, acc]) =>
                toVersionTally(layoutOf(filter.surveyId, v)!, acc.responses, acc.sums, only),
              ),
          }))
          .filter((g) => g.versions.length > 0)
          // In key order: the kept sums hold their groups in the order they were first met.
          .sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0))
      );
    },
    async countResponsesBy(filter: CountFilter, dimension: CoverageDimension): Promise<DimensionCount[]> {
      const sums = new Map<string | number, DimensionCount>();
      for (const row of await keyRows(filter)) {
        const layout = layoutOf(filter.surveyId, row.version);
        if (!layout || row.counts.byteLength !== layout.vectorLength * 4) continue;
        const keySum = row.counts.readInt32LE(layout.responsesKeyAt * 4);
        const key = row[dimension];
        const s = sums.get(key);
        if (s) {
          s.responses += row.responses;
          s.cellKey = keyOf(s.cellKey + keySum);
        } else sums.set(key, { key, responses: row.responses, cellKey: keyOf(keySum) });
      }
      return [...sums.values()]
        .filter((s) => s.responses !== 0)
        .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    },
  };
}

export type PgAnswerCounts = ReturnType<typeof createPgAnswerCounts>;
