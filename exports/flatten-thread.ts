// Entry of a flattening worker thread (see parallel.ts): the JSON.parse of each stored answer is most of an
// export's CPU, and these threads put the second core to work on it.
import { parentPort } from 'node:worker_threads';
import type { ExportRow } from '../server/store';
import { csvDialect, csvLineBuilder } from './csv';
import { flattenBatch, type FromWorker, type ToWorker } from './flatten-batch';

const port = parentPort;
if (!port) throw new Error('flatten-thread.ts runs as a worker thread only');
const jobs = new Map<number, (row: ExportRow) => string | null>();
port.on('message', (message: ToWorker) => {
  if (message.type === 'job') {
    const { plan, labels, sep, fastBelow, excludeFlagged } = message;
    jobs.set(
      message.job,
      csvLineBuilder(plan, {
        labels,
        dialect: csvDialect(sep),
        fastBelow: new Map(fastBelow),
        excludeFlagged,
      }),
    );
  } else if (message.type === 'end') jobs.delete(message.job);
  else {
    const build = jobs.get(message.job);
    if (!build) return; // the export was cancelled while this batch travelled
    try {
      const { bytes, count } = flattenBatch(build, message.rows);
      port.postMessage(
        { type: 'csv', job: message.job, seq: message.seq, bytes, rows: count } satisfies FromWorker,
        [bytes],
      );
    } catch (error) {
      port.postMessage({
        type: 'error',
        job: message.job,
        message: (error as Error).message,
      } satisfies FromWorker);
    }
  }
});
