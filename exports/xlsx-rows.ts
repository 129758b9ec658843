// A worksheet's rows written straight into bytes: the tags and cell references are ASCII, copied byte by byte, and
// only texts go through the UTF-8 encoder. Building each row as a JavaScript string and encoding it afterwards took
// about twice the CPU at 100k rows × 178 columns, most cells being a 0 or a 1.
import type { CellKind } from './xlsx-sheet';

const PLAIN_NUMBER = /^-?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
// eslint-disable-next-line no-control-regex -- finding the control characters XML forbids is the point
const NEEDS_ESCAPE = /[&<>\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/;
// eslint-disable-next-line no-control-regex -- as above
const ESCAPES = /[&<>\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/g;
/** Excel's limit for one cell; a longer text would make it call the file damaged. */
const MAX_TEXT = 32_767;
const MS_PER_DAY = 86_400_000;
/** 1970-01-01 as an Excel serial day (the 1900 date system). */
const UNIX_EPOCH_SERIAL = 25_569;

/**
 * Markup characters escaped; characters XML 1.0 does not allow (control characters, which a form's text can hold
 * only by accident) left out: invisible in a cell, and a reader would refuse the whole file for one. `_xHHHH_` in a
 * text stays as written: exceljs and openpyxl show it verbatim, as the CSV does.
 */
export function escapeText(text: string): string {
  if (text.length > MAX_TEXT) text = text.slice(0, MAX_TEXT);
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text.replace(ESCAPES, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : ''));
}

/** Spaces at either end and line breaks are kept only with xml:space="preserve". */
export const needsPreserve = (escaped: string) => /^\s|\s$|\n/.test(escaped);

/** A growing byte buffer handed out in chunks. */
export class XmlBytes {
  private buf: Buffer;
  private o = 0;

  constructor(private readonly size: number) {
    this.buf = Buffer.allocUnsafe(size);
  }

  get length(): number {
    return this.o;
  }

  /** Room for `n` more bytes: a bigger buffer (the bytes so far copied) when this one is short. */
  ensure(n: number): void {
    if (this.o + n <= this.buf.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.o + n));
    this.buf.copy(bigger, 0, 0, this.o);
    this.buf = bigger;
  }

  /** An ASCII string (tags, digits): one byte per character. */
  ascii(s: string): void {
    const b = this.buf;
    let o = this.o;
    for (let i = 0; i < s.length; i++) b[o++] = s.charCodeAt(i);
    this.o = o;
  }

  bytes(src: Uint8Array): void {
    const b = this.buf;
    let o = this.o;
    for (let i = 0; i < src.length; i++) b[o++] = src[i]!;
    this.o = o;
  }

  utf8(s: string): void {
    this.o += this.buf.write(s, this.o, 'utf8');
  }

  /** The bytes so far, given away, for a writer that is done with this buffer. */
  finish(): Buffer {
    return this.buf.subarray(0, this.o);
  }

  /** The bytes so far, given away; writing goes on into a fresh buffer. */
  take(): Buffer {
    const out = this.buf.subarray(0, this.o);
    this.buf = Buffer.allocUnsafe(this.size);
    this.o = 0;
    return out;
  }
}

/** Writes one row, numbered `r`, of `cells` ('' = no cell) by the columns' kinds. */
export function compileRowWriter(
  kinds: readonly CellKind[],
  letters: readonly string[],
  dateStyle: number,
): (x: XmlBytes, cells: readonly string[], r: string) => void {
  const opens = letters.map((l) => Buffer.from(`<c r="${l}`, 'latin1'));
  const dateMid = `" s="${dateStyle}"><v>`;
  return (x, cells, r) => {
    x.ensure(16 + r.length);
    x.ascii('<row r="');
    x.ascii(r);
    x.ascii('">');
    for (let i = 0; i < cells.length; i++) {
      const text = cells[i]!;
      if (text === '') continue;
      const kind = kinds[i]!;
      const open = opens[i]!;
      if (kind === 'count' || (kind === 'number' && PLAIN_NUMBER.test(text))) {
        x.ensure(open.length + r.length + 13 + text.length);
        x.bytes(open);
        x.ascii(r);
        x.ascii('"><v>');
        x.ascii(text);
        x.ascii('</v></c>');
        continue;
      }
      if (kind === 'date') {
        const ms = Date.parse(text);
        if (!Number.isNaN(ms)) {
          const serial = String(ms / MS_PER_DAY + UNIX_EPOCH_SERIAL);
          x.ensure(open.length + r.length + dateMid.length + 8 + serial.length);
          x.bytes(open);
          x.ascii(r);
          x.ascii(dateMid);
          x.ascii(serial);
          x.ascii('</v></c>');
          continue;
        }
      }
      const escaped = escapeText(text);
      // UTF-8 takes at most 3 bytes per UTF-16 unit.
      x.ensure(open.length + r.length + 64 + escaped.length * 3);
      x.bytes(open);
      x.ascii(r);
      x.ascii(
        needsPreserve(escaped) ? '" t="inlineStr"><is><t xml:space="preserve">' : '" t="inlineStr"><is><t>',
      );
      x.utf8(escaped);
      x.ascii('</t></is></c>');
    }
    x.ensure(6);
    x.ascii('</row>');
  };
}
