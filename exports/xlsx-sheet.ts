// One worksheet's XML, written as a byte stream row by row: inline strings (no shared-strings table to hold in
// memory), numbers as numbers, times as date serials, the header bold and frozen. Rows are pulled from the source
// as the zip reads, in ~64 KB chunks, so memory stays flat at any size. exceljs's object per cell cost ~10× more.
import { Readable } from 'node:stream';

/** How a column's cells are written: numbers (when the text is one), dates (ISO 8601 → serial), or text. */
export type CellKind = 'number' | 'date' | 'text';

export interface SheetSpec {
  header: readonly string[];
  kinds: readonly CellKind[];
  /** Column widths in characters. */
  widths: readonly number[];
  /** Rows of cell texts ('' = empty); an array may be reused by the source once the next row is asked for. */
  rows: Iterable<readonly string[]>;
}

/** Style indexes in styles.xml (xlsx-package.ts): 1 = date-time, 2 = bold header. */
export const DATE_STYLE = 1;
export const HEADER_STYLE = 2;

const PLAIN_NUMBER = /^-?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
/**
 * Markup characters, and characters XML 1.0 does not allow (control characters, which a form's text can hold only
 * by accident; they are left out: invisible in a cell, and a reader would refuse the whole file for one).
 * `_xHHHH_` in a text stays as written: exceljs and openpyxl show it verbatim, as the CSV does.
 */
// eslint-disable-next-line no-control-regex -- finding the control characters XML forbids is the point
const NEEDS_ESCAPE = /[&<>\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/;
// eslint-disable-next-line no-control-regex -- as above
const ESCAPES = /[&<>\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/g;
/** Excel's limit for one cell; a longer text would make it call the file damaged. */
const MAX_TEXT = 32_767;
const MS_PER_DAY = 86_400_000;
/** 1970-01-01 as an Excel serial day (the 1900 date system). */
const UNIX_EPOCH_SERIAL = 25_569;
const CHUNK = 64 * 1024;

function escapeText(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text.replace(ESCAPES, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : ''));
}

/** A text cell; spaces at either end and line breaks are kept only with xml:space="preserve". */
export function textCell(ref: string, text: string, style = ''): string {
  const t = escapeText(text.length > MAX_TEXT ? text.slice(0, MAX_TEXT) : text);
  const preserve = /^\s|\s$|\n/.test(t) ? ' xml:space="preserve"' : '';
  return `<c r="${ref}"${style} t="inlineStr"><is><t${preserve}>${t}</t></is></c>`;
}

function cellXml(ref: string, text: string, kind: CellKind): string {
  if (text === '') return '';
  if (kind === 'number' && PLAIN_NUMBER.test(text)) return `<c r="${ref}"><v>${text}</v></c>`;
  if (kind === 'date') {
    const ms = Date.parse(text);
    if (!Number.isNaN(ms))
      return `<c r="${ref}" s="${DATE_STYLE}"><v>${ms / MS_PER_DAY + UNIX_EPOCH_SERIAL}</v></c>`;
  }
  return textCell(ref, text);
}

/** A, B, …, Z, AA, …: the letters of column `index` (0-based). */
export function columnLetters(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

function sheetHead(spec: SheetSpec, letters: readonly string[]): string {
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

const SHEET_TAIL = '</sheetData></worksheet>';

class SheetStream extends Readable {
  private cursor: Iterator<readonly string[]> | undefined;
  private started = false;
  private row = 1;
  private readonly letters: string[];

  constructor(private readonly spec: SheetSpec) {
    super({ highWaterMark: CHUNK });
    this.letters = spec.header.map((_, i) => columnLetters(i));
  }

  override _read(): void {
    try {
      if (!this.started) {
        this.started = true;
        this.push(sheetHead(this.spec, this.letters));
        return;
      }
      this.cursor ??= this.spec.rows[Symbol.iterator]();
      const { kinds } = this.spec;
      const letters = this.letters;
      let xml = '';
      while (xml.length < CHUNK) {
        const next = this.cursor.next();
        if (next.done) {
          this.cursor = undefined;
          this.push(xml + SHEET_TAIL);
          this.push(null);
          return;
        }
        const cells = next.value;
        const r = String(++this.row);
        xml += `<row r="${r}">`;
        for (let i = 0; i < cells.length; i++) {
          const text = cells[i]!;
          if (text !== '') xml += cellXml(letters[i]! + r, text, kinds[i]!);
        }
        xml += '</row>';
      }
      this.push(xml);
    } catch (error) {
      this.destroy(error as Error);
    }
  }

  /** A client that went away: the source's statement is closed now, not by the garbage collector. */
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

/** The worksheet XML of `spec`, streamed. */
export function sheetStream(spec: SheetSpec): Readable {
  return new SheetStream(spec);
}
