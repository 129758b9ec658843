// Store conformance, the projections' plans: stored CSV lines written with each response and by the filler after a
// new layout; counts rebuilt when a version's count plan changes (adoptPlans, or a store opened with new plans);
// recount finding nothing to repair in counts kept by the write path.
import { afterEach, describe, expect, it } from 'vitest';
import { projectionPlansOf } from '../../exports/projections';
import { loadCatalog } from '../../server/catalog/load';
import type { CountPlan, NewResponse, ProjectionPlans } from '../../server/store';
import type { AsyncStorePart } from '../../server/store-pg/contract';
import { FIXTURE_SURVEYS } from '../support/server';
import { ENGINES } from './engines';

const plans: ProjectionPlans = projectionPlansOf(loadCatalog(FIXTURE_SURVEYS).catalog.surveys);
const REGIONS = ['KZ-10', 'KZ-75'];

const DATA: NewResponse[] = Array.from({ length: 30 }, (_, i) => ({
  id: `p${i}`,
  surveyId: 'example',
  version: 1,
  locale: 'kk',
  region: REGIONS[i % 2]!,
  briefing: null,
  startedAt: '2024-06-01T05:00:00.000Z',
  submittedAt: `2024-06-01T05:${String(10 + i).padStart(2, '0')}:00.000Z`,
  answers: {
    region: REGIONS[i % 2],
    role: ['volunteer', 'akimat'][i % 2],
    top_needs: ['funding'],
    ...(i % 3 === 0 ? { proposal: `Ұсыныс ${i}` } : {}),
  },
  contacts: null,
  contentHash: `h${i}`,
}));

/** The example survey's plan with one more role: a changed count plan (its vectors have another layout). */
const widened: CountPlan[] = plans.countPlans!.map((p) =>
  p.surveyId !== 'example'
    ? p
    : {
        ...p,
        questions: p.questions.map((q) =>
          q.name === 'role' && q.kind === 'single' ? { ...q, values: [...q.values, 'journalist'] } : q,
        ),
      },
);
const roleCounts = async (store: AsyncStorePart) => {
  const [all] = await store.tallyAnswers({ surveyId: 'example' }, { by: 'all' }, ['role']);
  return all!.versions[0]!.questions.get('role')!.counts;
};

describe.each(ENGINES)('projections on $name', (engine) => {
  let store: AsyncStorePart;
  afterEach(() => store.close());

  async function stored(): Promise<AsyncStorePart> {
    store = await engine.open({ projections: plans });
    await store.publishVersions([{ surveyId: 'example', version: 1, sha256: 'x' }], 'T');
    await store.insertResponses(DATA.slice(0, 10));
    await Promise.all(DATA.slice(10).map((r) => store.submitResponse(r)));
    return store;
  }

  it('writes each response’s line with it: the filler has nothing to do', async () => {
    await stored();
    expect(store.exportLinesReset).toEqual([]);
    expect(await store.fillExportLines(1000)).toEqual({ filled: 0, pending: false });
  });

  it('drops the lines of a survey whose layout changed, and the filler renders them again, in slices', async () => {
    await stored();
    const renamed = plans.lineRenderers!.map((r) =>
      r.surveyId === 'example' ? { ...r, key: `${r.key}+1` } : r,
    );
    const adopted = await store.adoptPlans({ ...plans, lineRenderers: renamed });
    expect(adopted).toEqual({ countsRebuilt: [], exportLinesReset: ['example'] });
    // A zero budget still renders one page per call: every call makes progress.
    const first = await store.fillExportLines(0);
    expect(first.filled).toBeGreaterThan(0);
    let filled = first.filled;
    for (let report = first; report.pending; filled += (report = await store.fillExportLines(0)).filled);
    expect(filled).toBe(DATA.length);
    expect(await store.fillExportLines(1000)).toEqual({ filled: 0, pending: false });
    // Responses stored after the new layout bring their lines again.
    await store.submitResponse({ ...DATA[0]!, id: 'late', contentHash: 'late' });
    expect(await store.fillExportLines(1000)).toEqual({ filled: 0, pending: false });
  });

  it('rebuilds the counts of a version whose count plan changed, when adopting plans', async () => {
    await stored();
    const before = await roleCounts(store);
    const adopted = await store.adoptPlans({ ...plans, countPlans: widened });
    expect(adopted.exportLinesReset).toEqual([]);
    expect(adopted.countsRebuilt).toEqual([
      expect.objectContaining({ surveys: ['example'], responses: DATA.length }),
    ]);
    expect(adopted.countsRebuilt[0]!.keysDiffering).toBeGreaterThan(0);
    expect(await roleCounts(store)).toEqual([...before, 0]);
    // New responses are counted in the new layout.
    await store.submitResponse({ ...DATA[1]!, id: 'late', contentHash: 'late' });
    const after = [...before, 0];
    after[rolesIndex('akimat')]! += 1;
    expect(await roleCounts(store)).toEqual(after);
  });

  it('finds nothing to repair in counts kept by the write path', async () => {
    await stored();
    const report = await store.recountAnswers();
    expect(report).toEqual({
      surveys: expect.arrayContaining(['example']),
      responses: DATA.length,
      keysDiffering: 0,
      recordChunksDiffering: 0,
      textsDiffering: 0,
    });
    expect(await store.recountAnswers(['example'])).toMatchObject({
      responses: DATA.length,
      keysDiffering: 0,
    });
    expect(store.countsRebuilt).toEqual([]);
  });

  it('agrees with a review that rejected a response: the recount leaves it out and finds nothing else', async () => {
    await stored();
    await store.reviewResponses(
      ['p3', 'p4'],
      { status: 'rejected', note: 'a test', at: '2024-06-02T00:00:00.000Z', by: 'analyst@example.kz' },
      () => true,
      (outcomes) => ({
        at: '2024-06-02T00:00:00.000Z',
        actor: 'analyst@example.kz',
        action: 'response-reviewed',
        address: null,
        details: { outcomes: outcomes.length },
      }),
    );
    expect(await store.recountAnswers(['example'])).toEqual({
      surveys: ['example'],
      responses: DATA.length - 2,
      keysDiffering: 0,
      recordChunksDiffering: 0,
      textsDiffering: 0,
    });
  });
});

const rolesIndex = (role: string) => {
  const q = plans
    .countPlans!.find((p) => p.surveyId === 'example')!
    .questions.find((x) => x.name === 'role')!;
  return q.kind === 'single' ? q.values.indexOf(role) : -1;
};
