// PostgreSQL only: the export reader holds one batch, not the export. 20,000 responses of ~4 KB each (80 MB of
// answers) stream through the server-side cursor in batches of at most EXPORT_BATCH rows, and the live heap (measured
// after a full collection at every batch) never grows by more than a few batches; a reader left after its first
// batch and closed gives its connection back.
import v8 from 'node:v8';
import vm from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NewResponse } from '../../server/store';
import { openPostgresStore, type PostgresStore } from '../../server/store-pg';
import { EXPORT_BATCH } from '../../server/store-pg/export-reader';
import { freshSchema, type TestSchema } from '../support/postgres';

const N = 20_000;
const FILLER = 'x'.repeat(4000);
// A full collection on demand, so that the heap measured is what is alive, not garbage not yet collected.
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;
const liveHeap = () => {
  gc();
  return process.memoryUsage().heapUsed;
};
const response = (i: number): NewResponse => ({
  id: `m${String(i).padStart(5, '0')}`,
  surveyId: 'example',
  version: 1,
  locale: 'kk',
  region: ['KZ-10', 'KZ-75'][i % 2]!,
  briefing: null,
  startedAt: null,
  submittedAt: new Date(Date.UTC(2024, 0, 1) + i * 1000).toISOString(),
  answers: { proposal: `${i} ${FILLER}` },
  contacts: null,
  contentHash: `h${i}`,
});

let schema: TestSchema;
let store: PostgresStore;
beforeAll(async () => {
  schema = await freshSchema();
  store = await openPostgresStore(schema.url, { poolSize: 3 });
  await store.publishVersions([{ surveyId: 'example', version: 1, sha256: 'x' }], 'T');
  for (let from = 0; from < N; from += 2000)
    await store.insertResponses(Array.from({ length: 2000 }, (_, k) => response(from + k)));
}, 120_000);
afterAll(async () => {
  await store.close();
  await schema.drop();
});

const inUse = () => store.pool.totalCount - store.pool.idleCount;

describe('PostgreSQL export reader', () => {
  it('streams 20,000 rows a batch at a time, the live heap growing by a few batches at most', async () => {
    const reader = await store.openExportReader();
    const before = liveHeap();
    let peak = 0;
    let rows = 0;
    let bytes = 0;
    const sizes: number[] = [];
    try {
      for await (const batch of reader.rows({ surveyId: 'example' }, { contacts: false })) {
        sizes.push(batch.length);
        rows += batch.length;
        for (const row of batch) bytes += row[6].length;
        peak = Math.max(peak, liveHeap() - before);
      }
    } finally {
      await reader.close();
    }
    expect(rows).toBe(N);
    expect(bytes).toBeGreaterThan(80_000_000);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(EXPORT_BATCH);
    expect(sizes).toHaveLength(Math.ceil(N / EXPORT_BATCH));
    // Holding the export would take over 80 MB; a batch is ~4 MB of answers.
    expect(peak).toBeLessThan(16_000_000);
    expect(inUse()).toBe(0);
  });

  it('gives its connection back when closed after a reader stopped at the first batch', async () => {
    const idle = store.pool.idleCount;
    const reader = await store.openExportReader();
    for await (const batch of reader.lines({ surveyId: 'example' }, 'no layout')) {
      expect(batch.length).toBe(EXPORT_BATCH);
      break;
    }
    expect(inUse()).toBe(1);
    // The cursor is closed, the snapshot still held: the reader still answers.
    expect(await reader.count({ surveyId: 'example' })).toBe(N);
    await reader.close();
    await reader.close();
    expect(inUse()).toBe(0);
    expect(store.pool.idleCount).toBeGreaterThanOrEqual(Math.max(idle, 1));
  });
});
