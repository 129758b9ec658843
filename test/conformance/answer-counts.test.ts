// Store conformance, answer counts: both engines keep the counts in the write's transaction and sum them alike
// (all, per region, per dimension), with the cell keys of disclosure control consistent across every split.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { countPlansOf } from '../../exports/aggregates/count-plan';
import { loadCatalog } from '../../server/catalog/load';
import type { CountPlan, NewResponse } from '../../server/store';
import type { AsyncStorePart } from '../../server/store-pg/contract';
import { FIXTURE_SURVEYS } from '../support/server';
import { ENGINES } from './engines';

const catalog = loadCatalog(FIXTURE_SURVEYS).catalog;
const plans: CountPlan[] = countPlansOf(catalog.surveys);
const example = plans.find((p) => p.surveyId === 'example' && p.version === 1)!;
const valuesOf = (name: string) => {
  const q = example.questions.find((x) => x.name === name)!;
  return q.kind === 'single' || q.kind === 'multi' ? q.values : [];
};

const REGIONS = ['KZ-10', 'KZ-11', 'KZ-75'];
const ROLES = ['volunteer', 'ngo_staff', 'akimat'];
const NEEDS = ['funding', 'training', 'premises'];

/** 90 responses over three regions and three days, every combination of answers varied by index. */
const DATA: NewResponse[] = Array.from({ length: 90 }, (_, i) => {
  const region = REGIONS[i % 3]!;
  return {
    id: `r${i}`,
    surveyId: 'example',
    version: 1,
    locale: 'ru',
    region,
    briefing: null,
    startedAt: null,
    // Days at UTC+5: 20:00Z on the 14th is already the 15th in Kazakhstan.
    submittedAt: ['2023-09-14T20:00:00.000Z', '2023-09-15T10:00:00.000Z', '2023-09-16T10:00:00.000Z'][
      Math.floor(i / 30)
    ]!,
    answers: {
      region,
      role: ROLES[(i % 7) % 3],
      top_needs: NEEDS.filter((_, n) => (i >> n) & 1),
      cooperation: (i % 5) + 1,
      ...(i % 4 === 0 ? { proposal: `ұсыныс ${i}` } : {}),
    },
    contacts: null,
    contentHash: `h${i}`,
  };
});

const expectedCounts = (rows: readonly NewResponse[], name: string) =>
  valuesOf(name).map(
    (v) =>
      rows.filter((r) => {
        const a = r.answers[name];
        return Array.isArray(a) ? a.includes(v) : a === v;
      }).length,
  );

const sumKeys = (keys: number[]) => keys.reduce((a, b) => (a + b) % 2 ** 32, 0);

describe.each(ENGINES)('answer counts on $name', (engine) => {
  let store: AsyncStorePart;
  beforeEach(async () => {
    store = await engine.open({ countPlans: plans });
    await store.publishVersions([{ surveyId: 'example', version: 1, sha256: 'x' }], 'T');
    // Half in one bulk insert, half through group commit, one retry and one clash that must not count.
    await store.insertResponses(DATA.slice(0, 45));
    await Promise.all([
      ...DATA.slice(45).map((r) => store.submitResponse(r)),
      store.submitResponse(DATA[0]!),
      store.submitResponse({
        ...DATA[1]!,
        contentHash: 'clash',
        answers: { region: 'KZ-10', role: 'akimat' },
      }),
    ]);
  });
  afterEach(() => store.close());

  it('tallies every answer once, retries and clashes left out', async () => {
    const [all] = await store.tallyAnswers({ surveyId: 'example' }, { by: 'all' });
    const v1 = all!.versions[0]!;
    expect(v1.responses).toBe(90);
    expect(v1.questions.get('role')).toMatchObject({ answered: 90, counts: expectedCounts(DATA, 'role') });
    expect(v1.questions.get('top_needs')?.counts).toEqual(expectedCounts(DATA, 'top_needs'));
    expect(v1.questions.get('top_needs')?.answered).toBe(
      DATA.filter((r) => (r.answers.top_needs as []).length).length,
    );
    expect(v1.questions.get('proposal')?.answered).toBe(23);
  });

  it('filters by region and by Kazakhstan days, and splits by region', async () => {
    const byRegion = await store.tallyAnswers(
      { surveyId: 'example', fromDay: '2023-09-15', toDay: '2023-09-15' },
      {
        by: 'region',
      },
    );
    const day15 = DATA.slice(0, 60);
    expect(byRegion.map((g) => g.key).sort()).toEqual(REGIONS);
    for (const g of byRegion) {
      const rows = day15.filter((r) => r.region === g.key);
      expect(g.versions[0]!.responses).toBe(rows.length);
      expect(g.versions[0]!.questions.get('role')?.counts).toEqual(expectedCounts(rows, 'role'));
    }
    const [only] = await store.tallyAnswers({ surveyId: 'example', regions: ['KZ-75'] }, { by: 'all' }, [
      'role',
    ]);
    expect([...only!.versions[0]!.questions.keys()]).toEqual(['role']);
    expect(only!.versions[0]!.responses).toBe(30);
  });

  it('counts responses along each dimension with cell keys that add up to the whole', async () => {
    const [all] = await store.tallyAnswers({ surveyId: 'example' }, { by: 'all' });
    const total = all!.versions[0]!.responsesKey;
    const regions = await store.countResponsesBy({ surveyId: 'example' }, 'region');
    expect(regions.map((d) => [d.key, d.responses])).toEqual(REGIONS.map((r) => [r, 30]));
    const days = await store.countResponsesBy({ surveyId: 'example' }, 'day');
    expect(days.map((d) => [d.key, d.responses])).toEqual([
      ['2023-09-15', 60],
      ['2023-09-16', 30],
    ]);
    expect(sumKeys(regions.map((d) => d.cellKey))).toBe(total);
    expect(sumKeys(days.map((d) => d.cellKey))).toBe(total);
    const byRegion = await store.tallyAnswers({ surveyId: 'example' }, { by: 'region' });
    for (const g of byRegion)
      expect(g.versions[0]!.responsesKey).toBe(regions.find((d) => d.key === g.key)!.cellKey);
    // Thirty random 32-bit keys summing to 0 mod 2^32 is a 1 in 4 billion chance: a zero means no keys were kept.
    expect(regions.every((d) => d.cellKey > 0)).toBe(true);
  });
});
