// Batches for the parallel CSV writer: rows packed into one string on the way to a worker thread (one copy, not a
// structured clone per value), and CSV bytes of their own on the way back (transferred, not copied).
import type { ExportRow } from '../server/store';
import { packRow, unpackRow } from '../server/store/packed-row';
import type { ExportPlan } from './columns';
import type { Separator } from './csv';
import type { LabelMode } from './rows';

/** Row separator of a packed batch (fields are PACKED_FIELD): a control character stored JSON never holds raw. */
export const ROW = '\u0002';

export type ToWorker =
  | {
      type: 'job';
      job: number;
      plan: ExportPlan;
      labels: LabelMode;
      sep: Separator;
      fastBelow: [version: number, seconds: number][];
      excludeFlagged: boolean;
    }
  | { type: 'batch'; job: number; seq: number; rows: string }
  | { type: 'end'; job: number };

export type FromWorker =
  | { type: 'csv'; job: number; seq: number; bytes: ArrayBuffer; rows: number }
  | { type: 'error'; job: number; message: string };

/** Packs one row for a batch (unpackRow reads it back). */
export function pack(row: ExportRow): string {
  return packRow(row) + ROW;
}

/** Batch → CSV lines (`build` writes one, line end included, or null to leave the row out) → one UTF-8 buffer of its own, so it can be transferred rather than copied. */
export function flattenBatch(
  build: (row: ExportRow) => string | null,
  rows: string,
): { bytes: ArrayBuffer; count: number } {
  const lines = rows.split(ROW);
  lines.pop(); // after the last separator
  let csv = '';
  let count = 0;
  for (const line of lines) {
    const built = build(unpackRow(line));
    if (built === null) continue;
    csv += built;
    count += 1;
  }
  const buffer = Buffer.from(csv, 'utf8');
  // A small Buffer is a slice of a shared 8 KB pool: transferring that would send (and detach) the whole pool.
  if (buffer.byteOffset === 0 && buffer.buffer.byteLength === buffer.length)
    return { bytes: buffer.buffer as ArrayBuffer, count };
  const own = new ArrayBuffer(buffer.length);
  new Uint8Array(own).set(buffer);
  return { bytes: own, count };
}
