// Batches for the parallel CSV writer: rows packed into one string on the way to a worker thread (one copy, not a
// structured clone per value), and CSV bytes of their own on the way back (transferred, not copied).
import type { ExportRow } from '../server/store';
import type { ExportPlan } from './columns';
import { EOL } from './csv';
import type { LabelMode } from './rows';

/** Field and row separators of a packed batch: control characters that stored JSON and ids never contain raw. */
export const FIELD = '\u0001';
export const ROW = '\u0002';

export type ToWorker =
  | { type: 'job'; job: number; plan: ExportPlan; labels: LabelMode }
  | { type: 'batch'; job: number; seq: number; rows: string }
  | { type: 'end'; job: number };

export type FromWorker =
  | { type: 'csv'; job: number; seq: number; bytes: ArrayBuffer; rows: number }
  | { type: 'error'; job: number; message: string };

/** Packs one row for a batch (the inverse of unpack below). */
export function pack(row: ExportRow): string {
  return row[0] + FIELD + row[1] + FIELD + row[2] + FIELD + row[3] + FIELD + row[4] + FIELD + (row[5] ?? '') +
    FIELD + row[6] + FIELD + (row[7] ?? '') + ROW;
}

function unpack(text: string): ExportRow {
  const f = text.split(FIELD);
  return [f[0]!, Number(f[1]), f[2]!, f[3]!, f[4]!, f[5] || null, f[6]!, f[7] || null];
}

/** Batch → CSV lines → one UTF-8 buffer of its own, so it can be transferred rather than copied. */
export function flattenBatch(build: (row: ExportRow) => string[], rows: string): { bytes: ArrayBuffer; count: number } {
  const lines = rows.split(ROW);
  lines.pop(); // after the last separator
  let csv = '';
  for (const line of lines) csv += build(unpack(line)).join(',') + EOL;
  const buffer = Buffer.from(csv, 'utf8');
  // A small Buffer is a slice of a shared 8 KB pool: transferring that would send (and detach) the whole pool.
  if (buffer.byteOffset === 0 && buffer.buffer.byteLength === buffer.length) return { bytes: buffer.buffer as ArrayBuffer, count: lines.length };
  const own = new ArrayBuffer(buffer.length);
  new Uint8Array(own).set(buffer);
  return { bytes: own, count: lines.length };
}
