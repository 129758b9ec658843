// The process's export worker threads (flatten-thread.ts), started on first use and shared by concurrent exports:
// how many, how each starts, and which export each message belongs to. parallel.ts feeds them.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ExportPlan } from './columns';
import type { FromWorker, ToWorker } from './flatten-batch';

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
export type JobFormat = Omit<Extract<ToWorker, { type: 'job' }>, 'type' | 'job' | 'plan'>;

export interface Listener {
  onMessage(message: FromWorker): void;
  onFailure(error: Error): void;
}

/** The process's workers, started on first use and shared by concurrent exports. */
export class Pool {
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

  /** Sends a batch; returns the worker that has it, for a write order (sheet rows numbered later). */
  send(job: number, seq: number, rows: string, firstRow: number | undefined): Worker {
    // Round robin: batches are alike in size, so the workers stay evenly loaded.
    const worker = this.workers[this.turn++ % this.workers.length]!;
    worker.postMessage({
      type: 'batch',
      job,
      seq,
      rows,
      ...(firstRow !== undefined && { firstRow }),
    } satisfies ToWorker);
    return worker;
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
