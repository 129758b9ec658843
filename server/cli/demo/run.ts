// Runs a demo load: creates the demo briefings, then writes responses in chronological batches through
// store.insertResponses (one transaction per batch), made by worker threads so the main thread only writes.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Catalog } from '../../catalog/load';
import type { Store } from '../../store';
import { makeBatch, type Batch } from './batch';
import { chronologicalOrder, demoPlan, type DemoPlan } from './generate';
import type { Progress } from './progress';
import type { WorkerInit } from './worker';

export interface DemoOptions {
  store: Store;
  catalog: Catalog;
  /** Where workers load the same catalog from. */
  surveysDir: string;
  surveyId: string;
  count: number;
  seed: number;
  /** Worker threads; 0 makes everything in the main thread. Small runs never start workers. */
  workers?: number;
  batchSize?: number;
  progress?: Progress;
}

export interface DemoSummary {
  created: number;
  /** Responses already stored by an earlier run with the same seed (ids are a function of the seed). */
  duplicates: number;
  briefingsAdded: number;
  seconds: number;
}

/** Below this, starting workers (each loads survey-core and the catalog) costs more than it saves. */
const WORKER_THRESHOLD = 20_000;

export function defaultWorkers(): number {
  return Math.max(1, Math.min(2, availableParallelism()));
}

/** Adds the demo briefings that are missing; refuses a slug that exists with other details. */
async function ensureBriefings(store: Store, plan: DemoPlan): Promise<number> {
  let added = 0;
  for (const { briefing } of plan.schedule) {
    const existing = await store.getBriefing(briefing.slug);
    if (existing) {
      if (
        existing.surveyId !== briefing.surveyId ||
        existing.region !== briefing.region ||
        existing.date !== briefing.date
      )
        throw new Error(
          `briefing "${briefing.slug}" exists with another survey, region or date; the demo will not reuse it`,
        );
      continue;
    }
    // Created a week before the event, a fixed time, so that two runs build the same database.
    const createdAt = new Date(Date.parse(`${briefing.date}T09:00:00Z`) - 7 * 86_400_000).toISOString();
    if (await store.addBriefing(briefing, createdAt, true)) added++;
  }
  return added;
}

/**
 * Starts a worker on worker.ts. Under `node --import tsx` (npm run cli) the loader hooks do not reach worker
 * threads, so a running-from-source worker first registers tsx itself, then imports the TypeScript module.
 */
function startWorker(init: WorkerInit): Worker {
  const entry = new URL(`./worker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url);
  if (!entry.pathname.endsWith('.ts')) return new Worker(entry, { workerData: init });
  const tsx = import.meta.resolve('tsx/esm/api');
  const source = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry.href)}); })`;
  return new Worker(source, { eval: true, workerData: init });
}

/** Hands batch numbers to workers (two in flight each) and yields their results in batch order. */
async function inWorkers(
  init: WorkerInit,
  workers: number,
  batches: number,
  slice: (batch: number) => Uint32Array,
  write: (batch: Batch) => Promise<void>,
): Promise<void> {
  const pool = Array.from({ length: workers }, () => startWorker(init));
  try {
    await new Promise<void>((resolve, reject) => {
      let next = 0;
      let written = 0;
      let failed = false;
      const ready = new Map<number, Batch>();
      // Writes go one after another in batch order, each waiting for the one before (the store is asynchronous).
      let writing = Promise.resolve();
      // After a failure nothing more is written, even from batches that were already on their way.
      const fail = (error: unknown) => {
        failed = true;
        reject(error instanceof Error ? error : new Error(String(error)));
      };
      const dispatch = (w: Worker) => {
        if (next < batches) w.postMessage({ batch: next, indices: slice(next++) });
      };
      for (const w of pool) {
        w.on('error', fail);
        w.on('message', ({ batch, json }: { batch: number; json: string }) => {
          if (failed) return;
          const result = JSON.parse(json) as Batch;
          if (result.invalid) return fail(new Error(result.invalid));
          ready.set(batch, result);
          dispatch(w);
          for (let done = ready.get(written); done; done = ready.get(written)) {
            ready.delete(written++);
            const batch = done;
            writing = writing.then(() => (failed ? undefined : write(batch))).catch(fail);
          }
          if (written === batches) void writing.then(() => failed || resolve());
        });
        dispatch(w);
        dispatch(w);
      }
      if (batches === 0) resolve();
    });
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
}

export async function runDemo(options: DemoOptions): Promise<DemoSummary> {
  const started = performance.now();
  const { store, count, seed, progress } = options;
  const survey = options.catalog.getSurvey(options.surveyId);
  if (!survey) throw new Error(`no survey "${options.surveyId}" in the catalog`);
  const plan = demoPlan(survey);
  const briefingsAdded = await ensureBriefings(store, plan);
  const order = chronologicalOrder(plan, seed, count);
  const size = options.batchSize ?? 5_000;
  const batches = Math.ceil(count / size);
  const slice = (b: number) => order.slice(b * size, Math.min(count, (b + 1) * size));

  let created = 0;
  let duplicates = 0;
  let done = 0;
  const write = async ({ responses }: Batch) => {
    for (const outcome of await store.insertResponses(responses)) {
      if (outcome.status === 'created') created++;
      else if (outcome.status === 'duplicate') duplicates++;
      // A conflict means another run wrote other content under a demo id: that only happens if the generator changed.
      else
        throw new Error(
          'a demo id is already stored with other content: the generator changed since that run',
        );
    }
    done += responses.length;
    progress?.update(done);
  };

  const workers = count >= WORKER_THRESHOLD ? (options.workers ?? defaultWorkers()) : 0;
  if (workers > 0) {
    await inWorkers(
      {
        surveysDir: options.surveysDir,
        surveyId: survey.id,
        seed,
        published: await store.listPublishedDefinitions(),
      },
      workers,
      batches,
      slice,
      write,
    );
  } else {
    for (let b = 0; b < batches; b++) {
      const batch = makeBatch(plan, seed, slice(b));
      if (batch.invalid) throw new Error(batch.invalid);
      await write(batch);
    }
  }
  progress?.finish(done);
  return { created, duplicates, briefingsAdded, seconds: (performance.now() - started) / 1000 };
}
