// A chart in a card: title and n above it, notes, the canvas, PNG and CSV downloads, and the numbers as a table.
// The dashboard gives it a question (question-card.tsx); the region comparison gives it regions as categories.
import { startTransition, useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Locale } from '../lib/locale';
import { ScrollBox } from '../lib/scroll-box';
import { BarChart } from './chart';
import type { Table } from './chart-table';
import { csvDocument } from './csv';
import { fileName, saveAs, saveText } from './download';
import { chartPng } from './png';
import { chartHeight, questionConfig } from './question-config';
import type { ChartModel } from './question-model';
import { CHART_STRINGS } from './strings';
import './charts.css';

export interface ChartCardProps {
  title: string;
  /** The n line ("n = 604 answered (asked: 740)"), under the title here and in the PNG. */
  nLine: string;
  notes?: readonly string[];
  model: ChartModel;
  /** The chart's numbers: header row first. The CSV is this table; the page shows it without its first column. */
  table: Table;
  locale: Locale;
  /** The small-cell threshold the server applied. */
  k: number;
  /** File name parts (`roadmap-needs`, `top_needs`, `KZ-10`). */
  fileParts: readonly string[];
  /** The filter in words, written under the title in the PNG. */
  context: readonly string[];
  /** Stable hook for tests and styles: the question's name. */
  name: string;
  /** Shown instead of a chart when the model has none (free text). */
  children?: ReactNode;
  /** Full width of the grid (matrices, 20 regions). */
  wide?: boolean;
}

/** The card's width, followed as the window changes: narrow cards wrap labels sooner. null until measured. */
function useWidth() {
  const ref = useRef<HTMLElement>(null);
  const [width, setWidth] = useState<number | null>(null);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    // No clientWidth read in a layout effect: with ~30 cards mounting at once it forced a layout of the page inside
    // React's commit, and its setState re-rendered every card synchronously in the same task (issue 13: 300-600 ms).
    // The observer reports the first size after the browser's own layout; the charts are drawn later still (chart.tsx).
    const observer = new ResizeObserver(([entry]) => {
      if (entry) startTransition(() => setWidth(Math.round(entry.contentRect.width)));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width] as const;
}

export function ChartCard(props: ChartCardProps) {
  const {
    title,
    nLine,
    notes = [],
    model,
    table,
    locale,
    k,
    fileParts,
    context,
    name,
    children,
    wide,
  } = props;
  const t = CHART_STRINGS[locale];
  const id = useId();
  const [ref, measured] = useWidth();
  const width = measured ?? 600;
  // Chart.js gives the label axis at most half the plot's width, and bars keep ~100 px on the right for their value
  // labels: wrap so a label fits that half, at ~8.5 px a character at 14 px (7.3 at a phone's 12 px), 10–40 wide.
  const compact = width < 480;
  const room = (width - (model.layout === 'bars' ? (compact ? 88 : 104) : 8)) / 2 - 12;
  // A matrix on a phone keeps its bars wide and lets the row names run over more lines.
  const wrap =
    compact && model.layout === 'stacked'
      ? 11
      : Math.max(10, Math.min(40, Math.floor(room / (compact ? 7.3 : 8.5))));
  const options = useMemo(() => ({ locale, k, wrap, compact }), [locale, k, wrap, compact]);
  const config = useMemo(() => questionConfig(model, options), [model, options]);
  const drawn = model.layout !== 'none';

  const png = () =>
    saveAs(chartPng(model, { locale, k }, title, [nLine, ...notes, ...context]), fileName(fileParts, 'png'));
  const csv = () => saveText(csvDocument(table), fileName(fileParts, 'csv'), 'text/csv;charset=utf-8');
  const [header = [], ...rows] = table;
  const shown = (cell: string | number | null) =>
    cell === null
      ? ''
      : typeof cell !== 'number'
        ? cell
        : Number.isInteger(cell)
          ? t.number(cell)
          : t.decimal(cell);

  return (
    <article
      ref={ref}
      className={`chart-card layout-${model.layout}${wide ? ' wide' : ''}`}
      aria-labelledby={id}
      data-question={name}
    >
      <h3 id={id}>{title}</h3>
      <p className="chart-n">{nLine}</p>
      {notes.map((note) => (
        <p key={note} className="chart-note">
          {note}
        </p>
      ))}
      {drawn ? (
        <BarChart
          config={config}
          height={chartHeight(model, options)}
          label={`${title}. ${nLine}`}
          // Drawn once its labels are wrapped for the card's real width: not drawn twice.
          ready={measured !== null}
        />
      ) : (
        children
      )}
      <div className="chart-actions">
        {drawn && (
          <button type="button" onClick={png} title={t.pngLabel(title)}>
            {t.png}
          </button>
        )}
        <button type="button" onClick={csv} title={t.csvLabel(title)}>
          {t.csv}
        </button>
      </div>
      {drawn && (
        <details className="chart-table">
          <summary>{t.table}</summary>
          <ScrollBox locale={locale} label={`${t.table}: ${title}`}>
            <table>
              <thead>
                <tr>
                  {header.slice(1).map((h, j) => (
                    <th key={j}>{h}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((row, i) => (
                  <tr key={i}>
                    {row.slice(1).map((cell, j) => (
                      <td key={j}>{shown(cell)}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollBox>
        </details>
      )}
    </article>
  );
}
