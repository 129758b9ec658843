// Small-cell suppression: a count of 1 … k−1 respondents is never shown, so that a small region's few respondents
// cannot be singled out; nor is a cell that subtraction from a shown total would give back.
// Since the cell key method (disclosure.ts) this is what an exact reader's views keep: their print-outs may travel.
import { showCount, SUPPRESSED } from './disclosure';
import type { Count } from './types';

export { SUPPRESSED };

/** Zero stays visible (nobody is singled out by "nobody"), unless the denominator itself is hidden. */
export const countCell = showCount;

export const isHidden = (c: Count) => c.suppressed === true;

/**
 * Cells that add up to a shown total (one answer per respondent: a single choice, a matrix row): if exactly one
 * non-zero cell is hidden, total − shown cells gives it back, so the next smallest non-zero cell is hidden too.
 */
export function partitionCells(
  counts: readonly number[],
  total: number,
  k: number,
  totalHidden: boolean,
): Count[] {
  const cells = counts.map((n) => countCell(n, total, k, totalHidden));
  if (totalHidden) return cells;
  const hidden = cells.filter((c, i) => isHidden(c) && counts[i]! > 0).length;
  if (hidden === 1) {
    let next = -1;
    counts.forEach((n, i) => {
      if (n > 0 && !isHidden(cells[i]!) && (next < 0 || n < counts[next]!)) next = i;
    });
    if (next >= 0) cells[next] = SUPPRESSED;
  }
  return cells;
}
