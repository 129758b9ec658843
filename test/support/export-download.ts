// Downloads an export as a signed-in user and reads it the way an analyst's tools do: csv-parse for CSV, yauzl for
// the zip; plus the expected cell of a posted answer, written from the column rules rather than from the code.
import { parse } from 'csv-parse/sync';
import { crc32 } from 'node:zlib';
import yauzl from 'yauzl';
import { fetchAs } from './auth';
import type { Posted } from './export-fixtures';

export interface Table {
  header: string[];
  rows: Record<string, string>[];
}

/** RFC 4180 with the BOM taken off; every record must have as many cells as the header (csv-parse checks it). */
export function parseCsv(bytes: Buffer): Table {
  const records = parse(bytes, { bom: true, relax_column_count: false }) as string[][];
  const [header = [], ...data] = records;
  return { header, rows: data.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? '']))) };
}

export async function download(
  url: string,
  cookie: string,
  path: string,
): Promise<{ status: number; headers: Headers; body: Buffer }> {
  const res = await fetchAs(url, cookie, path);
  return { status: res.status, headers: res.headers, body: Buffer.from(await res.arrayBuffer()) };
}

/** name → content of every entry of a zip held in memory; an entry whose CRC-32 is wrong fails, as in unzip. */
export function unzip(bytes: Buffer): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true }, (error, zip) => {
      if (error) return reject(error);
      const files = new Map<string, Buffer>();
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (e, stream) => {
          if (e) return reject(e);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            const content = Buffer.concat(chunks);
            if (crc32(content) !== entry.crc32)
              return reject(new Error(`${entry.fileName}: CRC-32 does not match its content`));
            files.set(entry.fileName, content);
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(files));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

/** What a spreadsheet must show for a stored text: formula-like texts get a leading ', plain numbers do not. */
export function shownText(text: string): string {
  const formula =
    /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/.test(text) &&
    !/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(text);
  return formula ? `'${text}` : text;
}

/**
 * The cells one posted answer must produce with labels=values and choices=columns: `q` for one value, `q/<code>`
 * = 1 per chosen checkbox code, `q/<code>` = rank for a ranking, `q/<row>` per matrix row, `q/other` for the text.
 */
export function expectedCells(posted: Posted, rankings: ReadonlySet<string>): Record<string, string> {
  const cells: Record<string, string> = {};
  for (const [key, value] of Object.entries(posted.data)) {
    if (key === 'region') continue;
    if (key.endsWith('-Comment'))
      cells[`${key.slice(0, -'-Comment'.length)}/other`] = shownText(String(value));
    else if (Array.isArray(value))
      value.forEach((code: string, i) => {
        if (code !== 'other') cells[`${key}/${code}`] = rankings.has(key) ? String(i + 1) : '1';
      });
    else if (typeof value === 'object' && value !== null)
      for (const [row, column] of Object.entries(value)) cells[`${key}/${row}`] = String(column);
    else cells[key] = typeof value === 'string' ? shownText(value) : String(value);
  }
  return cells;
}
