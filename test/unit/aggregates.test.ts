// Aggregate maths against hand-computed numbers: six responses over two versions, every counted question type,
// stored through the real store so the count vectors and byte records are what is tested; then the in-memory sums
// kept fresh across rollbacks and other connections' writes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerGroups, regionGroups, summaryBody, surveyAggregates } from '../../exports/aggregates/summary';
import { countPlansOf } from '../../exports/aggregates/count-plan';
import { openSqliteStore, type CountFilter } from '../../server/store';
import { aggResponse, AGG_RESPONSES, AGG_VERSIONS, openAggStore } from '../support/aggregate-fixture';
import { withDatabaseFile } from '../support/database-file';

const ctx = surveyAggregates(AGG_VERSIONS);
/** Exact counts, nothing hidden (k = 1): every number can be checked by hand. */
const EXACT = { exact: true, k: 1 };
const filters = { regions: [], versions: [1, 2], briefing: null, from: null, to: null };
let store: Awaited<ReturnType<typeof openAggStore>>;

beforeAll(async () => {
  store = await openAggStore();
  await store.insertResponses(AGG_RESPONSES());
});
afterAll(() => store.close());

/** The summary with k = 1, so nothing is suppressed and every number can be checked. */
async function summary(filter: Partial<CountFilter> = {}, k = 1) {
  const [all] = await store.tallyAnswers({ surveyId: 'agg', ...filter }, { by: 'all' });
  const body = summaryBody(ctx, 'agg', filters, all?.versions ?? [], { exact: true, k });
  const q = (name: string) => body.questions.find((x) => x.name === name) as any;
  return { body, q };
}

const counts = (choices: any[]) => Object.fromEntries(choices.map((c) => [String(c.code), c.result.count]));
const percents = (choices: any[]) =>
  Object.fromEntries(choices.map((c) => [String(c.code), c.result.percent]));

describe('summary maths, by hand', () => {
  it('counts a single choice with "other" against everyone asked, in percent of those who answered', async () => {
    const { body, q } = await summary();
    expect(body.responses).toEqual({ count: 6, percent: null });
    expect(q('role').asked).toEqual({ count: 6, percent: 100 });
    expect(q('role').answered).toEqual({ count: 6, percent: 100 });
    expect(counts(q('role').choices)).toEqual({ volunteer: 3, ngo_staff: 2, other: 1 });
    expect(percents(q('role').choices)).toEqual({ volunteer: 50, ngo_staff: 33.3, other: 16.7 });
    expect(q('role').choices.at(-1)).toMatchObject({ code: 'other', special: 'other' });
  });

  it('gives a checkbox the share of respondents choosing each option, with v2 choices in the newest order', async () => {
    const { q } = await summary();
    expect(q('needs').kind).toBe('multiple');
    expect(q('needs').answered).toEqual({ count: 5, percent: 83.3 });
    expect(q('needs').choices.map((c: any) => c.code)).toEqual([
      'funding',
      'training',
      'premises',
      'insurance',
      'none',
    ]);
    expect(counts(q('needs').choices)).toEqual({
      funding: 3,
      training: 2,
      premises: 0,
      insurance: 1,
      none: 1,
    });
    expect(percents(q('needs').choices)).toEqual({
      funding: 60,
      training: 40,
      premises: 0,
      insurance: 20,
      none: 20,
    });
  });

  it('gives a rating its distribution, mean and median', async () => {
    const { q } = await summary();
    expect(counts(q('score').choices)).toEqual({ 1: 0, 2: 1, 3: 1, 4: 1, 5: 2 });
    expect(q('score').mean).toBe(3.8);
    expect(q('score').median).toBe(4);
    // An even number of answers (2, 3, 5, 5): the median is the mean of the two middle ones.
    const { q: q10 } = await summary({ regions: ['KZ-10', 'KZ-63'] });
    expect(q10('score').median).toBe(4);
    expect(q10('score').mean).toBe(3.75);
  });

  it('counts a boolean by its true and false values', async () => {
    const { q } = await summary();
    expect(q('consent').kind).toBe('choice');
    expect(counts(q('consent').choices)).toEqual({ true: 2, false: 1 });
    expect(q('consent').answered.count).toBe(3);
  });

  it('gives a matrix a row × column distribution, each row in percent of those who answered that row', async () => {
    const { q } = await summary();
    const grid = q('grid');
    expect(grid.answered.count).toBe(3); // R3's {} is no answer
    expect(grid.columns.map((c: any) => c.code)).toEqual(['low', 'high']);
    expect(
      grid.rows.map((r: any) => [
        r.code,
        r.answered.count,
        r.cells.map((c: any) => c.count),
        r.cells.map((c: any) => c.percent),
      ]),
    ).toEqual([
      ['a', 3, [2, 1], [66.7, 33.3]],
      ['b', 2, [1, 1], [50, 50]],
    ]);
  });

  it('gives a ranking the share ranked first and the mean rank, ranks only as deep as anyone went', async () => {
    const { q } = await summary();
    const order = q('order');
    expect(order.answered.count).toBe(4);
    const row = (code: string) => order.choices.find((c: any) => c.code === code);
    expect(row('x')).toMatchObject({
      ranked: { count: 3, percent: 75 },
      first: { count: 2, percent: 50 },
      meanRank: 1.33,
    });
    expect(row('y')).toMatchObject({ ranked: { count: 3 }, first: { count: 1, percent: 25 }, meanRank: 2 });
    expect(row('z')).toMatchObject({ ranked: { count: 1 }, first: { count: 1 }, meanRank: 1 });
    expect(row('x').ranks.map((c: any) => c.count)).toEqual([2, 1, 0]);
    expect(row('y').ranks.map((c: any) => c.count)).toEqual([1, 1, 1]);
  });

  it('counts free text as answered only, an empty string being no answer', async () => {
    const { q } = await summary();
    expect(q('note')).toMatchObject({
      kind: 'answered',
      listable: true,
      asked: { count: 6 },
      answered: { count: 2, percent: 33.3 },
    });
    expect(q('note').choices).toBeUndefined();
  });

  it('leaves responses of versions that did not ask a question out of its denominator, both ways', async () => {
    const { q } = await summary();
    expect(q('old_q')).toMatchObject({
      versions: [1],
      asked: { count: 3, percent: 50 },
      answered: { count: 3, percent: 100 },
    });
    expect(counts(q('old_q').choices)).toEqual({ p: 2, q: 1 });
    expect(q('platforms')).toMatchObject({
      versions: [2],
      asked: { count: 3, percent: 50 },
      answered: { count: 2, percent: 66.7 },
    });
    expect(percents(q('platforms').choices)).toEqual({ web: 100, app: 50 });
  });

  it('never aggregates personal data', async () => {
    const { body } = await summary();
    expect(body.questions.map((x) => x.name)).not.toContain('email');
    expect(ctx.plans.get(1)?.has('email')).toBe(false);
  });

  it('filters by version, region and whole UTC+5 days', async () => {
    expect((await summary({ versions: [1] })).body.responses).toEqual({ count: 3, percent: null });
    expect((await summary({ regions: ['KZ-55'] })).q('role').choices.map((c: any) => c.result.count)).toEqual(
      [0, 1, 1],
    );
    // R4 was sent at 20:00 UTC on 1 March: that is 2 March in Kazakhstan, the day the CSV's date filters mean.
    expect((await summary({ toDay: '2024-03-01' })).body.responses).toEqual({ count: 3, percent: null });
    expect((await summary({ fromDay: '2024-03-02', toDay: '2024-03-02' })).body.responses).toEqual({
      count: 2,
      percent: null,
    });
    expect((await summary({ briefings: [''] })).body.responses).toEqual({ count: 6, percent: null });
    expect((await summary({ briefings: ['elsewhere'] })).body.responses).toEqual({ count: 0, percent: null });
  });
});

describe('crosstabs, by hand', () => {
  const needs = ctx.byName.get('needs')!;

  it('splits a question by region from the count vectors, every region listed, empty ones flagged', async () => {
    const groups = await store.tallyAnswers({ surveyId: 'agg' }, { by: 'region' }, ['needs']);
    const rows = regionGroups(ctx, needs, ['KZ-10', 'KZ-55', 'KZ-63', 'KZ-75'], groups, 6, EXACT);
    expect(rows.map((g) => [g.code, g.empty, (g.aggregate as any).answered.count])).toEqual([
      ['KZ-10', false, 3],
      ['KZ-55', false, 1],
      ['KZ-63', false, 1],
      ['KZ-75', true, 0],
    ]);
    expect(counts((rows[0]!.aggregate as any).choices)).toEqual({
      funding: 2,
      training: 1,
      premises: 0,
      insurance: 1,
      none: 1,
    });
    expect(rows[1]!.aggregate.asked).toEqual({ count: 2, percent: 100 });
    expect(rows[0]!.responses).toEqual({ count: 3, percent: 50 });
  });

  it('splits a question by another from the byte records', async () => {
    const groups = await store.tallyAnswersByAnswer({ surveyId: 'agg' }, 'role', ['needs']);
    const rows = answerGroups(ctx, needs, ctx.byName.get('role')!, groups, 6, EXACT);
    expect(rows.map((g) => [g.code, g.responses.suppressed ? '-' : g.responses.count])).toEqual([
      ['volunteer', 3],
      ['ngo_staff', 2],
      ['other', 1],
    ]);
    expect(counts((rows[0]!.aggregate as any).choices)).toEqual({
      funding: 2,
      training: 2,
      premises: 0,
      insurance: 1,
      none: 0,
    });
    expect(counts((rows[1]!.aggregate as any).choices)).toEqual({
      funding: 0,
      training: 0,
      premises: 0,
      insurance: 0,
      none: 1,
    });
    expect((rows[1]!.aggregate as any).answered.count).toBe(1);
  });

  it('reads the byte records of a question-by-question table on its own connection, letting the event loop run', async () => {
    // A slice of 0 ms yields after every chunk of records: a timer set before the call runs before it finishes.
    const slicing = openSqliteStore(store.file, {
      projections: { countPlans: countPlansOf([{ versions: AGG_VERSIONS }]) },
      recordSliceMs: 0,
    });
    try {
      const before = await store.tallyAnswersByAnswer({ surveyId: 'agg' }, 'role', ['needs']);
      const order: string[] = [];
      setImmediate(() => order.push('another request'));
      const groups = slicing
        .tallyAnswersByAnswer({ surveyId: 'agg' }, 'role', ['needs'])
        .then((g) => (order.push('table'), g));
      // Meanwhile the writer's connection is free: a response stored now is not in the table's snapshot.
      await slicing.insertResponses([
        aggResponse(1, '2023-09-17T10:00:00.000Z', { region: 'KZ-75', role: 'ngo_staff' }),
      ]);
      expect(await groups).toEqual(before);
      expect(order).toEqual(['another request', 'table']);
    } finally {
      withDatabaseFile(store.file, (db) =>
        db.exec("DELETE FROM responses WHERE submitted_at = '2023-09-17T10:00:00.000Z'"),
      );
      await slicing.recountAnswers(['agg']);
      await slicing.close();
    }
  });

  it('puts a respondent in every group of a checkbox they chose, and keeps other versions out of the denominator', async () => {
    const order = ctx.byName.get('order')!;
    const byNeeds = answerGroups(
      ctx,
      order,
      needs,
      await store.tallyAnswersByAnswer({ surveyId: 'agg' }, 'needs', ['order']),
      6,
      EXACT,
    );
    const funding = byNeeds.find((g) => g.code === 'funding')!.aggregate as any;
    expect(funding.asked.count).toBe(3);
    expect(funding.answered.count).toBe(2);
    expect(funding.choices.map((c: any) => [c.code, c.ranked.count, c.first.count])).toEqual([
      ['x', 2, 1],
      ['y', 2, 0],
      ['z', 1, 1],
    ]);
    const platforms = ctx.byName.get('platforms')!;
    const byRole = answerGroups(
      ctx,
      platforms,
      ctx.byName.get('role')!,
      await store.tallyAnswersByAnswer({ surveyId: 'agg' }, 'role', ['platforms']),
      6,
      EXACT,
    );
    expect((byRole[0]!.aggregate as any).asked.count).toBe(2); // R1 is v1: not asked
    expect(counts((byRole[0]!.aggregate as any).choices)).toEqual({ web: 2, app: 1 });
  });

  it('splits a matrix and a rating by another question', async () => {
    const groups = await store.tallyAnswersByAnswer({ surveyId: 'agg' }, 'consent', ['grid', 'score']);
    const grid = answerGroups(ctx, ctx.byName.get('grid')!, ctx.byName.get('consent')!, groups, 6, EXACT);
    expect(
      grid.map((g) => (g.aggregate as any).rows.map((r: any) => r.cells.map((c: any) => c.count))),
    ).toEqual([
      [
        [2, 0],
        [1, 1],
      ], // consent true: R1, R4
      [
        [0, 1],
        [0, 0],
      ], // consent false: R2
    ]);
    const score = answerGroups(ctx, ctx.byName.get('score')!, ctx.byName.get('consent')!, groups, 6, EXACT);
    expect(score.map((g) => (g.aggregate as any).mean)).toEqual([3.5, 3]);
  });
});

describe('small-cell suppression in the summary', () => {
  it('hides counts of 1 … k−1 and their percentages, keeps zeros, and hides everything under a hidden n', async () => {
    const { body, q } = await summary({}, 3);
    expect(body.smallCellThreshold).toBe(3);
    // role: 3, 2, 1 of 6 → 2 and 1 are hidden.
    expect(q('role').choices.map((c: any) => c.result)).toEqual([
      { count: 3, percent: 50 },
      { suppressed: true },
      { suppressed: true },
    ]);
    // platforms: answered 2 < 3, so its cells are hidden too, even a zero would be.
    expect(q('platforms').answered).toEqual({ suppressed: true });
    expect(q('platforms').choices.every((c: any) => c.result.suppressed)).toBe(true);
    // score: answered 5 but 1, 1, 1 and 2 per value: every non-zero cell hidden, mean still over five people.
    expect(q('score').choices.map((c: any) => c.result)).toEqual([
      { count: 0, percent: 0 },
      { suppressed: true },
      { suppressed: true },
      { suppressed: true },
      { suppressed: true },
    ]);
    expect(q('score').mean).toBe(3.8);
    // ranking: z ranked by one person only: no count and no mean rank.
    const z = q('order').choices.find((c: any) => c.code === 'z');
    expect(z).toMatchObject({ ranked: { suppressed: true }, first: { suppressed: true }, meanRank: null });
  });

  it('hides the responses of a small filter', async () => {
    expect((await summary({ regions: ['KZ-63'] }, 5)).body.responses).toEqual({ suppressed: true });
    expect((await summary({ regions: ['KZ-75'] }, 5)).body.responses).toEqual({ count: 0, percent: null });
  });
});

describe('sums read from memory', () => {
  const responses = async () =>
    (await store.tallyAnswers({ surveyId: 'agg' }, { by: 'all' }))[0]!.versions.reduce(
      (n, v) => n + v.responses,
      0,
    );

  it("follow this connection's writes, and forget a write whose transaction rolled back", async () => {
    const before = await responses();
    await store.insertResponses([
      aggResponse(2, '2024-03-04T10:00:00.000Z', { region: 'KZ-10', role: 'volunteer' }),
    ]);
    expect(await responses()).toBe(before + 1);
    // One transaction: the second insert fails (no such briefing), so the first one's counts roll back with it.
    const good = aggResponse(2, '2024-03-05T10:00:00.000Z', { region: 'KZ-10', role: 'volunteer' });
    const bad = {
      ...aggResponse(2, '2024-03-05T10:00:00.000Z', { region: 'KZ-10' }),
      briefing: 'no-such-briefing',
    };
    await expect(store.insertResponses([good, bad])).rejects.toThrow();
    expect(await responses()).toBe(before + 1);
    expect(await store.tallyAnswers({ surveyId: 'agg', fromDay: '2024-03-05' }, { by: 'all' })).toEqual([]);
  });

  it('follow writes committed by another connection (the CLI beside the server)', async () => {
    const before = await responses();
    const other = openSqliteStore(store.file, {
      projections: { countPlans: countPlansOf([{ versions: AGG_VERSIONS }]) },
    });
    await other.insertResponses([
      aggResponse(1, '2023-09-16T10:00:00.000Z', { region: 'KZ-55', role: 'ngo_staff' }),
    ]);
    await other.close();
    expect(await responses()).toBe(before + 1);
    expect(await store.recountAnswers(['agg'])).toMatchObject({
      keysDiffering: 0,
      recordChunksDiffering: 0,
      textsDiffering: 0,
    });
    expect(await responses()).toBe(before + 1);
  });
});
