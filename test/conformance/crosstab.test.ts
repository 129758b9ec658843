// Store conformance, question-by-question tables (tallyAnswersByAnswer): both engines group respondents by their
// answer to a single- or multiple-choice question from each response's byte record, whether it was stored in a bulk
// insert, a group-commit batch or (PostgreSQL) by a second server, and give each group's cell key.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { countPlansOf } from '../../exports/aggregates/count-plan';
import { loadCatalog } from '../../server/catalog/load';
import type { CountPlan, NewResponse, TallyGroup } from '../../server/store';
import type { AsyncStorePart } from '../../server/store-pg/contract';
import { FIXTURE_SURVEYS } from '../support/server';
import { ENGINES } from './engines';

const plans: CountPlan[] = countPlansOf(loadCatalog(FIXTURE_SURVEYS).catalog.surveys);
const example = plans.find((p) => p.surveyId === 'example')!;
const valuesOf = (name: string) => {
  const q = example.questions.find((x) => x.name === name)!;
  return q.kind === 'single' || q.kind === 'multi' ? [...q.values] : [];
};
const REGIONS = ['KZ-10', 'KZ-11', 'KZ-75'];
const ROLES = ['volunteer', 'ngo_staff', 'akimat'];
const NEEDS = ['funding', 'training', 'premises'];

const DATA: NewResponse[] = Array.from({ length: 120 }, (_, i) => ({
  id: `x${i}`,
  surveyId: 'example',
  version: 1,
  locale: 'kk',
  region: REGIONS[i % 3]!,
  briefing: null,
  startedAt: null,
  submittedAt: i < 60 ? '2024-05-01T08:00:00.000Z' : '2024-05-02T08:00:00.000Z',
  answers: {
    region: REGIONS[i % 3],
    // Every tenth respondent skips the role: they are in no group.
    ...(i % 10 === 9 ? {} : { role: ROLES[(i * 7) % 3] }),
    top_needs: NEEDS.filter((_, n) => ((i * 5) >> n) & 1),
    cooperation: (i % 5) + 1,
  },
  contacts: null,
  contentHash: `h${i}`,
}));

const has = (r: NewResponse, name: string, v: unknown) => {
  const a = r.answers[name];
  return Array.isArray(a) ? a.includes(v) : a === v;
};

/** The expected groups: for each code of `by` chosen by someone, the counts of `target` among those respondents. */
function expected(rows: readonly NewResponse[], by: string, target: string) {
  return valuesOf(by)
    .map((code) => {
      const group = rows.filter((r) => has(r, by, code));
      return {
        code,
        responses: group.length,
        counts: valuesOf(target).map((v) => group.filter((r) => has(r, target, v)).length),
      };
    })
    .filter((g) => g.responses > 0);
}

const actual = (groups: TallyGroup[], target: string) =>
  groups
    .map((g) => ({
      code: g.key,
      responses: g.versions[0]!.responses,
      counts: g.versions[0]!.questions.get(target)!.counts,
    }))
    .sort(
      (a, b) =>
        valuesOf('role')
          .concat(valuesOf('top_needs'))
          .indexOf(a.code as string) -
        valuesOf('role')
          .concat(valuesOf('top_needs'))
          .indexOf(b.code as string),
    );

describe.each(ENGINES)('question-by-question tables on $name', (engine) => {
  let store: AsyncStorePart;
  let second: AsyncStorePart | undefined;
  beforeEach(async () => {
    store = await engine.open({ countPlans: plans });
    await store.publishVersions([{ surveyId: 'example', version: 1, sha256: 'x' }], 'T');
    second = await engine.openSecond?.(store, { countPlans: plans });
    await store.insertResponses(DATA.slice(0, 40));
    // Batches of several responses per key through group commit, on this server and (PostgreSQL) another one.
    await Promise.all(DATA.slice(40, 80).map((r) => store.submitResponse(r)));
    await Promise.all(DATA.slice(80).map((r) => (second ?? store).submitResponse(r)));
    await store.submitResponse(DATA[5]!);
  });
  afterEach(async () => {
    await second?.close();
    await store.close();
  });

  it('tallies a multiple-choice question per answer to a single-choice one', async () => {
    const groups = await store.tallyAnswersByAnswer({ surveyId: 'example' }, 'role', [
      'top_needs',
      'cooperation',
    ]);
    expect(actual(groups, 'top_needs')).toEqual(expected(DATA, 'role', 'top_needs'));
    expect(actual(groups, 'cooperation')).toEqual(expected(DATA, 'role', 'cooperation'));
    const answered = groups.map((g) => g.versions[0]!.questions.get('top_needs')!.answered);
    expect(answered.reduce((a, b) => a + b, 0)).toBe(
      DATA.filter((r) => r.answers.role && (r.answers.top_needs as []).length).length,
    );
  });

  it('groups by a multiple-choice question, a respondent in each group they chose', async () => {
    const groups = await store.tallyAnswersByAnswer({ surveyId: 'example' }, 'top_needs', ['role']);
    expect(actual(groups, 'role')).toEqual(expected(DATA, 'top_needs', 'role'));
  });

  it('keeps to the filter and gives cell keys that agree with the counts', async () => {
    const filter = { surveyId: 'example', regions: ['KZ-11'], fromDay: '2024-05-02' };
    const groups = await store.tallyAnswersByAnswer(filter, 'role', ['cooperation']);
    const rows = DATA.filter((r) => r.region === 'KZ-11' && r.submittedAt.startsWith('2024-05-02'));
    expect(actual(groups, 'cooperation')).toEqual(expected(rows, 'role', 'cooperation'));
    // The role groups' cell keys: each is the sum of its respondents' record keys, as the counts' own keys are.
    const [all] = await store.tallyAnswers(filter, { by: 'all' }, ['role']);
    const role = all!.versions[0]!.questions.get('role')!;
    for (const g of groups) {
      const i = valuesOf('role').indexOf(g.key as string);
      expect(g.versions[0]!.responsesKey).toBe(role.keys[i]);
    }
    expect(
      await store.tallyAnswersByAnswer({ surveyId: 'example', regions: [] }, 'role', ['cooperation']),
    ).toEqual([]);
    expect(await store.tallyAnswersByAnswer({ surveyId: 'example' }, 'no_such_question', ['role'])).toEqual(
      [],
    );
  });
});
