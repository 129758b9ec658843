// What a question's chart shows, as plain data: categories, series and their cells per question kind, in the
// reader's language. Pure (no DOM, no Chart.js), so the chart, its CSV and the tests read the very same numbers.
import type { Count, QuestionAggregate } from '../../server/http/contract/aggregates';
import { localized, type Locale } from '../lib/locale';
import { HIDDEN_GREY, isOffScale, OFF_SCALE_GREY, OKABE_ITO, scaleColours } from './palette';
import { CHART_STRINGS } from './strings';

export type { Count, QuestionAggregate };

export interface Category {
  code: string;
  label: string;
  /** none / other / don't know: drawn in grey. */
  special: boolean;
  /** A matrix row's own n; a ranking choice's mean rank. */
  n?: Count;
  meanRank?: number | null;
  /** A region without any response: its label says so instead of a number. */
  empty?: boolean;
}

export interface Series {
  code: string;
  label: string;
  /** One colour, or one per category. */
  colour: string | string[];
  /** Per category. */
  cells: Count[];
  /** The part of a matrix row hidden by suppression: drawn as "< k", never written into the CSV. */
  hidden?: boolean;
}

export interface ChartModel {
  /** bars: horizontal bars; columns: vertical (rating); stacked: 100% horizontal (matrix); none: free text. */
  layout: 'bars' | 'columns' | 'stacked' | 'none';
  categories: Category[];
  series: Series[];
}

const code = (c: string | number | boolean) => String(c);
export const isShown = (c: Count | undefined): c is { count: number; percent: number | null } =>
  c !== undefined && c.suppressed !== true;
/** For sorting: a hidden cell holds at least one respondent, so it goes above the zeros and below the shown. */
export const HIDDEN_RANK = 1e-9;
const percentOf = (c: Count | undefined) =>
  c === undefined ? -1 : isShown(c) ? (c.percent ?? 0) : HIDDEN_RANK;

/** The chart model of one question aggregate. Percent cells are of the question's (or the row's) answered n. */
export function questionModel(q: QuestionAggregate, locale: Locale, k: number): ChartModel {
  const t = CHART_STRINGS[locale];
  switch (q.kind) {
    case 'choice':
    case 'multiple':
    case 'rating': {
      let choices = q.choices.map((c) => ({
        code: code(c.code),
        label: localized(c.label, locale),
        special: c.special !== undefined || isOffScale(c.code),
        cell: c.result,
      }));
      // A checkbox list is not ordered: largest first reads as "what most chose"; the grey ones stay at the end.
      // Single choices and ratings keep the survey's order, which is often a scale (age, years, 1–5).
      if (q.kind === 'multiple')
        choices = choices
          .map((c, i) => ({ c, i }))
          .sort(
            (a, b) =>
              Number(a.c.special) - Number(b.c.special) ||
              percentOf(b.c.cell) - percentOf(a.c.cell) ||
              a.i - b.i,
          )
          .map(({ c }) => c);
      return {
        layout: q.kind === 'rating' ? 'columns' : 'bars',
        categories: choices.map(({ cell: _cell, ...c }) => c),
        series: [
          {
            code: 'share',
            label: t.share,
            colour: choices.map((c) => (c.special ? OFF_SCALE_GREY : OKABE_ITO.blue)),
            cells: choices.map((c) => c.cell),
          },
        ],
      };
    }
    case 'matrix': {
      const scale = q.columns.filter((c) => !isOffScale(c.code));
      const colours = scaleColours(scale.length);
      const series: Series[] = q.columns.map((column, j) => ({
        code: code(column.code),
        label: localized(column.label, locale),
        colour: isOffScale(column.code) ? OFF_SCALE_GREY : (colours[scale.indexOf(column)] ?? OKABE_ITO.blue),
        cells: q.rows.map((row) => row.cells[j] ?? { suppressed: true }),
      }));
      // What suppression hides of each row, as one grey remainder, so every bar still spans its 100%: the remainder
      // is answered minus the shown cells, which anyone could work out from the numbers shown anyway.
      const hidden = q.rows.map((row): Count => {
        if (!row.cells.some((c) => c.suppressed)) return { count: 0, percent: 0 };
        const shown = row.cells.filter(isShown);
        const percent = Math.max(0, 100 - shown.reduce((s, c) => s + (c.percent ?? 0), 0));
        const count = isShown(row.answered) ? row.answered.count - shown.reduce((s, c) => s + c.count, 0) : 0;
        return { count, percent: Math.round(percent * 10) / 10 };
      });
      if (hidden.some((c) => isShown(c) && (c.percent ?? 0) > 0))
        series.push({ code: 'hidden', label: t.hidden(k), colour: HIDDEN_GREY, cells: hidden, hidden: true });
      return {
        layout: 'stacked',
        categories: q.rows.map((row) => ({
          code: code(row.code),
          label: localized(row.label, locale),
          special: false,
          n: row.answered,
        })),
        series,
      };
    }
    case 'ranking': {
      // Most often ranked first on top: a ranking question asks "what comes first", so the chart answers that.
      const choices = [...q.choices].sort((a, b) => percentOf(b.first) - percentOf(a.first));
      return {
        layout: 'bars',
        categories: choices.map((c) => ({
          code: code(c.code),
          label: localized(c.label, locale),
          special: false,
          meanRank: c.meanRank,
        })),
        series: [
          { code: 'first', label: t.rankedFirst, colour: OKABE_ITO.blue, cells: choices.map((c) => c.first) },
          { code: 'ranked', label: t.rankedAny, colour: OKABE_ITO.sky, cells: choices.map((c) => c.ranked) },
        ],
      };
    }
    case 'answered':
      return { layout: 'none', categories: [], series: [] };
  }
}
