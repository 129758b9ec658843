// Batches for the export worker threads: rows packed into one string on the way to a worker thread (one copy, not
// a structured clone per value), and bytes of their own (CSV lines, or a sheet's row XML) on the way back
// (transferred, not copied).
import type { ExportRow } from '../server/store';
import { packRow, unpackRow } from '../server/store/packed-row';
import type { ExportPlan } from './columns';
import type { Separator } from './csv';
import type { LabelMode } from './rows';
import type { CellKind } from './xlsx-sheet';

/** Row separator of a packed batch (fields are PACKED_FIELD): a control character stored JSON never holds raw. */
export const ROW = '\u0002';

/** What a job's rows become: CSV lines in a dialect, or rows of the workbook's data sheet (xlsx-batch.ts). */
export type WorkerOutput = { type: 'csv'; sep: Separator } | { type: 'xlsx'; kinds: CellKind[] };

export type ToWorker =
  | {
      type: 'job';
      job: number;
      plan: ExportPlan;
      labels: LabelMode;
      fastBelow: [version: number, seconds: number][];
      excludeFlagged: boolean;
      output: WorkerOutput;
    }
  /**
   * `firstRow`: the sheet row number of the batch's first row (xlsx). A sheet batch without one (flagged rows left
   * out, so the number depends on the batches before) is flattened and held, its kept rows counted, until `write`.
   */
  | { type: 'batch'; job: number; seq: number; rows: string; firstRow?: number }
  | { type: 'write'; job: number; seq: number; firstRow: number }
  | { type: 'end'; job: number };

export type FromWorker =
  /** The batch's bytes, `length` of them at the start of `bytes`; `rows` written. */
  | { type: 'bytes'; job: number; seq: number; bytes: ArrayBuffer; length: number; rows: number }
  /** A held sheet batch: how many of its rows are kept. */
  | { type: 'counted'; job: number; seq: number; rows: number }
  | { type: 'error'; job: number; message: string };

/** Packs one row for a batch (unpackRow reads it back). */
export function pack(row: ExportRow): string {
  return packRow(row) + ROW;
}

/** The rows of a packed batch. */
export function* unpackBatch(rows: string): Generator<ExportRow> {
  let from = 0;
  for (let to = rows.indexOf(ROW); to !== -1; from = to + 1, to = rows.indexOf(ROW, from))
    yield unpackRow(rows.slice(from, to));
}

/**
 * The ArrayBuffer under `buffer`, to transfer with its length, when the buffer has it to itself (one larger than
 * the 8 KB pool never shares), else a copy: a small Buffer is a slice of the shared pool, which transferring would
 * detach whole.
 */
export function ownBytes(buffer: Buffer): ArrayBuffer {
  if (buffer.byteOffset === 0 && buffer.length > Buffer.poolSize) return buffer.buffer as ArrayBuffer;
  const own = new ArrayBuffer(buffer.length);
  new Uint8Array(own).set(buffer);
  return own;
}

/** Batch → CSV lines (`build` writes one, line end included, or null to leave the row out) → one UTF-8 buffer of its own, so it can be transferred rather than copied. */
export function flattenBatch(
  build: (row: ExportRow) => string | null,
  rows: string,
): { bytes: ArrayBuffer; count: number } {
  let csv = '';
  let count = 0;
  for (const row of unpackBatch(rows)) {
    const built = build(row);
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
