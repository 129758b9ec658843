// Store conformance, grid and repeat counts (issue 19): both engines count a grid's cells, a repeat's fields over
// entries and per respondent, and the entries per respondent through the one count layout, in the vectors (summary)
// and in the byte records (crosstab by answer) alike.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { countPlansOf } from '../../exports/aggregates/count-plan';
import { answerGroups, summaryBody, surveyAggregates } from '../../exports/aggregates/summary';
import type { AnsweredAggregate, RepeatField } from '../../exports/aggregates/types';
import type { AsyncStorePart } from '../../server/store-pg/contract';
import { GRID_RESPONSES, GRID_VERSION } from '../support/grid-fixture';
import { ENGINES } from './engines';

const plans = countPlansOf([{ versions: [GRID_VERSION] }]);
const ctx = surveyAggregates([GRID_VERSION]);
const filters = { regions: [], versions: [1], briefing: null, from: null, to: null };
const EXACT = { exact: true, k: 1 };

const n = (c: { count?: number; suppressed?: true }) => (c.suppressed ? '-' : c.count);
const field = (q: AnsweredAggregate, path: string) =>
  q.repeat!.fields.find((f) => f.path.join('/') === path) as RepeatField;
const byValue = (f: RepeatField) =>
  Object.fromEntries(f.values.map((v) => [String(v.code), [n(v.entries), n(v.respondents)]]));

describe.each(ENGINES)('grid and repeat counts on $name', (engine) => {
  let store: AsyncStorePart;
  beforeEach(async () => {
    store = await engine.open({ countPlans: plans });
    await store.publishVersions([{ surveyId: 'grids', version: 1, sha256: 'x' }], 'T');
    const [first, ...rest] = GRID_RESPONSES();
    await store.insertResponses([first!]);
    // The rest through group commit, as respondents' answers arrive.
    await Promise.all(rest.map((r) => store.submitResponse(r)));
  });
  afterEach(() => store.close());

  it('counts grid columns, repeat fields and entries per respondent from the count vectors', async () => {
    const [all] = await store.tallyAnswers({ surveyId: 'grids' }, { by: 'all' });
    const body = summaryBody(ctx, 'grids', filters, all!.versions, EXACT);
    const q = (name: string) => body.questions.find((x) => x.name === name) as AnsweredAggregate;
    const used = q('channels').grid!.find((c) => c.code === 'used')!;
    expect(used.rows.map((r) => [n(r.answered), r.cells.map(n)])).toEqual([
      [4, [3, 1]],
      [2, [1, 1]],
    ]);
    expect(q('team').grid![0]!.rows.map((r) => n(r.answered))).toEqual([2, 1]);
    const practices = q('practices');
    expect(n(practices.repeat!.entries)).toBe(6);
    expect(practices.repeat!.perRespondent.map((p) => n(p.respondents))).toEqual([2, 1, 1, 1]);
    expect(byValue(field(practices, 'who'))).toEqual({ ngo: [3, 2], akimat: [2, 2] });
    expect(byValue(field(practices, 'funding'))).toEqual({ grants: [2, 1], donations: [2, 2] });
    expect(byValue(field(q('needs'), 'need'))).toEqual({ space: [3, 2], money: [3, 1] });
  });

  it('tallies the parts of a grid or repeat when the question is asked for by name, and from the byte records', async () => {
    const [only] = await store.tallyAnswers({ surveyId: 'grids' }, { by: 'all' }, ['practices']);
    const names = [...only!.versions[0]!.questions.keys()];
    expect(names[0]).toBe('practices');
    expect(names.length).toBeGreaterThan(10);
    expect(names.every((name) => name.split('\u0000')[0] === 'practices')).toBe(true);
    const groups = await store.tallyAnswersByAnswer({ surveyId: 'grids' }, 'region', ['practices']);
    const rows = answerGroups(ctx, ctx.byName.get('practices')!, ctx.byName.get('region')!, groups, 5, EXACT);
    const kz10 = rows.find((g) => g.code === 'KZ-10')!.aggregate as AnsweredAggregate;
    expect(n(kz10.repeat!.entries)).toBe(4);
    expect(byValue(field(kz10, 'who'))).toEqual({ ngo: [3, 2], akimat: [1, 1] });
  });
});
