// Turns a chart model into a Chart.js bar configuration and the height it needs: horizontal bars with wrapped
// labels for answers, 100%-stacked bars for matrices, columns for ratings; numbers drawn as labels, "< k" for
// suppressed cells (never a bar), n and exact counts in the tooltips.
import type { ChartConfiguration, TooltipItem } from 'chart.js';
import type { Locale } from '../lib/locale';
import { hatch } from './hatch';
import { inkOn } from './palette';
import { isShown, type ChartModel, type Count } from './question-model';
import { CHART_STRINGS, percentText } from './strings';
import { wrapLabel } from './wrap';

export type BarConfig = ChartConfiguration<'bar', (number | null)[], string | string[]>;

export interface ConfigOptions {
  locale: Locale;
  k: number;
  /** Characters per label line: narrow cards wrap sooner. */
  wrap: number;
  /** A phone-sized card: smaller type and margins, so the bars keep some width. */
  compact?: boolean;
  /** For the PNG: the question's title and the n and filter lines, drawn into the image. */
  title?: string[];
  subtitle?: string[];
}

/** The category labels as drawn: wrapped, with a ranking's mean rank, and a matrix row's own n on a line of its own. */
function categoryLabels(model: ChartModel, o: ConfigOptions): string[][] {
  const t = CHART_STRINGS[o.locale];
  const width = model.layout === 'columns' ? Math.min(o.wrap, 14) : o.wrap;
  return model.categories.map((c) => {
    const rank = c.meanRank != null ? ` (${t.decimal(c.meanRank)})` : '';
    // On its own line, "n = 16 104" never breaks in the middle.
    const n =
      model.layout === 'stacked' && c.n ? [`n = ${isShown(c.n) ? t.number(c.n.count) : t.fewer(o.k)}`] : [];
    return [...wrapLabel(c.label + rank, width), ...n];
  });
}

/** Type sizes: 14 px reads on a projector; a phone gets 12 px so that labels leave the bars some room. */
export const fontSize = (o: Pick<ConfigOptions, 'compact'>) => (o.compact ? 12 : 14);

/**
 * Pixels the chart needs. Chart.js gives every category the same height, so each gets the room of the tallest
 * label (or of its bars, when those need more), plus the value axis and the legend.
 */
export function chartHeight(model: ChartModel, o: ConfigOptions): number {
  if (model.layout === 'columns') return o.compact ? 300 : 340;
  const line = fontSize(o) + 4;
  const tallest = Math.max(1, ...categoryLabels(model, o).map((lines) => lines.length));
  const bars = model.layout === 'stacked' ? 40 : model.series.length * 22 + 14;
  const slot = Math.max(tallest * line + 12, bars);
  // The legend's items wrap on narrow cards.
  const perRow = o.compact ? 2 : 4;
  const legend =
    model.series.length > 1
      ? 30 * Math.ceil(model.series.length / (model.layout === 'stacked' ? perRow : 4))
      : 0;
  return model.categories.length * slot + 44 + legend;
}

export function questionConfig(model: ChartModel, o: ConfigOptions): BarConfig {
  const t = CHART_STRINGS[o.locale];
  const pct = (p: number | null) => percentText(o.locale, p ?? 0);
  const fewer = t.fewer(o.k);
  const stacked = model.layout === 'stacked';
  const horizontal = model.layout !== 'columns';
  const value = (c: Count) => (isShown(c) ? (c.percent ?? 0) : null);

  // The value labels: "42% (318)" past a bar, "42%" inside a stacked segment, "< 5" where a cell is hidden.
  const texts = model.series.map((s) =>
    s.cells.map((c, i): string[] | null => {
      if (model.categories[i]?.empty) return [t.noResponses];
      if (s.hidden) return isShown(c) && (c.percent ?? 0) > 0 ? [fewer] : null;
      if (!isShown(c)) return stacked ? null : [fewer];
      if (stacked) return (c.percent ?? 0) > 0 ? [`${Math.round(c.percent ?? 0)}%`] : null;
      return horizontal
        ? [`${pct(c.percent)} (${t.number(c.count)})`]
        : [pct(c.percent), `(${t.number(c.count)})`];
    }),
  );
  const colours = model.series.map((s) =>
    model.categories.map((_, i) => inkOn(Array.isArray(s.colour) ? (s.colour[i] ?? '#000') : s.colour)),
  );
  const largest = Math.max(0, ...model.series.flatMap((s) => s.cells.map((c) => value(c) ?? 0)));
  // Stacked bars always span 100%; others stop at the next round step above the largest share (columns keep
  // headroom for their two-line labels), with the step as the ticks' so the axis never ends on an odd tick.
  const top = largest * (horizontal ? 1 : 1.15) + 0.5;
  const step = stacked ? 10 : top <= 20 ? 5 : top <= 50 ? 10 : 20;
  const max = stacked ? 100 : Math.min(100, Math.ceil(top / step) * step);

  const tooltipLabel = (item: TooltipItem<'bar'>) => {
    const s = model.series[item.datasetIndex];
    const c = s?.cells[item.dataIndex];
    if (!s || !c) return '';
    if (s.hidden) return `${s.label}`;
    const shown = isShown(c) ? `${pct(c.percent)} (${t.number(c.count)})` : fewer;
    const rank = model.categories[item.dataIndex]?.meanRank;
    return `${s.label}: ${shown}${s.code === 'first' && rank != null ? ` · ${t.meanRank} ${t.decimal(rank)}` : ''}`;
  };

  return {
    type: 'bar',
    data: {
      labels: categoryLabels(model, o),
      datasets: model.series.map((s) => ({
        label: s.label,
        data: s.cells.map(value),
        backgroundColor: s.hidden ? hatch(s.colour as string) : s.colour,
        borderColor: '#ffffff',
        borderWidth: stacked ? 1 : 0,
        ...(stacked
          ? { barPercentage: 0.9, categoryPercentage: 0.9, maxBarThickness: o.compact ? 30 : 46 }
          : { barPercentage: 0.85, categoryPercentage: 0.8, maxBarThickness: 30 }),
      })),
    },
    options: {
      indexAxis: horizontal ? 'y' : 'x',
      responsive: true,
      maintainAspectRatio: false,
      // Labels past the bar ends are drawn in this margin, so the longest never runs off the canvas.
      layout: {
        padding: { right: horizontal && !stacked ? (o.compact ? 88 : 104) : 8, top: horizontal ? 4 : 36 },
      },
      scales: {
        [horizontal ? 'x' : 'y']: {
          stacked,
          min: 0,
          max,
          ticks: {
            // A phone's narrow axis takes every other tick; none is slanted.
            stepSize: o.compact ? (stacked ? 25 : step * 2) : step,
            maxRotation: 0,
            callback: (v: string | number) => `${v}%`,
            font: { size: fontSize(o) - 1 },
          },
          grid: { color: '#e3e6ea' },
        },
        [horizontal ? 'y' : 'x']: {
          stacked,
          grid: { display: false },
          // Column labels are wrapped instead of slanted: slanted Kazakh is hard to read from the back of a hall.
          ticks: { font: { size: fontSize(o) }, autoSkip: false, maxRotation: 0 },
        },
      },
      plugins: {
        legend: {
          display: model.series.length > 1,
          position: 'bottom',
          labels: { boxWidth: 16, boxHeight: 16, font: { size: fontSize(o) } },
        },
        tooltip: {
          callbacks: {
            title: (items) => model.categories[items[0]?.dataIndex ?? 0]?.label ?? '',
            label: tooltipLabel,
          },
        },
        title: {
          display: Boolean(o.title),
          text: o.title ?? '',
          font: { size: 20, weight: 'bold' },
          align: 'start',
          padding: { bottom: 4 },
        },
        subtitle: {
          display: Boolean(o.subtitle),
          text: o.subtitle ?? '',
          font: { size: 15 },
          align: 'start',
          padding: { bottom: 14 },
        },
        valueLabels: { texts, size: fontSize(o), ...(stacked && { colours, inside: true }) },
        whiteBackground: {},
      },
    },
  };
}
