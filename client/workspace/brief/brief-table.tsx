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
      <table className={columns.length > 1 ? 'report-table several' : 'report-table'}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{labelHead}</th>
            {columns.map((c) => (
              <th key={c.head} scope="col" className={c.bar ? 'num with-bar' : 'num'} colSpan={c.bar ? 2 : 1}>
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
                const cells = [
                  <td key="n" className="num">
                    {text}
                  </td>,
                ];
                if (c.bar && typeof value !== 'string')
                  cells.push(
                    <td key="bar" className="bar-cell">
                      <ShareBar percent={value.kind === 'hidden' ? null : value.percent} atLeast={value.kind === 'atLeast'} />
                    </td>,
                  );
                return cells;
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {note && <figcaption className="brief-note">{note}</figcaption>}
    </figure>
  );
}
