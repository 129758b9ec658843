// Store conformance, responses: both engines store each response exactly once and tell an identical retry from a
// clash, also when the two arrive in the same batch; one bad write never fails its batch-mates; reads filter and
// stream alike.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NewResponse } from '../../server/store';
import type { AsyncStorePart } from '../../server/store-pg/contract';
import { ENGINES } from './engines';

function response(id: string, overrides: Partial<NewResponse> = {}): NewResponse {
  return {
    id,
    surveyId: 'example',
    version: 1,
    locale: 'kk',
    region: 'KZ-10',
    briefing: null,
    startedAt: null,
    submittedAt: '2023-09-15T10:00:00.000Z',
    answers: { region: 'KZ-10', proposal: `text of ${id}` },
    contacts: null,
    contentHash: `hash-${id}`,
    ...overrides,
  };
}

const collect = async <T>(items: AsyncIterable<T>) => {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
};

describe.each(ENGINES)('responses on $name', (engine) => {
  let store: AsyncStorePart;
  beforeEach(async () => {
    store = await engine.open();
    await store.publishVersions(
      [
        { surveyId: 'example', version: 1, sha256: 'a' },
        { surveyId: 'example', version: 2, sha256: 'b' },
      ],
      '2023-09-01T00:00:00Z',
    );
  });
  afterEach(() => store.close());

  it('answers created, then duplicate with the first time for the same content, then conflict for other content', async () => {
    expect(await store.submitResponse(response('r1'))).toEqual({
      status: 'created',
      submittedAt: '2023-09-15T10:00:00.000Z',
    });
    expect(await store.submitResponse(response('r1', { submittedAt: '2023-09-15T11:00:00.000Z' }))).toEqual({
      status: 'duplicate',
      submittedAt: '2023-09-15T10:00:00.000Z',
    });
    expect(await store.submitResponse(response('r1', { contentHash: 'other' }))).toEqual({
      status: 'conflict',
    });
    expect(await store.countResponses({ surveyId: 'example' })).toBe(1);
  });

  it('stores a burst of concurrent posts, retries and clashes of one batch exactly once, each with its own answer', async () => {
    const fresh = Array.from({ length: 40 }, (_, i) => response(`b${i}`));
    const outcomes = await Promise.all([
      ...fresh.map((r) => store.submitResponse(r)),
      // The same ids again in the same turn: identical retries of batch-mates, and clashes with them.
      store.submitResponse(response('b3')),
      store.submitResponse(response('b4', { contentHash: 'clash' })),
    ]);
    expect(outcomes.slice(0, 40).every((o) => o.status === 'created')).toBe(true);
    expect(outcomes[40]).toEqual({ status: 'duplicate', submittedAt: '2023-09-15T10:00:00.000Z' });
    expect(outcomes[41]).toEqual({ status: 'conflict' });
    expect(await store.countResponses({ surveyId: 'example' })).toBe(40);
  });

  it('fails only the write that breaks a rule (an unpublished version), not its batch-mates', async () => {
    const results = await Promise.allSettled([
      store.submitResponse(response('ok1')),
      store.submitResponse(response('bad', { version: 9 })),
      store.submitResponse(response('ok2')),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(await store.getResponse('bad')).toBeUndefined();
    expect((await store.getResponse('ok2'))?.answers).toEqual({ region: 'KZ-10', proposal: 'text of ok2' });
  });

  it('inserts many in one call with the same idempotency rules', async () => {
    await store.submitResponse(response('m0'));
    const outcomes = await store.insertResponses([
      response('m0'),
      response('m1'),
      response('m1', { contentHash: 'x' }),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['duplicate', 'created', 'conflict']);
  });

  it('keeps contact details out of the answers it returns', async () => {
    await store.submitResponse(response('c1', { contacts: { contact_name: 'Айгүл' } }));
    const stored = await store.getResponse('c1');
    expect(stored).toMatchObject({
      id: 'c1',
      surveyId: 'example',
      version: 1,
      locale: 'kk',
      region: 'KZ-10',
    });
    expect(JSON.stringify(stored)).not.toContain('Айгүл');
  });

  it('counts and streams by survey, regions, versions and time, in submission order', async () => {
    await store.insertResponses([
      response('t3', { submittedAt: '2023-09-15T12:00:00.000Z', region: 'KZ-11' }),
      response('t1', { submittedAt: '2023-09-15T08:00:00.000Z' }),
      response('t2', { submittedAt: '2023-09-15T09:00:00.000Z', version: 2 }),
      response('t4', { submittedAt: '2023-09-16T00:00:00.000Z', region: 'KZ-11' }),
    ]);
    const ids = async (filter: Parameters<AsyncStorePart['iterateResponses']>[0]) =>
      (await collect(store.iterateResponses(filter))).map((r) => r.id);
    expect(await ids({ surveyId: 'example' })).toEqual(['t1', 't2', 't3', 't4']);
    expect(await ids({ surveyId: 'example', regions: ['KZ-11'] })).toEqual(['t3', 't4']);
    expect(await ids({ surveyId: 'example', versions: [2] })).toEqual(['t2']);
    expect(
      await ids({ surveyId: 'example', from: '2023-09-15T09:00:00.000Z', to: '2023-09-16T00:00:00.000Z' }),
    ).toEqual(['t2', 't3']);
    expect(await store.countResponses({ surveyId: 'example', regions: ['KZ-10'] })).toBe(2);
    expect(await store.countResponses({ surveyId: 'nothing' })).toBe(0);
  });

  it('lets a reader stop a stream early and keeps serving writes and reads after', async () => {
    await store.insertResponses(Array.from({ length: 2500 }, (_, i) => response(`s${i}`)));
    let seen = 0;
    for await (const _ of store.iterateResponses({ surveyId: 'example' })) if (++seen === 10) break;
    expect(seen).toBe(10);
    expect((await store.submitResponse(response('after'))).status).toBe('created');
    expect(await store.countResponses({ surveyId: 'example' })).toBe(2501);
  });
});
