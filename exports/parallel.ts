// Exports on worker threads: this thread reads rows from the store (one snapshot, in the reader's batches) and packs
// them into batches; the workers parse and flatten them into CSV lines or the workbook's sheet rows; the bytes are put back in
// order. Same bytes as csvStream and the main thread's sheetStream.
import { Readable } from 'node:stream';
import type { Worker } from 'node:worker_threads';
import type { ExportRow } from '../server/store';
import { BatchCursor, type Batches } from './batches';
import type { ExportPlan } from './columns';
import { BOM, COMMA_DIALECT, type CsvStreamOptions } from './csv';
import { pack, type FromWorker, type ToWorker } from './flatten-batch';
import type { LabelMode } from './rows';
import { SHEET_TAIL, sheetHead, type SheetSpec } from './xlsx-sheet';
import { exportWorkerCount, Pool, type JobFormat } from './worker-pool';

export { configureExportWorkers, exportWorkerCount } from './worker-pool';

/** Rows per batch at most: enough to make a message's cost vanish, few enough that the first bytes come at once. */
const BATCH_ROWS = 256;
/**
 * Characters per batch at most (the row that crosses it ends the batch). A message over ~128 KB costs far more than
 * its share: measured here, 256 rows of ~2,000 characters (1 MB as UTF-16) took ~45 µs of CPU per row to post,
 * half of it the kernel's (fresh pages for each big buffer), 32 rows ~7 µs per row.
 */
const BATCH_CHARS = 32_768;
/** Batches out at the workers per export: keeps both busy while memory stays a few MB whatever the size. */
const IN_FLIGHT = 16;

let shared: Pool | undefined;

/**
 * How a sheet's rows are numbered: sheet rows carry their number, so a batch must know its first; when flagged rows
 * are left out that depends on the batches before it, and the workers hold each batch until this thread tells them.
 */
type Numbering = 'none' | 'at-send' | 'after-count';

/** Where the file starts and ends, around the workers' bytes. */
interface Frame {
  head: string;
  tail?: string;
  numbering: Numbering;
}

class ParallelStream extends Readable {
  private cursor: BatchCursor<ExportRow> | undefined;
  /** Waiting for the reader's next batch: one pump at a time. */
  private pumping = false;
  private job: number | undefined;
  private headerSent = false;
  private sourceDone = false;
  private nextSeq = 0;
  private nextOut = 0;
  private readonly ready = new Map<number, { bytes: ArrayBuffer; length: number; rows: number }>();
  private count = 0;
  /** Sheet numbering: the next row's number, rows sent so far, and the held batches' workers and counts. */
  private nextRow = 2;
  private sentRows = 0;
  private nextNumbered = 0;
  private readonly holders = new Map<number, Worker>();
  private readonly counted = new Map<number, number>();

  constructor(
    private readonly plan: ExportPlan,
    private readonly format: JobFormat,
    private readonly frame: Frame,
    private readonly source: Batches<ExportRow>,
    private readonly pool: Pool,
    private readonly onProgress: ((rows: number) => void) | undefined,
  ) {
    super({ highWaterMark: 64 * 1024 });
  }

  get rows(): number {
    return this.count;
  }

  override _read(): void {
    if (!this.headerSent) {
      this.headerSent = true;
      this.push(this.frame.head);
      return;
    }
    try {
      this.job ??= this.pool.open(this.plan, this.format, {
        onMessage: (m) => this.receive(m),
        onFailure: (error) => this.destroy(error),
      });
      this.cursor ??= new BatchCursor(this.source);
      this.pump();
    } catch (error) {
      this.destroy(error as Error);
    }
  }

  /** Sends batches until IN_FLIGHT are out or the rows run out; only a new batch of the reader is awaited. */
  private pump(): void {
    if (this.pumping) return;
    this.pumping = true;
    this.sendBatches().then(
      () => {
        this.pumping = false;
        if (!this.destroyed) this.flush();
      },
      (error: unknown) => this.destroy(error as Error),
    );
  }

  private async sendBatches(): Promise<void> {
    while (!this.sourceDone && this.nextSeq - this.nextOut < IN_FLIGHT) {
      let rows = '';
      let n = 0;
      while (n < BATCH_ROWS && rows.length < BATCH_CHARS) {
        const row = this.cursor!.take();
        if (row !== undefined) {
          rows += pack(row);
          n++;
          continue;
        }
        // The reader's batch is used up: send what this batch has before waiting for the next.
        if (n > 0) break;
        const more = await this.cursor!.refill();
        if (this.destroyed) return;
        if (!more) {
          this.sourceDone = true;
          this.cursor = undefined;
          break;
        }
      }
      if (n === 0) continue;
      const numbering = this.frame.numbering;
      const firstRow = numbering === 'at-send' ? 2 + this.sentRows : undefined;
      this.sentRows += n;
      const worker = this.pool.send(this.job!, this.nextSeq, rows, firstRow);
      if (numbering === 'after-count') this.holders.set(this.nextSeq, worker);
      this.nextSeq++;
    }
  }

  private receive(message: FromWorker): void {
    if (this.destroyed) return;
    if (message.type === 'error') return void this.destroy(new Error(`export worker: ${message.message}`));
    if (message.type === 'counted') return void this.number(message.seq, message.rows);
    this.ready.set(message.seq, message);
    this.flush();
  }

  /** A held batch's count: batches counted in order get their first row numbers and are written. */
  private number(seq: number, rows: number): void {
    this.counted.set(seq, rows);
    for (
      let n = this.counted.get(this.nextNumbered);
      n !== undefined;
      n = this.counted.get(this.nextNumbered)
    ) {
      const worker = this.holders.get(this.nextNumbered)!;
      worker.postMessage({
        type: 'write',
        job: this.job!,
        seq: this.nextNumbered,
        firstRow: this.nextRow,
      } satisfies ToWorker);
      this.counted.delete(this.nextNumbered);
      this.holders.delete(this.nextNumbered++);
      this.nextRow += n;
    }
  }

  /** Pushes finished batches in order; asks for more once the reader wants more. */
  private flush(): void {
    let wantsMore = true;
    for (let done = this.ready.get(this.nextOut); done; done = this.ready.get(this.nextOut)) {
      this.ready.delete(this.nextOut++);
      this.count += done.rows;
      wantsMore = this.push(Buffer.from(done.bytes, 0, done.length));
      this.onProgress?.(this.count);
    }
    if (this.sourceDone && this.nextOut === this.nextSeq) {
      // Ended already (a flush after the last one).
      if (this.job === undefined) return;
      this.finish();
      if (this.frame.tail !== undefined) this.push(this.frame.tail);
      this.push(null);
    } else if (
      wantsMore &&
      !this.sourceDone &&
      this.nextSeq - this.nextOut < IN_FLIGHT &&
      this.job !== undefined
    )
      this.pump();
  }

  private finish(): void {
    if (this.job !== undefined) this.pool.close(this.job);
    this.job = undefined;
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    const cursor = this.cursor;
    this.cursor = undefined;
    this.finish();
    try {
      cursor?.close();
    } finally {
      callback(error);
    }
  }
}

function sharedPool(): Pool {
  return (shared ??= new Pool(Math.max(1, exportWorkerCount())));
}

/** The same CSV as csvStream, flattened on worker threads. */
export function parallelCsvStream(
  plan: ExportPlan,
  source: Batches<ExportRow>,
  options: CsvStreamOptions,
): Readable & { readonly rows: number } {
  const dialect = options.dialect ?? COMMA_DIALECT;
  const format: JobFormat = {
    labels: options.labels,
    fastBelow: [...(options.fastBelow ?? [])],
    excludeFlagged: options.excludeFlagged ?? false,
    output: { type: 'csv', sep: dialect.sep },
  };
  const head = BOM + dialect.line(plan.columns.map((c) => dialect.cell(c.name)));
  return new ParallelStream(
    plan,
    format,
    { head, numbering: 'none' },
    source,
    sharedPool(),
    options.onProgress,
  );
}

export interface ParallelSheetOptions {
  labels: LabelMode;
  fastBelow: ReadonlyMap<number, number>;
  excludeFlagged: boolean;
}

/**
 * The workbook's data sheet (the plan's columns: header, kinds, widths in `spec`) with its rows built on worker
 * threads from `source`: the same bytes as sheetStream of the main thread's rows.
 */
export function parallelSheetStream(
  plan: ExportPlan,
  spec: Omit<SheetSpec, 'rows'>,
  source: Batches<ExportRow>,
  options: ParallelSheetOptions,
): Readable {
  const format: JobFormat = {
    labels: options.labels,
    fastBelow: [...options.fastBelow],
    excludeFlagged: options.excludeFlagged,
    output: { type: 'xlsx', kinds: [...spec.kinds] },
  };
  const frame: Frame = {
    head: sheetHead(spec),
    tail: SHEET_TAIL,
    numbering: options.excludeFlagged ? 'after-count' : 'at-send',
  };
  return new ParallelStream(plan, format, frame, source, sharedPool(), undefined);
}
