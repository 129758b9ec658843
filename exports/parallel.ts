// The CSV writer on worker threads: this thread reads rows from SQLite (one connection, one snapshot) and packs them
// into batches; the workers parse and flatten them; the CSV bytes are put back in order. Same bytes as csvStream.
import { availableParallelism } from 'node:os';
import { Readable } from 'node:stream';
import { Worker } from 'node:worker_threads';
import type { ExportRow } from '../server/store';
import type { ExportPlan } from './columns';
import { BOM, COMMA_DIALECT, type CsvDialect, type CsvStreamOptions } from './csv';
import { pack, type FromWorker, type ToWorker } from './flatten-batch';

/** Rows per batch: enough to make a message's cost vanish, few enough that the first bytes come at once. */
const BATCH_ROWS = 256;
/** Batches out at the workers per export: keeps both busy while memory stays a few MB whatever the size. */
const IN_FLIGHT = 6;

/**
 * Worker threads for exports (0 = flatten on the main thread): one per core up to two unless configured. A worker's
 * garbage is all short-lived (one row's objects, one batch's strings): a small young generation keeps each thread's
 * memory to a few MB instead of letting V8 grow it to its default maximum.
 */
const settings = { workers: Math.min(2, availableParallelism()), youngGenerationMb: 8 };

/** Set once at start (EXPORT_WORKERS, EXPORT_WORKER_YOUNG_MB from server/config.ts), before the first export. */
export function configureExportWorkers(given: {
  workers?: number | undefined;
  youngGenerationMb?: number | undefined;
}): void {
  if (given.workers !== undefined) settings.workers = given.workers;
  if (given.youngGenerationMb !== undefined) settings.youngGenerationMb = given.youngGenerationMb;
}

export function exportWorkerCount(): number {
  return settings.workers;
}

/**
 * Starts a worker on flatten-thread. Running from source (tsx), the loader hooks do not reach worker threads, so
 * the worker registers tsx itself first (as server/cli/demo does).
 */
function startWorker(): Worker {
  const limits = { maxYoungGenerationSizeMb: settings.youngGenerationMb };
  const entry = new URL(
    `./flatten-thread${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`,
    import.meta.url,
  );
  const worker = entry.pathname.endsWith('.ts')
    ? new Worker(
        `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((m) => { m.register(); return import(${JSON.stringify(entry.href)}); })`,
        { eval: true, resourceLimits: limits },
      )
    : new Worker(entry, { resourceLimits: limits });
  return worker;
}

/** How a job's rows are written, as the workers are told (plain data: it crosses threads). */
type JobFormat = Omit<Extract<ToWorker, { type: 'job' }>, 'type' | 'job' | 'plan'>;

interface Listener {
  onMessage(message: FromWorker): void;
  onFailure(error: Error): void;
}

/** The process's workers, started on first use and shared by concurrent exports. */
class Pool {
  private workers: Worker[] = [];
  private readonly listeners = new Map<number, Listener>();
  private nextJob = 1;
  private turn = 0;

  constructor(private readonly size: number) {}

  private spawn(): Worker {
    const worker = startWorker();
    worker.on('message', (m: FromWorker) => this.listeners.get(m.job)?.onMessage(m));
    // A worker that failed or exited fails the exports it served; the next export starts fresh threads, so a
    // thread that cannot start fails one export at a time instead of respawning in a loop.
    worker.on('error', (error) => this.fail(worker, error));
    worker.on('exit', (code) => this.fail(worker, new Error(`an export thread exited with code ${code}`)));
    worker.unref();
    return worker;
  }

  private fail(worker: Worker, error: Error): void {
    // Threads terminated below (or by an earlier failure) report their exit too: only a current thread counts.
    if (!this.workers.includes(worker)) return;
    const workers = this.workers;
    this.workers = [];
    for (const w of workers) void w.terminate();
    const listeners = [...this.listeners.values()];
    this.listeners.clear();
    for (const l of listeners) l.onFailure(error);
  }

  open(plan: ExportPlan, format: JobFormat, listener: Listener): number {
    if (this.workers.length === 0) this.workers = Array.from({ length: this.size }, () => this.spawn());
    const job = this.nextJob++;
    this.listeners.set(job, listener);
    this.hold();
    for (const w of this.workers) w.postMessage({ type: 'job', job, plan, ...format } satisfies ToWorker);
    return job;
  }

  send(job: number, seq: number, rows: string): void {
    // Round robin: batches are alike in size, so the workers stay evenly loaded.
    const worker = this.workers[this.turn++ % this.workers.length]!;
    worker.postMessage({ type: 'batch', job, seq, rows } satisfies ToWorker);
  }

  close(job: number): void {
    if (!this.listeners.delete(job)) return;
    for (const w of this.workers) w.postMessage({ type: 'end', job } satisfies ToWorker);
    this.hold();
  }

  /** Workers keep the process alive while an export runs, and only then: idle, a CLI or a test may exit. */
  private hold(): void {
    for (const w of this.workers) {
      if (this.listeners.size > 0) w.ref();
      else w.unref();
    }
  }
}

let shared: Pool | undefined;

class ParallelCsvStream extends Readable {
  private cursor: Iterator<ExportRow> | undefined;
  private job: number | undefined;
  private headerSent = false;
  private sourceDone = false;
  private nextSeq = 0;
  private nextOut = 0;
  private readonly ready = new Map<number, { bytes: ArrayBuffer; rows: number }>();
  private count = 0;

  constructor(
    private readonly plan: ExportPlan,
    private readonly format: JobFormat,
    private readonly dialect: CsvDialect,
    private readonly source: Iterable<ExportRow>,
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
      this.push(BOM + this.dialect.line(this.plan.columns.map((c) => this.dialect.cell(c.name))));
      return;
    }
    try {
      this.job ??= this.pool.open(this.plan, this.format, {
        onMessage: (m) => this.receive(m),
        onFailure: (error) => this.destroy(error),
      });
      this.cursor ??= this.source[Symbol.iterator]();
      this.pump();
    } catch (error) {
      this.destroy(error as Error);
    }
  }

  /** Sends batches until IN_FLIGHT are out or the rows run out. */
  private pump(): void {
    while (!this.sourceDone && this.nextSeq - this.nextOut < IN_FLIGHT) {
      let rows = '';
      let n = 0;
      for (; n < BATCH_ROWS; n++) {
        const next = this.cursor!.next();
        if (next.done) {
          this.sourceDone = true;
          this.cursor = undefined;
          break;
        }
        rows += pack(next.value);
      }
      if (n > 0) this.pool.send(this.job!, this.nextSeq++, rows);
    }
    this.flush();
  }

  private receive(message: FromWorker): void {
    if (this.destroyed) return;
    if (message.type === 'error') return void this.destroy(new Error(`export worker: ${message.message}`));
    this.ready.set(message.seq, message);
    this.flush();
  }

  /** Pushes finished batches in order; asks for more once the reader wants more. */
  private flush(): void {
    let wantsMore = true;
    for (let done = this.ready.get(this.nextOut); done; done = this.ready.get(this.nextOut)) {
      this.ready.delete(this.nextOut++);
      this.count += done.rows;
      wantsMore = this.push(Buffer.from(done.bytes));
      this.onProgress?.(this.count);
    }
    if (this.sourceDone && this.nextOut === this.nextSeq) {
      this.finish();
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
      cursor?.return?.();
    } finally {
      callback(error);
    }
  }
}

/** The same CSV as csvStream, flattened on worker threads. */
export function parallelCsvStream(
  plan: ExportPlan,
  source: Iterable<ExportRow>,
  options: CsvStreamOptions,
): Readable & { readonly rows: number } {
  shared ??= new Pool(Math.max(1, exportWorkerCount()));
  const dialect = options.dialect ?? COMMA_DIALECT;
  const format: JobFormat = {
    labels: options.labels,
    sep: dialect.sep,
    fastBelow: [...(options.fastBelow ?? [])],
    excludeFlagged: options.excludeFlagged ?? false,
  };
  return new ParallelCsvStream(plan, format, dialect, source, shared, options.onProgress);
}
