// Store conformance, briefings: the same briefing rows and the same counts of their responses (in total, per hour of
// Kazakhstan's clock, within a reader's regions with cell keys) from both engines.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Briefing, NewResponse } from '../../server/store';
import type { AsyncStorePart } from '../../server/store-pg/contract';
import { ENGINES } from './engines';

const semey: Briefing = {
  slug: 'semey-2023-09',
  surveyId: 'example',
  region: 'KZ-10',
  city: 'Semey',
  cityNames: { kk: 'Семей', ru: 'Семей' },
  date: '2023-09-15',
  title: { kk: 'Семейдегі брифинг', ru: 'Брифинг в Семее', en: 'Briefing in Semey' },
  opensAt: '2023-09-15T04:00:00.000Z',
  closesAt: null,
};

const response = (id: string, submittedAt: string, region = 'KZ-10', briefing: string | null = semey.slug) =>
  ({
    id,
    surveyId: 'example',
    version: 1,
    locale: 'kk',
    region,
    briefing,
    startedAt: null,
    submittedAt,
    answers: { region, id },
    contacts: null,
    contentHash: id,
  }) satisfies NewResponse;

describe.each(ENGINES)('briefings on $name', (engine) => {
  let store: AsyncStorePart;
  beforeEach(async () => {
    store = await engine.open();
    await store.publishVersions([{ surveyId: 'example', version: 1, sha256: 'x' }], 'T');
  });
  afterEach(() => store.close());

  it('adds a briefing once per slug, changes only what is given, lists by date', async () => {
    expect(await store.addBriefing(semey, '2023-09-01T00:00:00.000Z')).toBe(true);
    expect(await store.addBriefing({ ...semey, city: 'Other' }, '2023-09-01T00:00:00.000Z')).toBe(false);
    expect(await store.getBriefing(semey.slug)).toEqual({ ...semey, closedAt: null });
    await store.addBriefing({ ...semey, slug: 'early', date: '2023-09-01', cityNames: {} }, 'T');
    const changed = await store.updateBriefing(semey.slug, { title: { en: 'Semey' }, closedAt: 'C' }, 'T2');
    expect(changed.status === 'updated' && changed.briefing.title).toEqual({ ...semey.title, en: 'Semey' });
    expect(await store.getBriefing(semey.slug)).toMatchObject({
      title: { en: 'Semey', kk: semey.title.kk },
      closedAt: 'C',
    });
    expect(await store.updateBriefing('nothing', { city: 'x' }, 'T')).toEqual({ status: 'not-found' });
    expect((await store.listBriefings()).map((b) => b.slug)).toEqual(['early', semey.slug]);
  });

  it('moves a briefing to another survey only while no response names it, checked in the write itself', async () => {
    await store.addBriefing(semey, 'T');
    const moved = await store.updateBriefing(semey.slug, { surveyId: 'other' }, 'T2');
    expect(moved).toMatchObject({ status: 'updated', briefing: { surveyId: 'other' } });
    await store.updateBriefing(semey.slug, { surveyId: 'example' }, 'T3');
    await store.insertResponses([response('a', '2023-09-15T10:00:00.000Z')]);
    const refused = await store.updateBriefing(semey.slug, { surveyId: 'other', city: 'Changed' }, 'T4');
    expect(refused).toEqual({ status: 'survey-has-responses' });
    expect(await store.getBriefing(semey.slug)).toMatchObject({ surveyId: 'example', city: 'Semey' });
    // Naming its own survey again is no move: the other changes go through.
    const same = await store.updateBriefing(semey.slug, { surveyId: 'example', city: 'Semei' }, 'T5');
    expect(same).toMatchObject({ status: 'updated', briefing: { city: 'Semei' } });
  });

  it('counts a briefing’s responses in total, per local hour and within regions, with cell keys that add up', async () => {
    await store.addBriefing(semey, 'T');
    await store.insertResponses([
      // 18:59 and 19:00 UTC are 23:59 on the 15th and 00:00 on the 16th in Kazakhstan.
      response('a', '2023-09-15T18:59:59.000Z'),
      response('b', '2023-09-15T19:00:00.000Z'),
      response('c', '2023-09-15T19:30:00.000Z', 'KZ-11'),
      response('d', '2023-09-15T10:00:00.000Z', 'KZ-10', null),
    ]);
    expect(await store.countBriefingResponses(semey.slug)).toBe(3);
    expect((await store.briefingResponsesPerBriefingIn(['KZ-10', 'KZ-11'])).get(semey.slug)?.responses).toBe(
      3,
    );
    const inKz10 = await store.briefingResponsesIn(semey.slug, ['KZ-10']);
    expect(inKz10.responses).toBe(2);
    const both = await store.briefingResponsesIn(semey.slug, ['KZ-10', 'KZ-11']);
    const hours = await store.briefingResponsesByHourIn(semey.slug, ['KZ-10', 'KZ-11']);
    expect(hours.map((h) => [h.hour, h.responses])).toEqual([
      ['2023-09-15T23:00', 1],
      ['2023-09-16T00:00', 2],
    ]);
    expect(hours.reduce((k, h) => (k + h.cellKey) % 2 ** 32, 0)).toBe(both.cellKey);
    expect((await store.briefingResponsesPerBriefingIn(['KZ-11'])).get(semey.slug)?.responses).toBe(1);
    expect(await store.briefingResponsesIn('nothing', ['KZ-10'])).toEqual({ responses: 0, cellKey: 0 });
  });
});
