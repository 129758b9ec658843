// The plain tables of coverage and the brief (report.css): an optional caption, one head per column, one row per
// item, the column that names the row as its row header. Plain HTML, so they print crisply and read well aloud.
import type { ReactNode } from 'react';
import type { Locale } from '../../lib/locale';
import { ScrollBox } from '../../lib/scroll-box';

export interface Column<Row> {
  head: ReactNode;
  cell: (row: Row) => ReactNode;
  /** The class of its head and cells: `num` for figures, `bar-cell` for a share bar. */
  className?: string;
  /** A class for its cells alone (a date that must not wrap). */
  cellClassName?: string;
  /** This column names the row: its cells are <th scope="row">. */
  rowHeader?: boolean;
}

interface Props<Row> {
  /** The language of the scroll hint a table wider than its page shows. */
  locale: Locale;
  /** `report-table` and any modifier (the brief's `several` figure columns). */
  className?: string;
  caption?: string;
  columns: readonly Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  rowClassName?: (row: Row) => string | undefined;
  /** Under the table, inside its scrolling frame (a note on whom the shares are of). */
  children?: ReactNode;
}

export function ReportTable<Row>({
  locale,
  className = 'report-table',
  caption,
  columns,
  rows,
  rowKey,
  rowClassName,
  children,
}: Props<Row>) {
  return (
    <ScrollBox locale={locale} label={caption}>
      <table className={className}>
        {caption && <caption>{caption}</caption>}
        <thead>
          <tr>
            {columns.map((c, i) => (
              <th key={i} scope="col" className={c.className}>
                {c.head}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)} className={rowClassName?.(row)}>
              {columns.map((c, i) => {
                const Cell = c.rowHeader ? 'th' : 'td';
                return (
                  <Cell
                    key={i}
                    scope={c.rowHeader ? 'row' : undefined}
                    className={c.cellClassName ?? c.className}
                  >
                    {c.cell(row)}
                  </Cell>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {children}
    </ScrollBox>
  );
}
