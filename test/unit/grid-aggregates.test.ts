// Grid and repeat counts (issue 19) against numbers worked out by hand: per column of a matrixdropdown, per item of a
// multipletext, per field of a dynamic panel or matrix over entries with the respondents beside, and entries per
// respondent; stored through the real store, so the count vectors and the byte records (crosstab) are what is tested.
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countPlansOf } from '../../exports/aggregates/count-plan';
import { answerGroups, summaryBody, surveyAggregates } from '../../exports/aggregates/summary';
import type { AnsweredAggregate, RepeatField } from '../../exports/aggregates/types';
import { loadCatalog } from '../../server/catalog/load';
import { openSqliteStore } from '../../server/store';
import { GRID_RESPONSES, GRID_VERSION, gridResponse, openGridStore } from '../support/grid-fixture';
import { makeTempDir } from '../support/server';

const ctx = surveyAggregates([GRID_VERSION]);
const filters = { regions: [], versions: [1], briefing: null, from: null, to: null };
let store: Awaited<ReturnType<typeof openGridStore>>;

beforeAll(async () => {
  store = await openGridStore();
  await store.insertResponses(GRID_RESPONSES());
});
afterAll(() => store.close());

async function summary(k = 1, exact = true) {
  const [all] = await store.tallyAnswers({ surveyId: 'grids' }, { by: 'all' });
  const body = summaryBody(ctx, 'grids', filters, all?.versions ?? [], { exact, k });
  return (name: string) => body.questions.find((x) => x.name === name) as AnsweredAggregate;
}

const n = (c: { count?: number; suppressed?: true }) => (c.suppressed ? '-' : c.count);
const column = (q: AnsweredAggregate, code: string) => q.grid!.find((c) => c.code === code)!;
const field = (q: AnsweredAggregate, name: string) =>
  q.repeat!.fields.find((f) => f.path.join('/') === name) as RepeatField;
const byValue = (f: RepeatField) =>
  Object.fromEntries(f.values.map((v) => [String(v.code), [n(v.entries), n(v.respondents)]]));

describe('grid counts, by hand', () => {
  it('gives each matrixdropdown column its rows × values, each row in percent of those who answered it', async () => {
    const q = await summary();
    const channels = q('channels');
    expect(channels.kind).toBe('answered');
    expect(channels.grid!.map((c) => [c.code, c.cellType, c.shape])).toEqual([
      ['used', 'boolean', 'single'],
      ['quality', 'rating', 'single'],
      ['tools', 'checkbox', 'multiple'],
      ['note', 'text', 'answered'],
    ]);
    const used = column(channels, 'used');
    expect(used.label).toEqual({ kk: 'Қолданылады', ru: 'Используется', en: 'Used' });
    expect(used.rows.map((r) => [r.code, r.label.kk, n(r.answered), r.cells.map(n)])).toEqual([
      ['ngo', 'ҮЕҰ', 4, [3, 1]],
      ['akimat', 'Әкімдік', 2, [1, 1]],
    ]);
    expect(used.rows[0]!.cells[0]).toEqual({ count: 3, percent: 75 });
    expect(column(channels, 'quality').rows.map((r) => r.cells.map(n))).toEqual([
      [0, 1, 2],
      [1, 0, 0],
    ]);
    // A checkbox cell: shares of the row's answered, adding up past 100%.
    const tools = column(channels, 'tools');
    expect(tools.rows[0]!.cells).toEqual([
      { count: 2, percent: 100 },
      { count: 1, percent: 50 },
    ]);
    expect(column(channels, 'note').rows.map((r) => n(r.answered))).toEqual([1, 0]);
  });

  it('counts a multipletext per item as answered', async () => {
    const team = (await summary())('team');
    expect(team.grid).toHaveLength(1);
    expect(team.grid![0]!.rows.map((r) => [r.code, n(r.answered)])).toEqual([
      ['volunteers', 2],
      ['staff', 1],
    ]);
  });
});

describe('repeat counts, by hand', () => {
  it('gives the entries per respondent, 0 for those asked who added none', async () => {
    const practices = (await summary())('practices');
    expect(n(practices.answered)).toBe(3);
    expect(practices.repeat!.entries).toEqual({ count: 6, percent: null });
    expect(
      practices.repeat!.perRespondent.map((p) => [p.entries, n(p.respondents), p.orMore ?? false]),
    ).toEqual([
      [0, 2, false],
      [1, 1, false],
      [2, 1, false],
      [3, 1, false],
    ]);
    // No maximum: counted one by one up to 10, the last "10 or more".
    const needs = (await summary())('needs');
    expect(needs.repeat!.perRespondent).toHaveLength(11);
    expect(needs.repeat!.perRespondent.at(-1)).toMatchObject({ entries: 10, orMore: true });
    expect(n(needs.repeat!.perRespondent[5]!.respondents)).toBe(1);
  });

  it('counts each field over entries with the respondents having at least one such entry beside', async () => {
    const practices = (await summary())('practices');
    const who = field(practices, 'who');
    expect(who.answered).toEqual({
      entries: { count: 5, percent: 83.3 },
      respondents: { count: 3, percent: 100 },
    });
    expect(byValue(who)).toEqual({ ngo: [3, 2], akimat: [2, 2] });
    // A checkbox field: an entry counts once per choice in it.
    expect(byValue(field(practices, 'funding'))).toEqual({ grants: [2, 1], donations: [2, 2] });
    // A grid inside the entry: one field per cell, labelled by the field, the row and the column.
    const reach = field(practices, 'ratings/reach/score');
    expect(reach.labels.map((l) => l.en)).toEqual(['ratings', 'reach', 'score']);
    expect(byValue(reach)).toEqual({ 1: [0, 0], 2: [1, 1], 3: [1, 1] });
    expect(field(practices, 'contact').answered).toEqual({
      entries: { count: 2, percent: 33.3 },
      respondents: { count: 2, percent: 66.7 },
    });
    // A dynamic matrix's columns are its fields; an empty row is an entry that answered nothing.
    const need = field((await summary())('needs'), 'need');
    expect(need.answered).toEqual({
      entries: { count: 6, percent: 85.7 },
      respondents: { count: 2, percent: 100 },
    });
    expect(byValue(need)).toEqual({ space: [3, 2], money: [3, 1] });
  });

  it('splits a repeat by another question from the byte records, as the count vectors have it', async () => {
    const groups = await store.tallyAnswersByAnswer({ surveyId: 'grids' }, 'region', [
      'practices',
      'channels',
    ]);
    const info = ctx.byName.get('practices')!;
    const rows = answerGroups(ctx, info, ctx.byName.get('region')!, groups, 5, { exact: true, k: 1 });
    const kz10 = rows.find((g) => g.code === 'KZ-10')!.aggregate as AnsweredAggregate;
    expect(kz10.repeat!.entries).toEqual({ count: 4, percent: null });
    expect(byValue(field(kz10, 'who'))).toEqual({ ngo: [3, 2], akimat: [1, 1] });
    expect(kz10.repeat!.perRespondent.map((p) => n(p.respondents))).toEqual([0, 1, 0, 1]);
    const kz55 = rows.find((g) => g.code === 'KZ-55')!.aggregate as AnsweredAggregate;
    expect(byValue(field(kz55, 'funding'))).toEqual({ grants: [0, 0], donations: [1, 1] });
  });
});

describe('small groups in grids and repeats', () => {
  it('hides a grid cell of 1 … k−1 and its lone partner, and every entry count whose respondents are hidden', async () => {
    const q = await summary(2);
    // used/ngo: 3 true, 1 false → the 1 is hidden, and so the 3 (4 − 3 would give it back).
    expect(column(q('channels'), 'used').rows[0]!.cells.map(n)).toEqual(['-', '-']);
    const practices = q('practices');
    // who: ngo 3 entries from 2 respondents, akimat 2 from 2: shown; funding/grants: 2 entries from 1 → hidden.
    expect(byValue(field(practices, 'who'))).toEqual({ ngo: [3, 2], akimat: [2, 2] });
    expect(byValue(field(practices, 'funding'))).toEqual({ grants: ['-', '-'], donations: [2, 2] });
    // Entries per respondent: 1, 1 and 1 of 5 with one, two and three → hidden; 2 with none shown.
    expect(practices.repeat!.perRespondent.map((p) => n(p.respondents))).toEqual([2, '-', '-', '-']);
  });

  it('perturbs grid and repeat counts for a reader who may not see exact counts, never showing 1 … k−1', async () => {
    const store2 = await openGridStore();
    // 40 respondents, so that counts are well above k and the noise (±2 at most) is what differs.
    const many = Array.from({ length: 40 }, (_, i) =>
      gridResponse({
        region: 'KZ-10',
        channels: { ngo: { used: i % 2 === 0 } },
        practices: Array.from({ length: 1 + (i % 3) }, () => ({ who: i % 4 === 0 ? 'akimat' : 'ngo' })),
      }),
    );
    await store2.insertResponses(many);
    const [all] = await store2.tallyAnswers({ surveyId: 'grids' }, { by: 'all' });
    const body = summaryBody(ctx, 'grids', filters, all!.versions, { exact: false, k: 5 });
    await store2.close();
    expect(body.perturbed).toBe(true);
    const practices = body.questions.find((x) => x.name === 'practices') as AnsweredAggregate;
    const who = field(practices, 'who');
    const shown = [
      ...who.values.flatMap((v) => [v.entries, v.respondents]),
      ...practices.repeat!.perRespondent.map((p) => p.respondents),
    ];
    for (const c of shown) if (!c.suppressed) expect(c.count === 0 || c.count >= 5).toBe(true);
    // True: ngo 60 entries from 30 respondents, akimat 20 from 10; published within ±2 of them.
    expect(Math.abs((who.values[0]!.entries as { count: number }).count - 60)).toBeLessThanOrEqual(2);
    expect(Math.abs((who.values[1]!.respondents as { count: number }).count - 10)).toBeLessThanOrEqual(2);
  });
});

describe('counts made before grids and repeats were counted', () => {
  it('are rebuilt at start with the parts of the new plan, as a fresh store counts them', async () => {
    // The plan as it was before issue 19's counts: every question, none of the parts of their answers.
    const old = countPlansOf([{ versions: [GRID_VERSION] }]).map((p) => ({
      ...p,
      questions: p.questions.filter((q) => !q.part),
    }));
    const file = join(makeTempDir(), 'saualnama.db');
    const first = openSqliteStore(file, { projections: { countPlans: old } });
    await first.publishVersions([{ surveyId: 'grids', version: 1, sha256: 'v1' }], '2024-01-01T00:00:00Z');
    await first.insertResponses(GRID_RESPONSES());
    await first.close();
    const reopened = openSqliteStore(file, {
      projections: { countPlans: countPlansOf([{ versions: [GRID_VERSION] }]) },
    });
    try {
      expect(reopened.countsRebuilt.map((r) => r.surveys)).toEqual([['grids']]);
      const [all] = await reopened.tallyAnswers({ surveyId: 'grids' }, { by: 'all' });
      const body = summaryBody(ctx, 'grids', filters, all!.versions, { exact: true, k: 1 });
      const [fresh] = await store.tallyAnswers({ surveyId: 'grids' }, { by: 'all' });
      expect(body).toEqual(summaryBody(ctx, 'grids', filters, fresh!.versions, { exact: true, k: 1 }));
      const practices = body.questions.find((x) => x.name === 'practices') as AnsweredAggregate;
      expect(byValue(field(practices, 'who'))).toEqual({ ngo: [3, 2], akimat: [2, 2] });
      expect(await reopened.recountAnswers(['grids'])).toMatchObject({
        keysDiffering: 0,
        recordChunksDiffering: 0,
      });
    } finally {
      await reopened.close();
    }
  });
});

it('leaves the count plans of the shipped surveys as they were: they ask no grid or repeat, so nothing recounts', () => {
  const shipped = loadCatalog(resolve(import.meta.dirname, '../../surveys')).catalog;
  const plans = countPlansOf(shipped.surveys);
  expect(plans.map((p) => p.surveyId)).toContain('roadmap-needs');
  expect(plans.flatMap((p) => p.questions).filter((q) => q.part)).toEqual([]);
});
