// Store conformance, demo data: both engines count the rows marked demo and remove exactly those and what derives
// from them (contact details, reviews, texts, records), in one transaction, leaving the counts, the
// question-by-question tables and the text index of the real answers exactly as they were before the demo ran
// (cell keys included), and keeping a demo briefing that real answers were tagged with.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { countPlansOf } from '../../exports/aggregates/count-plan';
import { loadCatalog } from '../../server/catalog/load';
import type { Briefing, CountPlan, NewResponse } from '../../server/store';
import type { AsyncStorePart } from '../../server/store-pg/contract';
import { FIXTURE_SURVEYS } from '../support/server';
import { answerOf, code, newCode } from './coding-fixture';
import { ENGINES } from './engines';

const plans: CountPlan[] = countPlansOf(loadCatalog(FIXTURE_SURVEYS).catalog.surveys).filter(
  (p) => p.surveyId === 'example' && p.version === 1,
);
const ROLES = ['volunteer', 'ngo_staff', 'akimat'];

const briefing = (slug: string): Briefing => ({
  slug,
  surveyId: 'example',
  region: 'KZ-10',
  city: 'Semey',
  date: '2023-09-15',
  title: { kk: 'Брифинг', ru: 'Брифинг', en: 'Briefing' },
});

const response = (id: string, i: number, demo: boolean, briefingSlug: string | null): NewResponse => ({
  id,
  surveyId: 'example',
  version: 1,
  locale: 'ru',
  region: i % 2 ? 'KZ-11' : 'KZ-10',
  briefing: briefingSlug,
  startedAt: null,
  // Real and demo answers share keys (region, day, briefing): the removal must leave the real part of each.
  submittedAt: `2023-09-15T1${i % 3}:00:0${i % 10}.000Z`,
  answers: { role: ROLES[i % 3], cooperation: (i % 5) + 1, proposal: `${demo ? 'demo' : 'real'} ${i}` },
  contacts: i % 3 === 0 ? { name: `Person ${i}` } : null,
  contentHash: id,
  demo,
});

const REAL = Array.from({ length: 8 }, (_, i) =>
  response(`real-${i}`, i, false, i < 2 ? 'real-day' : i === 2 ? 'demo-reused' : null),
);
const DEMO = Array.from({ length: 10 }, (_, i) =>
  response(`demo-${i}`, i, true, i < 4 ? 'demo-only' : i < 6 ? 'demo-reused' : i < 8 ? 'real-day' : null),
);

const review = (store: AsyncStorePart, ids: string[], status: 'approved' | 'rejected') =>
  store.reviewResponses(
    ids,
    { status, note: null, at: 'R', by: 'a@example.kz' },
    () => true,
    () => ({
      at: 'R',
      actor: 'a@example.kz',
      action: 'response-reviewed',
      address: null,
      details: {},
    }),
  );

async function everything(store: AsyncStorePart) {
  const filter = { surveyId: 'example' };
  return {
    tally: await store.tallyAnswers(filter, { by: 'region' }),
    allTally: await store.tallyAnswers({ ...filter, review: 'all' }, { by: 'all' }),
    days: await store.countResponsesBy(filter, 'day'),
    briefings: await store.countResponsesBy(filter, 'briefing'),
    crosstab: await store.tallyAnswersByAnswer(filter, 'role', ['cooperation']),
    texts: (await store.listTextAnswers({ filter, key: 'proposal', offset: 0, limit: 100 })).answers,
    perBriefing: [...(await store.briefingResponsesPerBriefingIn(['KZ-10', 'KZ-11']))].sort(),
    list: (await store.listResponses({ ...filter, regions: ['KZ-10', 'KZ-11'], offset: 0, limit: 100 }))
      .items,
  };
}

describe.each(ENGINES)('demo data on $name', (engine) => {
  let store: AsyncStorePart;
  beforeEach(async () => {
    store = await engine.open({ countPlans: plans });
    await store.publishVersions([{ surveyId: 'example', version: 1, sha256: 'x' }], 'T');
    await store.addBriefing(briefing('real-day'), 'T');
  });
  afterEach(() => store.close());

  it('counts the demo rows and removes exactly them, leaving what the real answers alone give', async () => {
    await store.insertResponses(REAL.slice(0, 2));
    await store.addBriefing(briefing('demo-only'), 'T', true);
    await store.addBriefing(briefing('demo-reused'), 'T', true);
    await store.insertResponses(REAL.slice(2));
    await review(store, ['real-5'], 'rejected');
    await review(store, ['real-4'], 'approved');
    const real = await everything(store);
    expect(await store.countDemoData()).toEqual({ responses: 0, briefings: 2 });

    // The demo runs: half in one transaction, half through group commit; some reviewed, some with contacts.
    await store.insertResponses(DEMO.slice(0, 5));
    await Promise.all(DEMO.slice(5).map((r) => store.submitResponse(r)));
    await review(store, ['demo-1', 'demo-7'], 'rejected');
    await review(store, ['demo-2'], 'approved');
    expect(await store.hasContacts('demo-3')).toBe(true);
    expect(await store.countDemoData()).toEqual({ responses: 10, briefings: 2 });
    expect(await everything(store)).not.toEqual(real);

    expect(await store.removeDemoData()).toEqual({
      responses: 10,
      briefings: 1,
      surveys: ['example'],
      keptBriefings: ['demo-reused'],
    });
    expect(await store.countDemoData()).toEqual({ responses: 0, briefings: 1 });
    expect(await store.getResponse('demo-3')).toBeUndefined();
    expect(await store.hasContacts('demo-3')).toBe(false);
    expect(await store.getReview('demo-2')).toBeNull();
    expect(await store.getBriefing('demo-only')).toBeUndefined();
    expect(await store.getBriefing('demo-reused')).toBeDefined();
    // Counts (cell keys included), tables, texts, briefing counts and the responses table: the real answers' own.
    expect(await everything(store)).toEqual(real);
    // Real answers' reviews and contacts stay.
    expect(await store.getReview('real-5')).toMatchObject({ status: 'rejected' });
    expect(await store.hasContacts('real-3')).toBe(true);
    // Nothing left to remove: a second removal changes nothing.
    expect(await store.removeDemoData()).toEqual({
      responses: 0,
      briefings: 0,
      surveys: [],
      keptBriefings: ['demo-reused'],
    });
    expect(await everything(store)).toEqual(real);
  });

  it('takes coded demo answers out of the code counts, leaving the real ones', async () => {
    await store.insertResponses([REAL[0]!, REAL[3]!, DEMO[8]!]);
    const added = await store.addCode(newCode('premises'));
    if (!added.ok) throw new Error('code not added');
    for (const id of ['real-0', 'real-3', 'demo-8']) await code(store, id, [added.code.id]);
    const counted = async () =>
      (await store.tallyCodes({ surveyId: 'example' }, 'proposal'))
        .filter((row) => row.codeId === added.code.id)
        .reduce((n, row) => n + row.n, 0);
    expect(await counted()).toBe(3);
    await store.removeDemoData();
    expect(await counted()).toBe(2);
    expect((await answerOf(store, 'real-0')).text).toBe('real 0');
  });
});
