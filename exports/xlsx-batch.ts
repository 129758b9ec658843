// The workbook's data sheet built on a worker thread (parallel.ts): a batch of packed rows → the sheet XML of the
// rows it keeps, numbered from the batch's first row. The same row function and writer as the main thread's sheet
// (xlsx.ts, xlsx-sheet.ts), so the bytes are the same either way.
import type { ExportPlan } from './columns';
import { unpackBatch } from './flatten-batch';
import { flaggedCells } from './quality-columns';
import { compileRows, type LabelMode } from './rows';
import { compileRowWriter, XmlBytes } from './xlsx-rows';
import { columnLetters, DATE_STYLE, type CellKind } from './xlsx-sheet';

export interface SheetBatchFormat {
  labels: LabelMode;
  fastBelow: ReadonlyMap<number, number>;
  excludeFlagged: boolean;
  kinds: readonly CellKind[];
}

export interface SheetBytes {
  /** The row XML is the first `length` bytes. */
  bytes: Buffer;
  rows: number;
}

export interface SheetBatchWriter {
  /** The batch's kept rows written from row number `firstRow`. */
  write(rows: string, firstRow: number): SheetBytes;
  /**
   * The batch flattened and its kept rows held, for a batch whose first row number is not known yet (flagged rows
   * left out: it depends on how many the batches before it keep); returns how many it keeps.
   */
  hold(seq: number, rows: string): number;
  /** A held batch written from `firstRow`, and forgotten. */
  writeHeld(seq: number, firstRow: number): SheetBytes;
}

export function sheetBatchWriter(plan: ExportPlan, format: SheetBatchFormat): SheetBatchWriter {
  const build = compileRows(plan, { labels: format.labels, fastBelow: format.fastBelow });
  const flagged = format.excludeFlagged ? flaggedCells(plan) : undefined;
  const writeRow = compileRowWriter(
    format.kinds,
    plan.columns.map((_, i) => columnLetters(i)),
    DATE_STYLE,
  );
  const held = new Map<number, string[][]>();
  // Each batch's bytes are transferred away: the next starts in a buffer of the last one's size (plus room), so a
  // batch rarely grows its buffer. Batches are small (parallel.ts: large buffers cost fresh pages each time), and
  // the buffer is always larger than the 8 KB pool, so never shares it (ownBytes, flatten-batch.ts).
  let size = 32 * 1024;
  const written = (fill: (x: XmlBytes) => number): SheetBytes => {
    const x = new XmlBytes(size);
    const rows = fill(x);
    size = Math.max(size, x.length + 8 * 1024);
    return { bytes: x.finish(), rows };
  };
  return {
    write: (rows, firstRow) =>
      written((x) => {
        let r = firstRow;
        for (const row of unpackBatch(rows)) {
          const cells = build(row);
          if (!flagged?.(cells)) writeRow(x, cells, String(r++));
        }
        return r - firstRow;
      }),
    hold(seq, rows) {
      const kept: string[][] = [];
      // The row function reuses its array: a kept row is copied.
      for (const row of unpackBatch(rows)) {
        const cells = build(row);
        if (!flagged?.(cells)) kept.push(cells.slice());
      }
      held.set(seq, kept);
      return kept.length;
    },
    writeHeld(seq, firstRow) {
      const kept = held.get(seq) ?? [];
      held.delete(seq);
      return written((x) => {
        kept.forEach((cells, i) => writeRow(x, cells, String(firstRow + i)));
        return kept.length;
      });
    },
  };
}
