// PostgreSQL only: the engine's own reads of responses (the store copy's check uses them): counts by filter, and a
// stream through a cursor in submission order that a reader may leave early without holding a connection.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NewResponse, ResponseFilter } from '../../server/store';
import { openPostgresStore, type PostgresStore } from '../../server/store-pg';
import { freshSchema, type TestSchema } from '../support/postgres';

const response = (id: string, overrides: Partial<NewResponse> = {}): NewResponse => ({
  id,
  surveyId: 'example',
  version: 1,
  locale: 'kk',
  region: 'KZ-10',
  briefing: null,
  startedAt: null,
  submittedAt: '2023-09-15T10:00:00.000Z',
  answers: { region: 'KZ-10' },
  contacts: null,
  contentHash: id,
  ...overrides,
});

let schema: TestSchema;
let store: PostgresStore;
beforeEach(async () => {
  schema = await freshSchema();
  store = await openPostgresStore(schema.url, { poolSize: 2 });
  await store.publishVersions(
    [
      { surveyId: 'example', version: 1, sha256: 'a' },
      { surveyId: 'example', version: 2, sha256: 'b' },
    ],
    'T',
  );
});
afterEach(async () => {
  await store.close();
  await schema.drop();
});

describe('PostgreSQL response reads', () => {
  it('count and stream by regions, versions and time, in submission order', async () => {
    await store.insertResponses([
      response('t3', { submittedAt: '2023-09-15T12:00:00.000Z', region: 'KZ-11' }),
      response('t1', { submittedAt: '2023-09-15T08:00:00.000Z' }),
      response('t2', { submittedAt: '2023-09-15T09:00:00.000Z', version: 2 }),
      response('t4', { submittedAt: '2023-09-16T00:00:00.000Z', region: 'KZ-11' }),
    ]);
    const ids = async (filter: ResponseFilter) => {
      const out: string[] = [];
      for await (const r of store.iterateResponses(filter)) out.push(r.id);
      return out;
    };
    expect(await ids({ surveyId: 'example' })).toEqual(['t1', 't2', 't3', 't4']);
    expect(await ids({ surveyId: 'example', regions: ['KZ-11'] })).toEqual(['t3', 't4']);
    expect(await ids({ surveyId: 'example', versions: [2] })).toEqual(['t2']);
    expect(
      await ids({ surveyId: 'example', from: '2023-09-15T09:00:00.000Z', to: '2023-09-16T00:00:00.000Z' }),
    ).toEqual(['t2', 't3']);
    expect(await store.countStoredResponses({ surveyId: 'example', regions: ['KZ-10'] })).toBe(2);
    expect(await store.countStoredResponses({ surveyId: 'nothing' })).toBe(0);
  });

  it('let a reader stop a stream early, with the pool (two connections) still serving writes and reads', async () => {
    await store.insertResponses(Array.from({ length: 2500 }, (_, i) => response(`s${i}`)));
    for (let round = 0; round < 3; round++) {
      let seen = 0;
      for await (const _ of store.iterateResponses({ surveyId: 'example' })) if (++seen === 10) break;
      expect(seen).toBe(10);
    }
    expect((await store.submitResponse(response('after'))).status).toBe('created');
    expect(await store.countStoredResponses({ surveyId: 'example' })).toBe(2501);
  });
});
