// Store conformance, responses: both engines store each response exactly once and tell an identical retry from a
// clash, also when the two arrive in the same batch; one bad write never fails its batch-mates; contact details
// stay out of what is read back.
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
  /** How many of these ids are stored. */
  const stored = async (ids: string[]) =>
    (await Promise.all(ids.map((id) => store.getResponse(id)))).filter(Boolean).length;

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
    expect(await stored(['r1'])).toBe(1);
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
    expect(await stored(fresh.map((r) => r.id))).toBe(40);
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
});
