// One table of the brief: a label per row (in the reader's language) and figure columns, the first with a CSS bar.
// Plain HTML so that it prints crisply and breaks across pages between rows, never through one.
import type { Count, Labels } from '../../../server/http/contract/aggregates';
import { localized, type Locale } from '../../lib/locale';
import { countText } from '../coverage/format';
import { ReportTable, type Column as ReportColumn } from '../coverage/report-table';
import { ShareBar } from '../coverage/share-bar';
import { figureText, type Figure } from './figures';

/** A figure column: a share drawn as text and, with `bar`, as a bar beside it; or ready text (a mean, a count). */
export type Column<Row> =
  | { head: string; value: (row: Row) => Figure; bar: true }
  | { head: string; value: (row: Row) => Figure | string; bar?: false };

interface Props<Row> {
  caption: string;
  labelHead: string;
  rows: readonly Row[];
  columns: readonly Column<Row>[];
  k: number;
  locale: Locale;
  /** The line under the table: who the shares are of. */
  note?: string;
  /** Head of the per-row base column, shown when the rows carry their own n (matrix rows). */
  nHead?: string;
}

export function BriefTable<Row extends { code: string; label: Labels; n?: Count }>({
  caption,
  labelHead,
  rows,
  columns,
  k,
  locale,
  note,
  nHead,
}: Props<Row>) {
  const figureColumn = (c: Column<Row>): ReportColumn<Row> =>
    c.bar
      ? {
          head: c.head,
          className: 'share',
          cell: (row) => <ShareCell figure={c.value(row)} k={k} locale={locale} />,
        }
      : {
          head: c.head,
          className: 'num',
          cell: (row) => {
            const value = c.value(row);
            return typeof value === 'string' ? value : figureText(value, k, locale);
          },
        };
  return (
    <figure className="brief-table">
      <ReportTable
        locale={locale}
        className={columns.length > 1 ? 'report-table several' : 'report-table'}
        caption={caption}
        columns={[
          { head: labelHead, rowHeader: true, cell: (row) => localized(row.label, locale) },
          ...(nHead !== undefined && rows.some((row) => row.n)
            ? [{ head: nHead, className: 'num row-n', cell: (row: Row) => countText(row.n, k, locale) }]
            : []),
          ...columns.map(figureColumn),
        ]}
        rows={rows}
        rowKey={(row) => row.code}
      />
      {note && <figcaption className="brief-note">{note}</figcaption>}
    </figure>
  );
}

/** The figure and its bar share one cell, so the column head sits over both on any width. */
function ShareCell({ figure, k, locale }: { figure: Figure; k: number; locale: Locale }) {
  return (
    <span className="share-cell">
      <span className="share-figure">{figureText(figure, k, locale)}</span>
      <ShareBar
        percent={figure.kind === 'hidden' ? null : figure.percent}
        atLeast={figure.kind === 'atLeast'}
      />
    </span>
  );
}
