// The region comparison's bar chart and its CSV: the chosen answer's share in every region, in the table's order,
// "no responses" for a region without any and "< k" for a hidden count, with each region's own n.
import type { Table } from '../../charts/chart-table';
import { OKABE_ITO } from '../../charts/palette';
import { isShown, type ChartModel } from '../../charts/question-model';
import { CHART_STRINGS } from '../../charts/strings';
import type { Locale } from '../../lib/locale';
import type { Comparison, RegionRow } from './comparison';
import { REGIONS_STRINGS } from './strings';

export function regionChart(
  cmp: Comparison,
  rows: readonly RegionRow[],
  answerLabel: string,
  locale: Locale,
  k: number,
): { model: ChartModel; table: Table } {
  const c = CHART_STRINGS[locale];
  const t = REGIONS_STRINGS[locale];
  const fewer = c.fewer(k);
  const model: ChartModel = {
    layout: 'bars',
    categories: rows.map((r) => ({ code: r.code, label: r.name, special: false, empty: r.empty })),
    series: [
      {
        code: cmp.options[cmp.chosen]?.code ?? '',
        label: answerLabel,
        colour: OKABE_ITO.blue,
        cells: rows.map((r) => r.cells[cmp.chosen] ?? { suppressed: true }),
      },
    ],
  };
  const header = [
    c.columns.answer,
    t.region,
    c.columns.code,
    c.columns.count,
    c.columns.percent,
    c.columns.n,
    t.responses,
  ];
  const table: Table = [
    header,
    ...rows.map((r) => {
      const x = r.cells[cmp.chosen];
      return [
        answerLabel,
        r.name,
        r.code,
        r.empty ? 0 : isShown(x) ? x.count : fewer,
        r.empty || !isShown(x) ? '' : x.percent,
        r.empty ? 0 : isShown(r.n) ? r.n.count : fewer,
        isShown(r.responses) ? r.responses.count : fewer,
      ];
    }),
  ];
  return { model, table };
}
