// Small-cell suppression: the rule for one count, and the complementary cell a shown total would give away.
import { describe, expect, it } from 'vitest';
import { countCell, partitionCells } from '../../exports/aggregates/suppress';

describe('small-cell suppression', () => {
  it('hides a count of 1 … k−1 with its percentage, and shows 0 and k', () => {
    expect(countCell(0, 40, 5)).toEqual({ count: 0, percent: 0 });
    expect(countCell(1, 40, 5)).toEqual({ suppressed: true });
    expect(countCell(4, 40, 5)).toEqual({ suppressed: true });
    expect(countCell(5, 40, 5)).toEqual({ count: 5, percent: 12.5 });
  });

  it('hides every cell, zeros too, when the denominator is hidden', () => {
    expect(countCell(0, 3, 5, true)).toEqual({ suppressed: true });
    expect(countCell(7, 30, 5, true)).toEqual({ suppressed: true });
  });

  it('gives no percentage of an empty denominator', () => {
    expect(countCell(0, 0, 5)).toEqual({ count: 0, percent: null });
  });

  it('hides the next smallest cell when a shown total would give back the only hidden one', () => {
    // 20 = 12 + 6 + 2: with 12 and 6 shown, 20 − 18 = 2; so 6 goes too.
    expect(partitionCells([12, 6, 2, 0], 20, 5, false)).toEqual([
      { count: 12, percent: 60 },
      { suppressed: true },
      { suppressed: true },
      { count: 0, percent: 0 },
    ]);
  });

  it('leaves two or more hidden cells as they are: their sum alone is no one person', () => {
    expect(partitionCells([12, 3, 2], 17, 5, false)).toEqual([
      { count: 12, percent: 70.6 },
      { suppressed: true },
      { suppressed: true },
    ]);
  });

  it('follows the user-configured threshold', () => {
    expect(partitionCells([9, 2], 11, 2, false)).toEqual([
      { count: 9, percent: 81.8 },
      { count: 2, percent: 18.2 },
    ]);
    expect(partitionCells([9, 2], 11, 10, false)).toEqual([{ suppressed: true }, { suppressed: true }]);
  });
});
