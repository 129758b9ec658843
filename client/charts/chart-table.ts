// A chart's numbers as a table (header + rows) for its CSV download: the same categories, order and labels as the
// chart, suppressed cells written as "< k" with no percent, and the n that every percent is of.
import { localized, type Locale } from '../lib/locale';
import { isShown, questionModel, type Count, type QuestionAggregate } from './question-model';
import { CHART_STRINGS } from './strings';

export type Table = (string | number | null)[][];

/** Count and percent cells: "< k" and empty for a suppressed one. */
function cells(c: Count | undefined, k: number): [string | number, number | string | null] {
  if (!isShown(c)) return [`< ${k}`, ''];
  return [c.count, c.percent];
}

export function chartTable(q: QuestionAggregate, locale: Locale, k: number): Table {
  const t = CHART_STRINGS[locale].columns;
  const title = localized(q.title, locale);
  const n = cells(q.answered, k)[0];
  const asked = cells(q.asked, k)[0];
  const model = questionModel(q, locale, k);
  switch (q.kind) {
    case 'choice':
    case 'multiple':
    case 'rating': {
      const rating = q.kind === 'rating' ? [q.mean, q.median] : [];
      const header = [
        t.question,
        t.answer,
        t.code,
        t.count,
        t.percent,
        t.n,
        t.asked,
        ...(q.kind === 'rating' ? [t.mean, t.median] : []),
      ];
      const series = model.series[0];
      return [
        header,
        ...model.categories.map((c, i) => [
          title,
          c.label,
          c.code,
          ...cells(series?.cells[i], k),
          n,
          asked,
          ...rating,
        ]),
      ];
    }
    case 'matrix': {
      const header = [t.question, t.row, t.rowCode, t.answer, t.code, t.count, t.percent, t.n];
      const rows: Table = [header];
      model.categories.forEach((row, i) => {
        for (const s of model.series.filter((x) => !x.hidden))
          rows.push([
            title,
            row.label,
            row.code,
            s.label,
            s.code,
            ...cells(s.cells[i], k),
            cells(row.n, k)[0],
          ]);
      });
      return rows;
    }
    case 'ranking': {
      const [first, ranked] = model.series;
      const header = [
        t.question,
        t.answer,
        t.code,
        t.first,
        t.firstPercent,
        t.ranked,
        t.rankedPercent,
        t.meanRank,
        t.n,
      ];
      return [
        header,
        ...model.categories.map((c, i) => [
          title,
          c.label,
          c.code,
          ...cells(first?.cells[i], k),
          ...cells(ranked?.cells[i], k),
          c.meanRank ?? null,
          n,
        ]),
      ];
    }
    case 'answered':
      return [
        [t.question, t.count, t.percent, t.asked],
        [title, ...cells(q.answered, k), asked],
      ];
  }
}
