// CSV as analysts open it: UTF-8 with a byte-order mark, RFC 4180 quoting, CRLF line ends, one header row, and
// the formula-injection defence. Streamed in ~64 KB chunks pulled on demand, so memory stays flat at any size.
import { Readable } from 'node:stream';
import type { ExportRow, StoredLineRow } from '../server/store';
import { BatchCursor, type Batches } from './batches';
import { codeCellsTail } from './code-columns';
import { FAST_TAIL, fastCell, flaggedCells } from './quality-columns';
import type { ExportPlan } from './columns';
import { compileRows, type LabelMode, type RowOptions } from './rows';

/** Excel guesses the encoding of a CSV without it (and shows Cyrillic as mojibake); R, Python and SPSS skip it. */
export const BOM = '\uFEFF';
/** RFC 4180's line end; Excel, R, pandas and Python's csv module all read it, and it survives Windows tools. */
export const EOL = '\r\n';

const NEEDS_QUOTES = /[",\r\n]/;
const NEEDS_QUOTES_SEMICOLON = /[",;\r\n]/;
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

/** csvCell for the `;`-separated dialect: the same, and a `;` inside a cell is quoted too. */
function csvCellSemicolon(text: string): string {
  if (text === '') return text;
  if (FORMULA_START.has(text[0]!) && !PLAIN_NUMBER.test(text)) text = `'${text}`;
  return NEEDS_QUOTES_SEMICOLON.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** `comma`: RFC 4180 as it is; `semicolon`: what Excel set to Russian or Kazakh opens by a double-click. */
export type Separator = 'comma' | 'semicolon';

/** `keep`: texts as stored; `space`: each line break inside a cell becomes one space (one record per line). */
export type Newlines = 'keep' | 'space';

/** How cells are written and separated: the one thing the two CSV variants differ in. */
export interface CsvDialect {
  sep: Separator;
  /** Line breaks inside cells written as spaces: for SPSS and PSPP, whose CSV import ends a case at any line end. */
  oneLine?: boolean;
  /** Quoting and the formula defence for a text cell. */
  cell: (text: string) => string;
  /** A number as the spreadsheet's locale reads it. */
  number: (n: number) => string;
  /** Cells already passed through `cell` → one record, line end included. */
  line: (cells: readonly string[]) => string;
}

export const COMMA_DIALECT: CsvDialect = {
  sep: 'comma',
  cell: csvCell,
  number: String,
  line: (cells) => cells.join(',') + EOL,
};

/**
 * For spreadsheets set to a comma-decimal locale (Russian, Kazakh): `;` between cells and a decimal comma
 * (3,5), which is how such an Excel reads a number; with a decimal point it would take 3.5 for a date.
 */
export const SEMICOLON_DIALECT: CsvDialect = {
  sep: 'semicolon',
  cell: csvCellSemicolon,
  number: (n) => String(n).replace('.', ','),
  line: (cells) => cells.join(';') + EOL,
};

const LINE_BREAKS = /\r\n?|\n/g;

/** A dialect that writes each record on one physical line: a line break inside a text becomes a space. */
function oneLine(dialect: CsvDialect): CsvDialect {
  const cell = dialect.cell;
  return { ...dialect, oneLine: true, cell: (text) => cell(text.replace(LINE_BREAKS, ' ')) };
}
const COMMA_ONE_LINE = oneLine(COMMA_DIALECT);
const SEMICOLON_ONE_LINE = oneLine(SEMICOLON_DIALECT);

export const csvDialect = (sep: Separator, newlines: Newlines = 'keep'): CsvDialect =>
  newlines === 'space'
    ? sep === 'semicolon'
      ? SEMICOLON_ONE_LINE
      : COMMA_ONE_LINE
    : sep === 'semicolon'
      ? SEMICOLON_DIALECT
      : COMMA_DIALECT;

/** Cells already passed through csvCell → one record. */
export function csvLine(cells: readonly string[]): string {
  return cells.join(',') + EOL;
}

/** A small CSV held in memory (the data dictionary): BOM, then each row's cells through csvCell. */
export function csvDocument(
  rows: readonly (readonly string[])[],
  dialect: CsvDialect = COMMA_DIALECT,
): string {
  return BOM + rows.map((row) => dialect.line(row.map(dialect.cell))).join('');
}

export interface CsvStreamOptions {
  labels: LabelMode;
  /** The comma dialect when absent. */
  dialect?: CsvDialect;
  /** Version → seconds under which a response is very fast (quality-columns.ts). */
  fastBelow?: ReadonlyMap<number, number>;
  /** Leave out responses with any quality flag. */
  excludeFlagged?: boolean;
  /** Called after each chunk with the rows written so far (the CLI's progress bar). */
  onProgress?: (rows: number) => void;
}

/** The row options that write a dialect's cells. */
export function csvRowOptions(labels: LabelMode, dialect: CsvDialect): RowOptions {
  return { labels, encode: dialect.cell, number: dialect.number };
}

/** Characters per chunk: big enough that per-chunk costs vanish, small enough that a chunk takes ~1 ms to build. */
const CHUNK = 64 * 1024;

/** A row from the reader: its stored line with what the export adds to it, or the response to build it from. */
type SourceRow = ExportRow | StoredLineRow;

class CsvStream extends Readable {
  private cursor: BatchCursor<SourceRow> | undefined;
  private headerSent = false;
  private count = 0;
  /** A chunk is being made (it may wait for the next batch): Node asks for no more until it is pushed. */
  private busy = false;

  constructor(
    private readonly header: string,
    /** The row's line, or null for a row the export leaves out. */
    private readonly build: (row: ExportRow) => string | null,
    private readonly source: Batches<SourceRow>,
    private readonly onProgress: ((rows: number) => void) | undefined,
    private readonly fastBelow: ReadonlyMap<number, number> | undefined,
    private readonly excludeFlagged: boolean,
    /** The code cells after a stored line's `flag_fast` (code-columns.ts), when the plan has code columns. */
    private readonly codeTail: ((codes: string | undefined) => string) | undefined,
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
    if (this.busy) return;
    this.busy = true;
    this.cursor ??= new BatchCursor(this.source);
    this.pushChunk(this.cursor).catch((error: unknown) =>
      // A consumer that has gone (a download cut off, its pipeline settled) no longer listens: its reader is closed
      // and refuses, which is no error to raise where nobody hears it (it would be an uncaught exception).
      this.destroy(this.listenerCount('error') > 0 ? (error as Error) : undefined),
    );
  }

  /**
   * Pushes about CHUNK of rows. A row that carries its stored line (export-lines.ts) is copied as it is; the
   * others are built here. Text goes out as text, lines as bytes: a chunk of both is concatenated once as bytes.
   * Only a new batch is awaited; the rows of the batch in hand are taken synchronously.
   */
  private async pushChunk(cursor: BatchCursor<SourceRow>): Promise<void> {
    let text = '';
    let parts: Buffer[] | undefined;
    let size = 0;
    while (size + text.length < CHUNK) {
      const row = cursor.take();
      if (row === undefined) {
        if (await cursor.refill()) continue;
        if (this.destroyed) return;
        this.cursor = undefined;
        this.busy = false;
        this.pushText(text, parts);
        this.onProgress?.(this.count);
        this.push(null);
        return;
      }
      if (Buffer.isBuffer(row[0])) {
        const [line, version, duration, flags, codes] = row as StoredLineRow;
        const fast = fastCell(duration, version, this.fastBelow);
        if (this.excludeFlagged && (flags !== 0 || fast === '1')) continue;
        if (text !== '') {
          (parts ??= []).push(Buffer.from(text));
          text = '';
        }
        // The stored line ends before `flag_fast`: a shared tail adds it and the line end, or with code columns
        // the cell, the codes' cells and the line end are written as text.
        if (this.codeTail) {
          (parts ??= []).push(line);
          text += `,${fast}${this.codeTail(codes)}\r\n`;
        } else (parts ??= []).push(line, FAST_TAIL[fast]);
        size += line.length + 4;
      } else {
        const built = this.build(row as ExportRow);
        if (built === null) continue;
        text += built;
      }
      this.count += 1;
    }
    if (this.destroyed) return;
    // Cleared before the push: pushing may ask for the next chunk at once.
    this.busy = false;
    if (!this.pushText(text, parts)) this.push('');
    this.onProgress?.(this.count);
  }

  /** Pushes what the chunk holds; false when it held nothing. */
  private pushText(text: string, parts: Buffer[] | undefined): boolean {
    if (!parts) {
      if (text === '') return false;
      this.push(text);
      return true;
    }
    if (text !== '') parts.push(Buffer.from(text));
    this.push(parts.length === 1 ? parts[0] : Buffer.concat(parts));
    return true;
  }

  /** A client that went away, or an error: the statement is closed now, not when the garbage collector runs. */
  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    const cursor = this.cursor;
    this.cursor = undefined;
    try {
      cursor?.close();
    } finally {
      callback(error);
    }
  }
}

/**
 * The rows of `source` as a CSV byte stream by `plan`; a stored line in the source is copied as it is, with its
 * `flag_fast` cell added. The query starts on the first read after the header.
 */
export function csvStream(
  plan: ExportPlan,
  source: Batches<SourceRow>,
  options: CsvStreamOptions,
): Readable & { readonly rows: number } {
  const dialect = options.dialect ?? COMMA_DIALECT;
  const header = BOM + dialect.line(plan.columns.map((c) => dialect.cell(c.name)));
  const build = csvLineBuilder(plan, options);
  const { onProgress, fastBelow, excludeFlagged = false } = options;
  return new CsvStream(header, build, source, onProgress, fastBelow, excludeFlagged, codeCellsTail(plan));
}

/** Row → its CSV line in the options' dialect, or null when it is flagged and flagged rows are left out. */
export function csvLineBuilder(
  plan: ExportPlan,
  options: Pick<CsvStreamOptions, 'labels' | 'dialect' | 'fastBelow' | 'excludeFlagged'>,
): (row: ExportRow) => string | null {
  const dialect = options.dialect ?? COMMA_DIALECT;
  const cells = compileRows(plan, {
    ...csvRowOptions(options.labels, dialect),
    ...(options.fastBelow && { fastBelow: options.fastBelow }),
  });
  if (!options.excludeFlagged) return (row) => dialect.line(cells(row));
  const flagged = flaggedCells(plan);
  return (row) => {
    const out = cells(row);
    return flagged(out) ? null : dialect.line(out);
  };
}
