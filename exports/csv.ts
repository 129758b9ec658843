// CSV as analysts open it: UTF-8 with a byte-order mark, RFC 4180 quoting, CRLF line ends, one header row, and
// the formula-injection defence. Streamed in ~64 KB chunks pulled on demand, so memory stays flat at any size.
import { Readable } from 'node:stream';
import type { ExportRow } from '../server/store';
import type { ExportPlan } from './columns';
import { compileRows, type LabelMode } from './rows';

/** Excel guesses the encoding of a CSV without it (and shows Cyrillic as mojibake); R, Python and SPSS skip it. */
export const BOM = '\uFEFF';
/** RFC 4180's line end; Excel, R, pandas and Python's csv module all read it, and it survives Windows tools. */
export const EOL = '\r\n';

const NEEDS_QUOTES = /[",\r\n]/;
const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
/** Characters that make a spreadsheet read a cell as a formula (and their full-width forms, which Numbers folds). */
const FORMULA_START = new Set(['=', '+', '-', '@', '\t', '\r', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20']);

/**
 * One cell: a text starting like a formula gets a leading `'` (unless it is a plain number such as -5 or +7), so
 * Excel shows it instead of running it; the stored answer stays verbatim. Then RFC 4180 quoting: cells with `"`,
 * `,`, CR or LF are quoted, inner quotes doubled.
 */
export function csvCell(text: string): string {
  if (text === '') return text;
  if (FORMULA_START.has(text[0]!) && !PLAIN_NUMBER.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Cells already passed through csvCell → one record. */
export function csvLine(cells: readonly string[]): string {
  return cells.join(',') + EOL;
}

/** A small CSV held in memory (the data dictionary): BOM, then each row's cells through csvCell. */
export function csvDocument(rows: readonly (readonly string[])[]): string {
  return BOM + rows.map((row) => csvLine(row.map(csvCell))).join('');
}

export interface CsvStreamOptions {
  labels: LabelMode;
  /** Called after each chunk with the rows written so far (the CLI's progress bar). */
  onProgress?: (rows: number) => void;
}

/** Characters per chunk: big enough that per-chunk costs vanish, small enough that a chunk takes ~1 ms to build. */
const CHUNK = 64 * 1024;

class CsvStream extends Readable {
  private cursor: Iterator<ExportRow | Buffer> | undefined;
  private headerSent = false;
  private count = 0;

  constructor(
    private readonly header: string,
    private readonly build: (row: ExportRow) => string[],
    private readonly source: Iterable<ExportRow | Buffer>,
    private readonly onProgress: ((rows: number) => void) | undefined,
  ) {
    super({ highWaterMark: CHUNK });
  }

  get rows(): number {
    return this.count;
  }

  override _read(): void {
    // The header goes out alone, before the query runs: the download starts at once even if sorting takes a while.
    if (!this.headerSent) {
      this.headerSent = true;
      this.push(this.header);
      return;
    }
    try {
      this.cursor ??= this.source[Symbol.iterator]();
      this.pushChunk(this.cursor);
    } catch (error) {
      this.destroy(error as Error);
    }
  }

  /**
   * Pushes about CHUNK of rows. A row that carries its stored line (export-lines.ts) is copied as it is; the
   * others are built here. Text goes out as text, lines as bytes: a chunk of both is concatenated once as bytes.
   */
  private pushChunk(cursor: Iterator<ExportRow | Buffer>): void {
    let text = '';
    let parts: Buffer[] | undefined;
    let size = 0;
    while (size + text.length < CHUNK) {
      const next = cursor.next();
      if (next.done) {
        this.cursor = undefined;
        this.pushText(text, parts);
        this.onProgress?.(this.count);
        this.push(null);
        return;
      }
      const row = next.value;
      if (Buffer.isBuffer(row)) {
        if (text !== '') {
          (parts ??= []).push(Buffer.from(text));
          text = '';
        }
        (parts ??= []).push(row);
        size += row.length;
      } else text += csvLine(this.build(row));
      this.count += 1;
    }
    this.pushText(text, parts);
    this.onProgress?.(this.count);
  }

  private pushText(text: string, parts: Buffer[] | undefined): void {
    if (!parts) {
      if (text !== '') this.push(text);
      return;
    }
    if (text !== '') parts.push(Buffer.from(text));
    this.push(parts.length === 1 ? parts[0] : Buffer.concat(parts));
  }

  /** A client that went away, or an error: the statement is closed now, not when the garbage collector runs. */
  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    const cursor = this.cursor;
    this.cursor = undefined;
    try {
      cursor?.return?.();
    } finally {
      callback(error);
    }
  }
}

/**
 * The rows of `source` as a CSV byte stream by `plan`; a Buffer in the source is a row's stored line, copied as it
 * is. The query starts on the first read after the header.
 */
export function csvStream(
  plan: ExportPlan,
  source: Iterable<ExportRow | Buffer>,
  options: CsvStreamOptions,
): Readable & { readonly rows: number } {
  const header = BOM + csvLine(plan.columns.map((c) => csvCell(c.name)));
  const build = compileRows(plan, { labels: options.labels, encode: csvCell });
  return new CsvStream(header, build, source, options.onProgress);
}
