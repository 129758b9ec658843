// Rebuilds the answer counts of whole surveys on PostgreSQL from the responses (as server/store/recount.ts): every
// shard's key rows, byte records and indexed texts go, and the survey's counts are written again into this store's
// shard, in one transaction that holds the recount lock (answer-counts.ts RECOUNT_LOCK) so that no writer adds to a
// count being rebuilt. It says what differed; it also runs when the store opens (or adopts plans) with a changed plan.
import { countDay, planKey, RECORDS_PER_CHUNK } from '../store/answer-counts';
import { countAnswers, textsOf, type CountLayout } from '../store/count-layout';
import type { CountPlan, RecountReport } from '../store/count-types';
import { planSha256 } from '../store/recount';
import { RECOUNT_LOCK } from './answer-counts';
import type { Pool, PoolClient } from './pool';
import { indexTexts, type IndexedText } from './text-index';

const PAGE = 2_000;
type Key = readonly [surveyId: string, version: number, region: string, briefing: string, day: string];
const nameOf = (k: Key) => k.join('\u0000');

/** A key as summed over every shard: responses, the vector, and the multiset of its records (hex → signed count). */
interface KeyState {
  responses: number;
  vector: Int32Array;
  records: Map<string, number>;
}

async function readKeys(
  client: PoolClient,
  surveyIds: readonly string[],
  layouts: ReadonlyMap<string, CountLayout>,
): Promise<Map<string, KeyState>> {
  const keys = new Map<string, KeyState>();
  const stateOf = (k: Key) => {
    const layout = layouts.get(planKey(k[0], k[1]));
    let s = keys.get(nameOf(k));
    if (!s)
      keys.set(
        nameOf(k),
        (s = { responses: 0, vector: new Int32Array(layout?.vectorLength ?? 0), records: new Map() }),
      );
    return { s, layout };
  };
  type Row = { survey_id: string; version: number; region: string; briefing: string; day: string };
  const key = (r: Row): Key => [r.survey_id, r.version, r.region, r.briefing, r.day];
  const counts = await client.query<Row & { responses: number; counts: Buffer }>(
    'SELECT * FROM answer_counts WHERE survey_id = ANY($1::text[])',
    [surveyIds],
  );
  for (const row of counts.rows) {
    const { s } = stateOf(key(row));
    s.responses += row.responses;
    const v = new Int32Array(new Uint8Array(row.counts).buffer);
    // A vector of another layout's length (the plan changed) differs whatever it holds.
    if (v.length !== s.vector.length) s.responses = -Infinity;
    else for (let i = 0; i < v.length; i++) s.vector[i] = s.vector[i]! + v[i]!;
  }
  // A record appended with sign -1 (a rejection, reviews.ts) cancels one appended with sign 1.
  const records = await client.query<Row & { records: Buffer; sign: number }>(
    'SELECT * FROM answer_records WHERE survey_id = ANY($1::text[])',
    [surveyIds],
  );
  for (const row of records.rows) {
    const { s, layout } = stateOf(key(row));
    const length = layout?.recordLength ?? row.records.length;
    for (let at = 0; at < row.records.length; at += length) {
      const hex = row.records.subarray(at, at + length).toString('hex');
      s.records.set(hex, (s.records.get(hex) ?? 0) + row.sign);
    }
  }
  return keys;
}

const multiset = (s: KeyState | undefined) =>
  [...(s?.records ?? [])]
    .filter(([, n]) => n !== 0)
    .map(([hex, n]) => `${hex}*${n}`)
    .sort()
    .join();

function differingKeys(before: Map<string, KeyState>, after: Map<string, KeyState>) {
  let keys = 0;
  let records = 0;
  for (const name of new Set([...before.keys(), ...after.keys()])) {
    const a = before.get(name);
    const b = after.get(name);
    if (
      !a ||
      !b ||
      a.responses !== b.responses ||
      Buffer.compare(Buffer.from(a.vector.buffer), Buffer.from(b.vector.buffer)) !== 0
    )
      keys++;
    if (multiset(a) !== multiset(b)) records++;
  }
  return { keys, records };
}

export function createPgRecount(pool: Pool, layouts: ReadonlyMap<string, CountLayout>, shard: () => number) {
  /** Counts one survey's responses (all but rejected ones) in insertion order; returns how many were counted. */
  async function rebuildSurvey(client: PoolClient, surveyId: string): Promise<number> {
    for (const table of ['answer_counts', 'answer_records', 'answer_texts'])
      await client.query(`DELETE FROM ${table} WHERE survey_id = $1`, [surveyId]);
    const keys = new Map<
      string,
      { key: Key; layout: CountLayout; responses: number; vector: Int32Array; pending: Uint8Array }
    >();
    const chunks: { key: Key; records: Buffer }[] = [];
    const flush = (acc: { key: Key; layout: CountLayout; responses: number; pending: Uint8Array }) => {
      const inChunk = ((acc.responses - 1) % RECORDS_PER_CHUNK) + 1;
      chunks.push({
        key: acc.key,
        records: Buffer.from(acc.pending.slice(0, inChunk * acc.layout.recordLength)),
      });
      acc.pending.fill(0);
    };
    let counted = 0;
    for (let after = 0; ;) {
      const { rows } = await client.query<{
        seq: number;
        version: number;
        region: string;
        briefing: string | null;
        submitted_at: string;
        answers: string;
        record_key: number;
      }>(
        `SELECT seq, version, region, briefing, submitted_at, answers, record_key FROM responses r
         WHERE survey_id = $1 AND seq > $2 AND NOT EXISTS (
           SELECT 1 FROM response_reviews v WHERE v.response_id = r.id AND v.status = 'rejected')
         ORDER BY seq LIMIT ${PAGE}`,
        [surveyId, after],
      );
      const texts: IndexedText[] = [];
      for (const r of rows) {
        after = r.seq;
        const layout = layouts.get(planKey(surveyId, r.version));
        if (!layout) continue;
        const key: Key = [surveyId, r.version, r.region, r.briefing ?? '', countDay(r.submitted_at)];
        let acc = keys.get(nameOf(key));
        if (!acc)
          keys.set(
            nameOf(key),
            (acc = {
              key,
              layout,
              responses: 0,
              vector: new Int32Array(layout.vectorLength),
              pending: new Uint8Array(layout.recordLength * RECORDS_PER_CHUNK),
            }),
          );
        const slot = acc.responses % RECORDS_PER_CHUNK;
        const answers = JSON.parse(r.answers) as Record<string, unknown>;
        countAnswers(layout, answers, acc.vector, acc.pending, slot * layout.recordLength, r.record_key);
        for (const [question, folded] of textsOf(layout.plan, answers))
          texts.push({ key, question, seq: r.seq, folded });
        acc.responses++;
        counted++;
        if (slot === RECORDS_PER_CHUNK - 1) flush(acc);
      }
      await indexTexts(client, texts);
      await writeChunks(client, chunks.splice(0));
      if (rows.length < PAGE) break;
    }
    for (const acc of keys.values()) if (acc.responses % RECORDS_PER_CHUNK !== 0) flush(acc);
    await writeChunks(client, chunks.splice(0));
    const all = [...keys.values()];
    if (all.length > 0)
      await client.query(
        `INSERT INTO answer_counts (survey_id, version, region, briefing, day, shard, responses, counts)
         SELECT s, v, r, b, d, $1, n, c
         FROM unnest($2::text[], $3::int[], $4::text[], $5::text[], $6::text[], $7::int[], $8::bytea[]) AS t(s, v, r, b, d, n, c)`,
        [
          shard(),
          ...[0, 1, 2, 3, 4].map((i) => all.map((a) => a.key[i])),
          all.map((a) => a.responses),
          all.map((a) => Buffer.from(a.vector.buffer)),
        ],
      );
    return counted;
  }

  async function writeChunks(
    client: PoolClient,
    chunks: readonly { key: Key; records: Buffer }[],
  ): Promise<void> {
    if (chunks.length === 0) return;
    await client.query(
      `INSERT INTO answer_records (survey_id, version, region, briefing, day, shard, records)
       SELECT s, v, r, b, d, $1, c FROM unnest($2::text[], $3::int[], $4::text[], $5::text[], $6::text[], $7::bytea[])
         AS t(s, v, r, b, d, c)`,
      [shard(), ...[0, 1, 2, 3, 4].map((i) => chunks.map((c) => c.key[i])), chunks.map((c) => c.records)],
    );
  }

  const TEXT_ROWS = `SELECT survey_id, question, response_seq, version, region, briefing, day, folded FROM answer_texts
    WHERE survey_id = ANY($1::text[])`;

  /** In the caller's transaction (an exclusive job of the group commit): rebuilds, compares, records the plans. */
  async function recount(client: PoolClient, surveyIds: readonly string[]): Promise<RecountReport> {
    await client.query(`SELECT pg_advisory_xact_lock(${RECOUNT_LOCK})`);
    const before = await readKeys(client, surveyIds, layouts);
    await client.query(`CREATE TEMP TABLE old_texts ON COMMIT DROP AS ${TEXT_ROWS}`, [surveyIds]);
    let responses = 0;
    for (const id of surveyIds) responses += await rebuildSurvey(client, id);
    const after = await readKeys(client, surveyIds, layouts);
    const { rows } = await client.query<{ n: number }>(
      `SELECT count(DISTINCT (survey_id, question, response_seq)) AS n FROM (
         (SELECT * FROM old_texts EXCEPT ${TEXT_ROWS}) UNION ALL (${TEXT_ROWS} EXCEPT SELECT * FROM old_texts)) AS d`,
      [surveyIds],
    );
    await savePlans(
      client,
      [...layouts.values()].map((l) => l.plan).filter((p) => surveyIds.includes(p.surveyId)),
    );
    const differing = differingKeys(before, after);
    return {
      surveys: [...surveyIds],
      responses,
      keysDiffering: differing.keys,
      recordChunksDiffering: differing.records,
      textsDiffering: rows[0]!.n,
    };
  }

  async function savePlans(client: Pool | PoolClient, plans: readonly CountPlan[]): Promise<void> {
    if (plans.length === 0) return;
    await client.query(
      `INSERT INTO count_plans (survey_id, version, sha256)
       SELECT * FROM unnest($1::text[], $2::int[], $3::text[])
       ON CONFLICT (survey_id, version) DO UPDATE SET sha256 = EXCLUDED.sha256`,
      [plans.map((p) => p.surveyId), plans.map((p) => p.version), plans.map(planSha256)],
    );
  }

  /**
   * The surveys whose recorded plans differ from the layouts' and that have responses of such a version (their counts
   * must be rebuilt); the plans of the others are recorded at once.
   */
  async function stalePlans(): Promise<string[]> {
    const { rows } = await pool.query<{ survey_id: string; version: number; sha256: string }>(
      'SELECT survey_id, version, sha256 FROM count_plans',
    );
    const recorded = new Map(rows.map((r) => [planKey(r.survey_id, r.version), r.sha256]));
    const stale = new Set<string>();
    const fresh: CountPlan[] = [];
    for (const [key, { plan }] of layouts) {
      if (recorded.get(key) === planSha256(plan)) continue;
      const { rowCount } = await pool.query(
        'SELECT 1 FROM responses WHERE survey_id = $1 AND version = $2 LIMIT 1',
        [plan.surveyId, plan.version],
      );
      if (rowCount) stale.add(plan.surveyId);
      else fresh.push(plan);
    }
    await savePlans(
      pool,
      fresh.filter((p) => !stale.has(p.surveyId)),
    );
    return [...stale];
  }

  return { recount, stalePlans };
}
