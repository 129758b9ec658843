// Entry of the response writer thread (server/store/response-writer.ts): here, outside the store, because the
// thread builds its own count plans and stored-line renderers from the plans' sources with the formats' code
// (exports/projections.ts), as boot.ts does for the main connection.
import { parentPort, workerData } from 'node:worker_threads';
import { projectionPlansOf, type PlanSources } from '../exports/projections';
import { serveResponseWrites, type WriterSetup } from './store/response-writer';

if (!parentPort) throw new Error('response-writer-thread.ts runs as a worker thread only');
// The sources are what projectionPlansOf returned on the main thread, cloned: a store opened without plans has none.
serveResponseWrites(parentPort, workerData as WriterSetup, (sources) =>
  projectionPlansOf((sources as PlanSources | undefined) ?? []),
);
