// The brief's figures from the summary (pure): shares that add matrix columns together ("serious + very serious"),
// kept honest under small-cell suppression: a sum with a hidden part is only a lower bound ("≥ 38 %"), and a sum
// whose every non-zero part is hidden is itself hidden ("< 5").
import type { Count } from '../../../server/http/contract/aggregates';
import type { Locale } from '../../lib/locale';
import { decimal, percentText } from '../coverage/format';

export type Figure =
  | { kind: 'shown'; count: number; percent: number | null }
  | { kind: 'atLeast'; count: number; percent: number | null }
  | { kind: 'hidden' };

const HIDDEN: Figure = { kind: 'hidden' };

/** The sum of `cells` as a share of `denominator` (the respondents who answered the row or question). */
export function combine(cells: readonly (Count | undefined)[], denominator: Count): Figure {
  if (denominator.suppressed === true) return HIDDEN;
  let count = 0;
  let hidden = false;
  for (const cell of cells) {
    if (!cell) continue;
    if (cell.suppressed === true) hidden = true;
    else count += cell.count;
  }
  const percent = denominator.count > 0 ? (100 * count) / denominator.count : null;
  if (!hidden) return { kind: 'shown', count, percent };
  return count > 0 ? { kind: 'atLeast', count, percent } : HIDDEN;
}

/** One cell as a figure (its percent as the API computed it). */
export function figureOf(cell: Count): Figure {
  return cell.suppressed === true ? HIDDEN : { kind: 'shown', count: cell.count, percent: cell.percent };
}

/**
 * What to sort by: the share, or its lower bound. A hidden figure stands for at least one respondent, so it sorts
 * below every shown share but above a shown zero.
 */
export const sortValue = (f: Figure): number => (f.kind === 'hidden' ? Number.MIN_VALUE : (f.percent ?? -1));

/** Bigger shares first; ties keep the survey's order (Array.prototype.sort is stable). */
export function byShare<T>(rows: readonly T[], figure: (row: T) => Figure): T[] {
  return [...rows].sort((a, b) => sortValue(figure(b)) - sortValue(figure(a)));
}

export function figureText(f: Figure, k: number, locale: Locale): string {
  if (f.kind === 'hidden') return `< ${k}`;
  if (f.percent === null) return '—';
  return f.kind === 'atLeast' ? `≥\u00a0${percentText(f.percent, locale)}` : percentText(f.percent, locale);
}

/** A mean (rank, rating) with the reader's decimal sign; "< k" when the server withheld it. */
export function meanText(mean: number | null, k: number, locale: Locale, digits = 1): string {
  return mean === null ? `< ${k}` : decimal(mean, digits, locale);
}
