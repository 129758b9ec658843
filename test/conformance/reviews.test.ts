// Store conformance, reviews and contact erasure: both engines set a status on all the listed responses or on none,
// take a rejected response out of every count (answer counts, coverage, briefing counts) in the review's
// transaction with its audit entry, put it back exactly when the rejection is undone, and erase contact details
// with a record of the erasure. PostgreSQL also with two stores (two app servers) on one database.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { countPlansOf } from '../../exports/aggregates/count-plan';
import { loadCatalog } from '../../server/catalog/load';
import type { CountPlan, NewAuditEntry, NewResponse, ReviewOutcome } from '../../server/store';
import type { AsyncStorePart } from '../../server/store-pg/contract';
import { FIXTURE_SURVEYS } from '../support/server';
import { ENGINES } from './engines';

const plans: CountPlan[] = countPlansOf(loadCatalog(FIXTURE_SURVEYS).catalog.surveys).filter(
  (p) => p.surveyId === 'example' && p.version === 1,
);
const REGIONS = ['KZ-10', 'KZ-11'];
const ROLES = ['volunteer', 'ngo_staff', 'akimat'];

const BRIEFING = {
  slug: 'semey-2023-09',
  surveyId: 'example',
  region: 'KZ-10',
  city: 'Semey',
  date: '2023-09-15',
  title: { kk: 'Брифинг', ru: 'Брифинг', en: 'Briefing' },
};

/** 12 responses, two regions, the even ones at the Semey briefing, every third with contact details. */
const DATA: NewResponse[] = Array.from({ length: 12 }, (_, i) => ({
  id: `r${String(i).padStart(2, '0')}`,
  surveyId: 'example',
  version: 1,
  locale: 'kk',
  region: REGIONS[i % 2]!,
  briefing: i % 2 === 0 ? BRIEFING.slug : null,
  startedAt: null,
  submittedAt: `2023-09-15T1${Math.floor(i / 4)}:0${i % 4}:00.000Z`,
  answers: { region: REGIONS[i % 2], role: ROLES[i % 3], cooperation: (i % 5) + 1, proposal: `ұсыныс ${i}` },
  contacts: i % 3 === 0 ? { name: `Person ${i}` } : null,
  contentHash: `h${i}`,
}));

const audit =
  (at: string) =>
  (outcomes: ReviewOutcome[]): NewAuditEntry => ({
    at,
    actor: 'analyst@example.kz',
    action: 'response-reviewed',
    address: null,
    details: { ids: outcomes.map((o) => o.id), before: outcomes.map((o) => o.before?.status ?? null) },
  });

const change = (status: 'approved' | 'on_hold' | 'rejected', at: string) => ({
  status,
  note: status === 'rejected' ? 'a test from the hall' : null,
  at,
  by: 'analyst@example.kz',
});

const collect = async <T>(items: AsyncIterable<T>) => {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
};

/**
 * Everything a rejection must move: the tallies, coverage by region and by briefing, the question-by-question
 * table, the text index, the briefing's counts.
 */
async function countsOf(store: AsyncStorePart, filter: { review?: 'all' } = {}) {
  const texts = await store.listTextAnswers({
    filter: { surveyId: 'example', ...filter },
    key: 'proposal',
    offset: 0,
    limit: 100,
  });
  return {
    crosstab: await store.tallyAnswersByAnswer({ surveyId: 'example', ...filter }, 'role', ['cooperation']),
    texts: texts.answers.map((a) => a.id).sort(),
    tally: await store.tallyAnswers({ surveyId: 'example', ...filter }, { by: 'region' }),
    regions: await store.countResponsesBy({ surveyId: 'example', ...filter }, 'region'),
    briefings: await store.countResponsesBy({ surveyId: 'example', ...filter }, 'briefing'),
    briefing: await store.countBriefingResponses(BRIEFING.slug),
    briefingIn: await store.briefingResponsesIn(BRIEFING.slug, REGIONS),
    hours: await store.briefingResponsesByHourIn(BRIEFING.slug, REGIONS),
  };
}

describe.each(ENGINES)('reviews and contact erasure on $name', (engine) => {
  let store: AsyncStorePart;
  beforeEach(async () => {
    store = await engine.open({ countPlans: plans });
    await store.publishVersions([{ surveyId: 'example', version: 1, sha256: 'x' }], 'T');
    await store.addBriefing(BRIEFING, 'T');
    await store.insertResponses(DATA);
  });
  afterEach(() => store.close());

  it('reviews all the listed responses or none: an unknown id or a region not allowed writes nothing', async () => {
    const notFound = await store.reviewResponses(
      ['r00', 'nothing', 'r01'],
      change('approved', 'A'),
      () => true,
      audit('A'),
    );
    expect(notFound).toEqual({ refused: 'nothing', reason: 'not-found' });
    const forbidden = await store.reviewResponses(
      ['r00', 'r01'],
      change('rejected', 'B'),
      (region) => region === 'KZ-10',
      audit('B'),
    );
    expect(forbidden).toEqual({ refused: 'r01', reason: 'forbidden' });
    expect(await store.getReview('r00')).toBeNull();
    expect(await collect(store.iterateAudit())).toEqual([]);
    expect((await countsOf(store)).briefing).toBe(6);
  });

  it('records each response’s status before and after, with one audit entry in the same transaction', async () => {
    await store.reviewResponses(['r02'], change('on_hold', 'A'), () => true, audit('A'));
    const done = await store.reviewResponses(['r02', 'r03'], change('approved', 'B'), () => true, audit('B'));
    expect(done).toEqual({
      outcomes: [
        {
          id: 'r02',
          region: 'KZ-10',
          before: { status: 'on_hold', note: null, reviewedAt: 'A', reviewedBy: 'analyst@example.kz' },
          after: { status: 'approved', note: null, reviewedAt: 'B', reviewedBy: 'analyst@example.kz' },
        },
        {
          id: 'r03',
          region: 'KZ-11',
          before: null,
          after: { status: 'approved', note: null, reviewedAt: 'B', reviewedBy: 'analyst@example.kz' },
        },
      ],
    });
    expect(await store.getReview('r03')).toEqual({
      status: 'approved',
      note: null,
      reviewedAt: 'B',
      reviewedBy: 'analyst@example.kz',
    });
    expect((await collect(store.iterateAudit())).map((e) => [e.action, e.details])).toEqual([
      ['response-reviewed', { ids: ['r02'], before: [null] }],
      ['response-reviewed', { ids: ['r02', 'r03'], before: ['on_hold', null] }],
    ]);
  });

  it('takes a rejected response out of every count, and puts it back exactly when the rejection is undone', async () => {
    const before = await countsOf(store);
    expect(before.briefing).toBe(6);
    // r00 and r04: Semey briefing, KZ-10; r03: no briefing, KZ-11.
    await store.reviewResponses(['r00', 'r04', 'r03'], change('rejected', 'A'), () => true, audit('A'));
    const rejected = await countsOf(store);
    expect(rejected.briefing).toBe(4);
    expect(rejected.texts).toEqual(['r01', 'r02', 'r05', 'r06', 'r07', 'r08', 'r09', 'r10', 'r11']);
    expect(rejected.crosstab.reduce((n, g) => n + g.versions[0]!.responses, 0)).toBe(9);
    // r00 (volunteer) and r03 (volunteer) and r04 (ngo_staff) out of the role groups.
    expect(rejected.crosstab.map((g) => [g.key, g.versions[0]!.responses])).toEqual(
      before.crosstab.map((g) => [
        g.key,
        g.versions[0]!.responses - (g.key === 'volunteer' ? 2 : g.key === 'ngo_staff' ? 1 : 0),
      ]),
    );
    expect(rejected.briefingIn.responses).toBe(4);
    expect(rejected.regions.map((d) => [d.key, d.responses])).toEqual([
      ['KZ-10', 4],
      ['KZ-11', 5],
    ]);
    const kz10 = rejected.tally.find((g) => g.key === 'KZ-10')!.versions[0]!;
    const left = DATA.filter((r) => r.region === 'KZ-10' && !['r00', 'r04'].includes(r.id));
    const role = plans[0]!.questions.find((q) => q.name === 'role')!;
    expect(kz10.questions.get('role')?.counts).toEqual(
      (role.kind === 'single' ? role.values : []).map((v) => left.filter((r) => r.answers.role === v).length),
    );
    // A second rejection of the same responses, or holding one that is not rejected, moves nothing.
    await store.reviewResponses(['r00', 'r00'], change('rejected', 'B'), () => true, audit('B'));
    await store.reviewResponses(['r05'], change('on_hold', 'B'), () => true, audit('B'));
    expect(await countsOf(store)).toEqual(rejected);
    // `review: 'all'` counts them again, as if never rejected.
    const all = await countsOf(store, { review: 'all' });
    expect(all.tally).toEqual(before.tally);
    expect(all.regions).toEqual(before.regions);
    expect(all.briefings).toEqual(before.briefings);
    expect(all.crosstab).toEqual(before.crosstab);
    // Undone: every count, cell keys included, as before the rejection.
    await store.reviewResponses(['r00', 'r04', 'r03'], change('approved', 'C'), () => true, audit('C'));
    expect(await countsOf(store)).toEqual(before);
  });

  it('makes no group of a region whose every response was rejected', async () => {
    const kz11 = DATA.filter((r) => r.region === 'KZ-11').map((r) => r.id);
    await store.reviewResponses(kz11, change('rejected', 'A'), () => true, audit('A'));
    const { tally, regions } = await countsOf(store);
    expect(tally.map((g) => g.key)).toEqual(['KZ-10']);
    expect(regions.map((d) => d.key)).toEqual(['KZ-10']);
  });

  it('erases contact details once, noting when and by whom, with an audit entry each time', async () => {
    const entry = (erased: boolean): NewAuditEntry => ({
      at: 'E',
      actor: 'admin@example.kz',
      action: 'contacts-erased',
      address: null,
      details: { erased },
    });
    expect(await store.hasContacts('r03')).toBe(true);
    expect(await store.hasContacts('r01')).toBe(false);
    expect(await store.getContactErasure('r03')).toBeNull();
    expect(await store.eraseContacts('r03', '2024-01-01T00:00:00.000Z', 'admin@example.kz', entry)).toEqual({
      erased: true,
      erasure: { erasedAt: '2024-01-01T00:00:00.000Z', erasedBy: 'admin@example.kz' },
    });
    expect(await store.hasContacts('r03')).toBe(false);
    // Again: nothing left to erase, and the first erasure stays on record.
    expect(await store.eraseContacts('r03', '2024-02-01T00:00:00.000Z', 'other@example.kz', entry)).toEqual({
      erased: false,
      erasure: { erasedAt: '2024-01-01T00:00:00.000Z', erasedBy: 'admin@example.kz' },
    });
    // A response without contacts is noted as erased all the same (the request was honoured).
    expect((await store.eraseContacts('r01', 'F', 'admin@example.kz', entry))?.erased).toBe(false);
    expect(await store.getContactErasure('r01')).toEqual({ erasedAt: 'F', erasedBy: 'admin@example.kz' });
    expect(await store.eraseContacts('nothing', 'G', 'admin@example.kz', entry)).toBeUndefined();
    expect((await collect(store.iterateAudit())).map((e) => e.details)).toEqual([
      { erased: true },
      { erased: false },
      { erased: false },
    ]);
    // The answers and the counts are untouched.
    expect((await store.getResponse('r03'))?.answers).toEqual(DATA[3]!.answers);
    expect((await countsOf(store)).briefing).toBe(6);
  });
});

describe.each(ENGINES.filter((e) => e.openSecond))('reviews across two servers on $name', (engine) => {
  let a: AsyncStorePart;
  let b: AsyncStorePart;
  beforeEach(async () => {
    a = await engine.open({ countPlans: plans });
    b = await engine.openSecond!(a, { countPlans: plans });
    await a.publishVersions([{ surveyId: 'example', version: 1, sha256: 'x' }], 'T');
    await a.addBriefing(BRIEFING, 'T');
  });
  afterEach(async () => {
    await b.close();
    await a.close();
  });

  it('a response counted by one server and rejected on both at once leaves the counts exactly once', async () => {
    await a.insertResponses(DATA);
    const before = await countsOf(a);
    const results = await Promise.all([
      a.reviewResponses(['r00', 'r01'], change('rejected', 'A'), () => true, audit('A')),
      b.reviewResponses(['r01', 'r00'], change('rejected', 'B'), () => true, audit('B')),
    ]);
    // The second to run saw the first one's rejection as `before`.
    const befores = results.flatMap((r) => ('outcomes' in r ? r.outcomes.map((o) => o.before?.status) : []));
    expect(befores.filter((s) => s === 'rejected')).toHaveLength(2);
    const after = await countsOf(b);
    expect(after.regions.map((d) => d.responses)).toEqual([5, 5]);
    expect(await countsOf(a)).toEqual(after);
    // Undone on the other server: the sum over both servers' shards is what it was, cell keys included.
    await b.reviewResponses(['r00', 'r01'], change('approved', 'C'), () => true, audit('C'));
    expect(await countsOf(a)).toEqual(before);
  });
});
