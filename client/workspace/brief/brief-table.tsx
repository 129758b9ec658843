// One table of the brief: a label per row (in the reader's language) and figure columns, the first with a CSS bar.
// Plain HTML so that it prints crisply and breaks across pages between rows, never through one.
import type { Labels } from '../../../exports/aggregates/types';
import { localized, type Locale } from '../../lib/locale';
import { ShareBar } from '../coverage/share-bar';
import { figureText, type Figure } from './figures';

export interface Column<Row> {
  head: string;
  /** A share (drawn as text, and as a bar when `bar`), or ready text (a mean, a count). */
  value: (row: Row) => Figure | string;
  bar?: boolean;
}

interface Props<Row> {
  caption: string;
  labelHead: string;
  rows: readonly Row[];
  columns: readonly Column<Row>[];
  k: number;
  locale: Locale;
  /** The line under the table: who the shares are of. */
  note?: string;
}

export function BriefTable<Row extends { code: string; label: Labels }>({
  caption,
  labelHead,
  rows,
  columns,
  k,
  locale,
  note,
}: Props<Row>) {
  return (
    <figure className="brief-table">
      <div className="table-wrap">
        <table className={columns.length > 1 ? 'report-table several' : 'report-table'}>
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{labelHead}</th>
              {columns.map((c) => (
                <th key={c.head} scope="col" className={c.bar ? 'share' : 'num'}>
                  {c.head}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.code}>
                <th scope="row">{localized(row.label, locale)}</th>
                {columns.map((c) => {
                  const value = c.value(row);
                  const text = typeof value === 'string' ? value : figureText(value, k, locale);
                  if (!c.bar || typeof value === 'string')
                    return (
                      <td key={c.head} className="num">
                        {text}
                      </td>
                    );
                  // The figure and its bar share one cell, so the column head sits over both on any width.
                  return (
                    <td key={c.head} className="share">
                      <span className="share-cell">
                        <span className="share-figure">{text}</span>
                        <ShareBar
                          percent={value.kind === 'hidden' ? null : value.percent}
                          atLeast={value.kind === 'atLeast'}
                        />
                      </span>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {note && <figcaption className="brief-note">{note}</figcaption>}
    </figure>
  );
}
