// One worksheet's XML, written as a byte stream row by row: inline strings (no shared-strings table to hold in
// memory), numbers as numbers, times as date serials, the header bold and frozen. Rows are pulled from the source
// as the zip reads, in ~64 KB chunks, so memory stays flat at any size. exceljs's object per cell cost ~10× more.
import { Readable } from 'node:stream';
import { BatchCursor, type Batches } from './batches';
import { compileRowWriter, escapeText, needsPreserve, XmlBytes } from './xlsx-rows';

/**
 * How a column's cells are written: `count` cells are always digits (0/1 columns, ranks, versions, durations);
 * `number` cells are numbers when the text is one; dates (ISO 8601) become serial days; the rest is text.
 */
export type CellKind = 'count' | 'number' | 'date' | 'text';

export interface SheetSpec {
  header: readonly string[];
  kinds: readonly CellKind[];
  /** Column widths in characters. */
  widths: readonly number[];
  /**
   * Rows of cell texts ('' = empty) in batches (batches.ts); an array may be reused by the source once the next
   * row is asked for.
   */
  rows: Batches<readonly string[]>;
}

/** Style indexes in styles.xml (xlsx-package.ts): 1 = date-time, 2 = bold header. */
export const DATE_STYLE = 1;
export const HEADER_STYLE = 2;

const CHUNK = 64 * 1024;

/** A text cell as a string (the header row). */
export function textCell(ref: string, text: string, style = ''): string {
  const t = escapeText(text);
  const preserve = needsPreserve(t) ? ' xml:space="preserve"' : '';
  return `<c r="${ref}"${style} t="inlineStr"><is><t${preserve}>${t}</t></is></c>`;
}

/** A, B, …, Z, AA, …: the letters of column `index` (0-based). */
export function columnLetters(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** The sheet's XML up to and including the header row (its rows follow, then SHEET_TAIL). */
export function sheetHead(
  spec: Omit<SheetSpec, 'rows'>,
  letters: readonly string[] = spec.header.map((_, i) => columnLetters(i)),
): string {
  const cols = spec.widths
    .map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`)
    .join('');
  const header = spec.header.map((name, i) => textCell(`${letters[i]!}1`, name, ` s="${HEADER_STYLE}"`));
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
    '<sheetViews><sheetView workbookViewId="0">' +
    '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>' +
    '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>' +
    `<sheetFormatPr defaultRowHeight="15"/>${cols ? `<cols>${cols}</cols>` : ''}<sheetData>` +
    `<row r="1">${header.join('')}</row>`
  );
}

export const SHEET_TAIL = '</sheetData></worksheet>';

class SheetStream extends Readable {
  private cursor: BatchCursor<readonly string[]> | undefined;
  private started = false;
  /** A chunk is being made (it may wait for the next batch): Node asks for no more until it is pushed. */
  private busy = false;
  private row = 1;
  private readonly letters: string[];
  private readonly bytes = new XmlBytes(CHUNK + 16 * 1024);
  private readonly writeRow: ReturnType<typeof compileRowWriter>;

  constructor(private readonly spec: SheetSpec) {
    super({ highWaterMark: CHUNK });
    this.letters = spec.header.map((_, i) => columnLetters(i));
    this.writeRow = compileRowWriter(spec.kinds, this.letters, DATE_STYLE);
  }

  override _read(): void {
    if (!this.started) {
      this.started = true;
      this.push(sheetHead(this.spec, this.letters));
      return;
    }
    if (this.busy) return;
    this.busy = true;
    this.cursor ??= new BatchCursor(this.spec.rows);
    this.pushChunk(this.cursor).catch((error: unknown) => this.destroy(error as Error));
  }

  /** About CHUNK of rows; only a new batch is awaited. */
  private async pushChunk(cursor: BatchCursor<readonly string[]>): Promise<void> {
    const bytes = this.bytes;
    while (bytes.length < CHUNK) {
      const row = cursor.take();
      if (row !== undefined) {
        this.writeRow(bytes, row, String(++this.row));
        continue;
      }
      if (await cursor.refill()) continue;
      if (this.destroyed) return;
      this.cursor = undefined;
      this.busy = false;
      bytes.ensure(SHEET_TAIL.length);
      bytes.ascii(SHEET_TAIL);
      this.push(bytes.take());
      this.push(null);
      return;
    }
    if (this.destroyed) return;
    // Cleared before the push: pushing may ask for the next chunk at once.
    this.busy = false;
    this.push(bytes.take());
  }

  /** A client that went away: the source's statement is closed now, not by the garbage collector. */
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

/** The worksheet XML of `spec`, streamed. */
export function sheetStream(spec: SheetSpec): Readable {
  return new SheetStream(spec);
}
