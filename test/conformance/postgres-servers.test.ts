// PostgreSQL only: several stores (app servers) on one database. Each adds to a count shard of its own, so
// concurrent servers never contend for one count row; the same id posted to both at once is stored once; and a
// shard given back (a server stopped or killed) is taken by the next store that opens.
import { afterEach, describe, expect, it } from 'vitest';
import { countPlansOf } from '../../exports/aggregates/count-plan';
import { loadCatalog } from '../../server/catalog/load';
import type { NewResponse } from '../../server/store';
import { openPostgresStore, type PostgresStore } from '../../server/store-pg';
import { freshSchema, type TestSchema } from '../support/postgres';
import { FIXTURE_SURVEYS } from '../support/server';

const plans = countPlansOf(loadCatalog(FIXTURE_SURVEYS).catalog.surveys);

const response = (id: string, region = 'KZ-10'): NewResponse => ({
  id,
  surveyId: 'example',
  version: 1,
  locale: 'kk',
  region,
  briefing: null,
  startedAt: null,
  submittedAt: '2023-09-15T10:00:00.000Z',
  answers: { region, role: 'volunteer' },
  contacts: null,
  contentHash: `h-${id}`,
});

let schema: TestSchema | undefined;
const open: PostgresStore[] = [];
afterEach(async () => {
  for (const s of open.splice(0)) await s.close();
  await schema?.drop();
});

/** An analyst rejects the response `id` through `store` (a review, with its audit line). */
const reject = (store: PostgresStore, id: string) =>
  store.reviewResponses(
    [id],
    { status: 'rejected', note: 'a test', at: 'T2', by: 'analyst@example.kz' },
    () => true,
    () => ({
      at: 'T2',
      actor: 'analyst@example.kz',
      action: 'response-reviewed',
      address: null,
      details: {},
    }),
  );

async function twoStores(): Promise<[PostgresStore, PostgresStore]> {
  schema = await freshSchema();
  const a = await openPostgresStore(schema.url, { countPlans: plans, poolSize: 3 });
  const b = await openPostgresStore(schema.url, { countPlans: plans, poolSize: 3 });
  open.push(a, b);
  await a.publishVersions([{ surveyId: 'example', version: 1, sha256: 'x' }], 'T');
  return [a, b];
}

describe('several PostgreSQL stores on one database', () => {
  it('write concurrently to their own count shards, and every reader sums them', async () => {
    const [a, b] = await twoStores();
    // Each store holds a shard per batch in flight (group-commit.ts), none shared with the other store.
    expect(a.shards.filter((n) => b.shards.includes(n))).toEqual([]);
    const ids = Array.from({ length: 200 }, (_, i) => `x${i}`);
    // Every id to both servers at once, in opposite orders: each is created exactly once, the other copy is a retry.
    const outcomes = await Promise.all([
      ...ids.map((id) => a.submitResponse(response(id))),
      ...[...ids].reverse().map((id) => b.submitResponse(response(id))),
    ]);
    expect(outcomes.filter((o) => o.status === 'created')).toHaveLength(200);
    expect(outcomes.filter((o) => o.status === 'duplicate')).toHaveLength(200);
    const more = await Promise.all(
      ids.map((id, i) => (i % 2 ? a : b).submitResponse(response(`y${id}`, 'KZ-11'))),
    );
    expect(more.every((o) => o.status === 'created')).toBe(true);
    for (const store of [a, b]) {
      const [all] = await store.tallyAnswers({ surveyId: 'example' }, { by: 'all' });
      expect(all!.versions[0]!.responses).toBe(400);
      expect(all!.versions[0]!.questions.get('role')?.counts[0]).toBe(400);
    }
    // The KZ-11 key was written by both servers: rows of it in shards of each, and no row either waited on.
    const { rows } = await a.pool.query<{ shard: number; responses: number }>(
      `SELECT shard, responses FROM answer_counts WHERE region = 'KZ-11' ORDER BY shard`,
    );
    expect(rows.some((r) => a.shards.includes(r.shard))).toBe(true);
    expect(rows.some((r) => b.shards.includes(r.shard))).toBe(true);
    expect(rows.every((r) => [...a.shards, ...b.shards].includes(r.shard))).toBe(true);
    expect(rows.reduce((n, r) => n + r.responses, 0)).toBe(200);
  });

  it('a reader that summed the counts before sees the count rows another server changed since', async () => {
    const [a, b] = await twoStores();
    await a.submitResponse(response('k10', 'KZ-10'));
    await b.submitResponse(response('k11', 'KZ-11'));
    const tally = async () => {
      const groups = await a.tallyAnswers({ surveyId: 'example' }, { by: 'region' });
      return Object.fromEntries(groups.map((g) => [g.key, g.versions[0]!.responses]));
    };
    // The first read fills a's cache of count rows; b then updates its KZ-11 row and adds a KZ-12 row.
    expect(await tally()).toEqual({ 'KZ-10': 1, 'KZ-11': 1 });
    await b.submitResponse(response('k11b', 'KZ-11'));
    await b.submitResponse(response('k12', 'KZ-12'));
    expect(await tally()).toEqual({ 'KZ-10': 1, 'KZ-11': 2, 'KZ-12': 1 });
    // A rejection on b takes the response out of b's KZ-11 row: a sees that too.
    const rejected = await reject(b, 'k11b');
    expect(rejected).toHaveProperty('outcomes');
    expect(await tally()).toEqual({ 'KZ-10': 1, 'KZ-11': 1, 'KZ-12': 1 });
  });

  it('keeps its sums between reads, and they equal a fresh reader’s after rows change, go and come back', async () => {
    const [a, b] = await twoStores();
    const everything = async (store: PostgresStore) =>
      JSON.stringify(
        await Promise.all(
          (['all', 'region'] as const).flatMap((by) =>
            [{}, { review: 'all' as const }].map((extra) =>
              store.tallyAnswers({ surveyId: 'example', ...extra }, { by }).then((groups) =>
                groups.map((g) => ({
                  ...g,
                  versions: g.versions.map((v) => ({ ...v, questions: [...v.questions] })),
                })),
              ),
            ),
          ),
        ),
      );
    const fresh = async () => {
      const c = await openPostgresStore(schema!.url, { countPlans: plans, poolSize: 2 });
      try {
        return await everything(c);
      } finally {
        await c.close();
      }
    };
    await Promise.all(['a1', 'a2', 'a3'].map((id, i) => a.submitResponse(response(id, `KZ-1${i}`))));
    const first = await everything(a); // a keeps these sums
    expect(first).toBe(await fresh());
    // Rows change on the other server (an existing key, a new key), one response is rejected there…
    await b.submitResponse(response('b1', 'KZ-10'));
    await b.submitResponse(response('b2', 'KZ-19'));
    await reject(b, 'a2');
    const second = await everything(a);
    expect(second).not.toBe(first);
    expect(second).toBe(await fresh());
    // …and a recount there replaces every row with new ones in its own shard: the old rows leave a's sums.
    await b.recountAnswers(['example']);
    expect(await everything(a)).toBe(second);
    expect(JSON.parse(await everything(a))).toEqual(JSON.parse(await fresh()));
  });

  it('hands a closed store’s shard to the next store that opens', async () => {
    const [a, b] = await twoStores();
    const freed = b.shard;
    await b.close();
    open.splice(open.indexOf(b), 1);
    const c = await openPostgresStore(schema!.url, { countPlans: plans, poolSize: 3 });
    open.push(c);
    expect(c.shard).toBe(freed);
    expect(c.shards).toEqual(b.shards);
    expect(a.shards).not.toContain(c.shard);
  });
});
