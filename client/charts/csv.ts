// A chart's numbers as a CSV file made in the browser, by the same rules as the server's exports (BOM, CRLF,
// RFC 4180 quoting, formula guard), so Excel opens Kazakh and Russian labels right and never runs a cell.

// The rule is copied from exports/csv.ts (csvCell): the client may not import server code at run time, and
// pulling the export module into the bundle would drag Node streams along. Keep the two in step.
const BOM = '\uFEFF';
const EOL = '\r\n';
const NEEDS_QUOTES = /[",\r\n]/;
const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const FORMULA_START = new Set(['=', '+', '-', '@', '\t', '\r', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20']);

/** One cell: a formula-like text gets a leading `'` (plain numbers such as -5 stay), then RFC 4180 quoting. */
export function csvCell(value: string | number | null): string {
  let text = value === null ? '' : String(value);
  if (text === '') return text;
  if (FORMULA_START.has(text[0]!) && !PLAIN_NUMBER.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A whole document: BOM, then one CRLF-ended record per row. */
export function csvDocument(rows: readonly (readonly (string | number | null)[])[]): string {
  return BOM + rows.map((row) => row.map(csvCell).join(',') + EOL).join('');
}
