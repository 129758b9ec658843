// Entry of an export worker thread (see parallel.ts): the JSON.parse of each stored answer and the flattening are
// most of an export's CPU, and these threads put the second core to work on them: CSV lines, or the workbook's
// data sheet rows (xlsx-batch.ts).
import { parentPort } from 'node:worker_threads';
import { csvDialect, csvLineBuilder } from './csv';
import { flattenBatch, ownBytes, type FromWorker, type ToWorker } from './flatten-batch';
import { sheetBatchWriter, type SheetBytes } from './xlsx-batch';

const port = parentPort;
if (!port) throw new Error('flatten-thread.ts runs as a worker thread only');

type Work = Extract<ToWorker, { type: 'batch' } | { type: 'write' }>;
/** What a job does with a batch or a write order: its reply. */
type Job = (message: Work) => FromWorker;

const jobs = new Map<number, Job>();

function bytesReply(job: number, seq: number, { bytes, rows }: SheetBytes): FromWorker {
  return { type: 'bytes', job, seq, bytes: ownBytes(bytes), length: bytes.length, rows };
}

function startJob(message: Extract<ToWorker, { type: 'job' }>): Job {
  const { plan, labels, excludeFlagged, output } = message;
  const fastBelow = new Map(message.fastBelow);
  if (output.type === 'csv') {
    const build = csvLineBuilder(plan, {
      labels,
      dialect: csvDialect(output.sep),
      fastBelow,
      excludeFlagged,
    });
    return (m) => {
      if (m.type !== 'batch') throw new Error('a CSV job has no write orders');
      const { bytes, count } = flattenBatch(build, m.rows);
      return { type: 'bytes', job: m.job, seq: m.seq, bytes, length: bytes.byteLength, rows: count };
    };
  }
  const sheet = sheetBatchWriter(plan, { labels, fastBelow, excludeFlagged, kinds: output.kinds });
  return (m) => {
    if (m.type === 'write') return bytesReply(m.job, m.seq, sheet.writeHeld(m.seq, m.firstRow));
    if (m.firstRow !== undefined) return bytesReply(m.job, m.seq, sheet.write(m.rows, m.firstRow));
    return { type: 'counted', job: m.job, seq: m.seq, rows: sheet.hold(m.seq, m.rows) };
  };
}

port.on('message', (message: ToWorker) => {
  if (message.type === 'job') return void jobs.set(message.job, startJob(message));
  if (message.type === 'end') return void jobs.delete(message.job);
  const job = jobs.get(message.job);
  if (!job) return; // the export was cancelled while this batch travelled
  try {
    const reply = job(message);
    port.postMessage(reply, reply.type === 'bytes' ? [reply.bytes] : []);
  } catch (error) {
    port.postMessage({
      type: 'error',
      job: message.job,
      message: (error as Error).message,
    } satisfies FromWorker);
  }
});
