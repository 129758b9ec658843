// A demo worker thread: makes and validates batches of responses so that the main thread only writes.
// Same catalog, same plan, same (seed, index) → same response as in the main thread.
import { parentPort, workerData } from 'node:worker_threads';
import { loadCatalog } from '../../catalog/load';
import { makeBatch } from './batch';
import { demoPlan } from './generate';

export interface WorkerInit {
  surveysDir: string;
  surveyId: string;
  seed: number;
}

const init = workerData as WorkerInit;
const survey = loadCatalog(init.surveysDir).catalog.getSurvey(init.surveyId);
if (!survey) throw new Error(`no survey "${init.surveyId}"`);
const plan = demoPlan(survey);

// One JSON string per batch: copying a string to the main thread costs far less than structured-cloning
// thousands of nested answer objects, and JSON.parse there is faster than the clone's deserialization.
parentPort?.on('message', ({ batch, indices }: { batch: number; indices: Uint32Array }) => {
  parentPort?.postMessage({ batch, json: JSON.stringify(makeBatch(plan, init.seed, indices)) });
});
