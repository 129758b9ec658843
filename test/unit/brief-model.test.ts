// The brief model's cooperation section from a hand-made summary: the other roles' matrix and, from roadmap-needs v3
// on, akimat staff's own matrix, each as good / poor / no-cooperation shares per partner, best first.
import { describe, expect, test } from 'vitest';
import type { Count, MatrixAggregate, SummaryBody } from '../../exports/aggregates/types';
import { briefModel } from '../../client/workspace/brief/brief-model';

const label = (en: string) => ({ en, kk: en, ru: en });
const COLUMNS = ['very_poor', 'poor', 'fair', 'good', 'very_good', 'no_cooperation'] as const;
const n = (count: number, of: number): Count => ({ count, percent: of > 0 ? (100 * count) / of : null });
const HIDDEN: Count = { suppressed: true };

/** A matrix on the survey's cooperation scale; each row gives its counts in COLUMNS order (null = a hidden cell). */
function cooperationMatrix(
  name: string,
  versions: number[],
  answered: Count,
  rows: Record<string, (number | null)[]>,
): MatrixAggregate {
  return {
    kind: 'matrix',
    name,
    type: 'matrix',
    shape: 'matrix',
    title: label(name),
    versions,
    asked: n(40, 40),
    answered,
    columns: COLUMNS.map((code) => ({ code, label: label(code) })),
    rows: Object.entries(rows).map(([code, cells]) => {
      const total = cells.reduce<number>((sum, c) => sum + (c ?? 0), 0);
      return {
        code,
        label: label(code),
        answered: n(total, total),
        cells: cells.map((c) => (c === null ? HIDDEN : n(c, total))),
      };
    }),
  };
}

function summary(...questions: MatrixAggregate[]): SummaryBody {
  return {
    survey: 'roadmap-needs',
    filters: { regions: [], versions: [3], briefing: null, from: null, to: null },
    smallCellThreshold: 5,
    responses: n(40, 40),
    questions,
  };
}

const OTHERS = cooperationMatrix('cooperation_quality', [3], n(30, 40), {
  akimat: [2, 4, 6, 10, 5, 3], // good 15 of 30, poor 6, none 3
  business: [0, 0, 5, 10, 10, 5], // good 20 of 30
});
const BY_AKIMAT = cooperationMatrix('cooperation_quality_by_akimat', [3], n(10, 40), {
  ngos: [0, 0, 2, 3, 5, 0], // good 8 of 10
  front_office: [0, 5, 0, 0, 0, 5], // good 0, poor 5, none 5
  international_orgs: [0, 0, 0, null, 0, 6], // good hidden, none 6
});

describe('briefModel: cooperation', () => {
  test('gives the other roles and akimat staff a table each, the same shares per partner, best first', () => {
    const model = briefModel(summary(OTHERS, BY_AKIMAT));
    expect(model.cooperation?.title.en).toBe('cooperation_quality');
    expect(model.cooperation?.answered).toEqual(n(30, 40));
    expect(model.cooperation?.akimatToo).toEqual([]);
    expect(model.cooperation?.rows.map((r) => [r.code, r.good, r.poor, r.none])).toEqual([
      ['business', shown(20, 30), shown(0, 30), shown(5, 30)],
      ['akimat', shown(15, 30), shown(6, 30), shown(3, 30)],
    ]);

    expect(model.cooperationByAkimat?.title.en).toBe('cooperation_quality_by_akimat');
    expect(model.cooperationByAkimat?.answered).toEqual(n(10, 40));
    expect(model.cooperationByAkimat?.rows.map((r) => [r.code, r.good, r.poor, r.none])).toEqual([
      ['ngos', shown(8, 10), shown(0, 10), shown(0, 10)],
      // A hidden good count sorts above a shown zero: it stands for at least one answer.
      ['international_orgs', { kind: 'hidden' }, shown(0, 6), shown(6, 6)],
      ['front_office', shown(0, 10), shown(5, 10), shown(5, 10)],
    ]);
  });

  test("leaves akimat staff's table out when none of them answered in the filter, keeps it when the count is hidden", () => {
    const none = cooperationMatrix('cooperation_quality_by_akimat', [3], n(0, 40), {
      ngos: [0, 0, 0, 0, 0, 0],
    });
    expect(briefModel(summary(OTHERS, none)).cooperationByAkimat).toBeUndefined();
    expect(briefModel(summary(OTHERS)).cooperationByAkimat).toBeUndefined();
    expect(briefModel(summary(OTHERS)).cooperation?.rows).toHaveLength(2);

    const few = cooperationMatrix('cooperation_quality_by_akimat', [3], HIDDEN, {
      ngos: [0, 0, 0, null, 0, 0],
    });
    expect(briefModel(summary(OTHERS, few)).cooperationByAkimat?.rows).toEqual([
      {
        code: 'ngos',
        label: label('ngos'),
        n: n(0, 0),
        good: { kind: 'hidden' },
        poor: shown(0, 0),
        none: shown(0, 0),
      },
    ]);
  });

  test('each partner carries its own n, the base of its shares, not the question total', () => {
    const model = briefModel(summary(OTHERS, BY_AKIMAT));
    expect(model.cooperationByAkimat?.rows.map((r) => [r.code, r.n])).toEqual([
      ['ngos', n(10, 10)],
      ['international_orgs', n(6, 6)],
      ['front_office', n(10, 10)],
    ]);
  });

  test('names the chosen versions in which akimat staff still answered the shared question (v1 and v2)', () => {
    const mixed = { ...OTHERS, versions: [1, 2, 3] };
    expect(briefModel(summary(mixed, BY_AKIMAT)).cooperation?.akimatToo).toEqual([1, 2]);
    // v1 and v2 only: no question of their own was asked, so every chosen version counts them in.
    expect(briefModel(summary({ ...OTHERS, versions: [1, 2] })).cooperation?.akimatToo).toEqual([1, 2]);
  });
});

function shown(count: number, of: number) {
  return { kind: 'shown', count, percent: of > 0 ? (100 * count) / of : null };
}
