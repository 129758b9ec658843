// A demo worker thread: makes and validates batches of responses so that the main thread only writes.
// Same catalog, same plan, same (seed, index) → same response as in the main thread.
import { parentPort, workerData } from 'node:worker_threads';
import { loadCatalog } from '../../catalog/load';
import { withPublished, type PublishedDefinition } from '../../catalog/published';
import { makeBatch } from './batch';
import { demoPlan } from './generate';

export interface WorkerInit {
  surveysDir: string;
  surveyId: string;
  seed: number;
  /** Versions published in the workspace (from the database): the worker's catalog must be the main thread's. */
  published: PublishedDefinition[];
}

const init = workerData as WorkerInit;
const survey = withPublished(loadCatalog(init.surveysDir).catalog, init.published, []).catalog.getSurvey(
  init.surveyId,
);
if (!survey) throw new Error(`no survey "${init.surveyId}"`);
const plan = demoPlan(survey);

// One JSON string per batch: copying a string to the main thread costs far less than structured-cloning
// thousands of nested answer objects, and JSON.parse there is faster than the clone's deserialization.
parentPort?.on('message', ({ batch, indices }: { batch: number; indices: Uint32Array }) => {
  parentPort?.postMessage({ batch, json: JSON.stringify(makeBatch(plan, init.seed, indices)) });
});
