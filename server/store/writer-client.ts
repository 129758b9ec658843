// The main thread's side of the response writer thread (response-writer.ts): submitResponse posts the response and
// settles when the thread answers, i.e. after its batch's fsync. The responses judged in one turn of the event loop
// go as one message of JSON (cheaper to make than a structured clone of their answers, and the thread needed the
// JSON text anyway). A thread that dies fails what it held with a storage fault (503: the client sends again, and
// the idempotent write stores it once) and is started again by the next submission.
import { Worker } from 'node:worker_threads';
import type { FromWriter, PostedError, Submission, ToWriter, WriterSetup } from './response-writer';
import type { SubmitOutcome } from './types';

export interface ResponseWriter {
  submitResponse(response: Submission['response']): Promise<SubmitOutcome>;
  /**
   * New plans' sources (a version published while serving): resolves once the thread has built its plans from them
   * (at start-up: once it is up, so that the first responses do not wait for it).
   */
  adopt(sources: unknown): Promise<void>;
  /** Waits until every submission is answered, then stops the thread (its connection closed). */
  close(): Promise<void>;
}

interface Waiting {
  resolve: (outcome: SubmitOutcome) => void;
  reject: (error: unknown) => void;
}

const asError = ({ message, code }: PostedError): Error =>
  Object.assign(new Error(message), code === undefined ? {} : { code });

/**
 * Running from source (tsx), loader hooks do not reach worker threads: the thread registers tsx itself first, as
 * the export threads do (exports/worker-pool.ts).
 */
function startThread(entry: URL, workerData: WriterSetup): Worker {
  if (!entry.pathname.endsWith('.ts')) return new Worker(entry, { workerData });
  const tsx = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  return new Worker(
    `import(${tsx}).then((m) => { m.register(); return import(${JSON.stringify(entry.href)}); })`,
    { eval: true, workerData },
  );
}

export function startResponseWriter(entry: URL, setup: WriterSetup): ResponseWriter {
  let sources = setup.sources;
  const waiting = new Map<number, Waiting>();
  let outbox: Submission[] = [];
  let nextSeq = 1;
  let thread: Worker | undefined;
  let closed: Promise<void> | undefined;
  const adopting = new Map<number, () => void>();
  // Idle, the thread does not keep a CLI or a test alive; while it holds responses or plans, it does.
  const idle = () => waiting.size === 0 && adopting.size === 0;

  function failAll(error: Error): void {
    const held = [...waiting.values()];
    waiting.clear();
    for (const w of held) w.reject(error);
  }

  function start(): Worker {
    const worker = startThread(entry, { ...setup, sources });
    worker.on('message', (message: FromWriter) => {
      if (message.type === 'adopted') adopting.get(message.seq)?.();
      if (message.type !== 'settled') return;
      for (const r of message.results) {
        const w = waiting.get(r.seq);
        waiting.delete(r.seq);
        if ('outcome' in r) w?.resolve(r.outcome);
        else w?.reject(asError(r.error));
      }
      if (idle()) worker.unref();
    });
    const died = (error: Error) => {
      if (thread !== worker) return;
      thread = undefined;
      failAll(Object.assign(error, { code: 'SQLITE_IOERR_WRITER_THREAD' }));
    };
    worker.on('error', died);
    worker.on('exit', (code) => died(new Error(`the response writer thread exited with code ${code}`)));
    worker.unref();
    return worker;
  }
  thread = start();

  function post(): void {
    const batch = outbox;
    outbox = [];
    if (batch.length === 0) return;
    thread ??= start();
    thread.ref();
    thread.postMessage({ type: 'submit', json: JSON.stringify(batch) } satisfies ToWriter);
  }

  return {
    submitResponse(response) {
      if (closed) return Promise.reject(new Error('the store is closed'));
      return new Promise<SubmitOutcome>((resolve, reject) => {
        const seq = nextSeq++;
        waiting.set(seq, { resolve, reject });
        if (outbox.length === 0) setImmediate(post);
        outbox.push({ seq, response });
      });
    },
    adopt(next) {
      sources = next;
      // A thread started later is started with these sources.
      if (!thread) return Promise.resolve();
      const seq = nextSeq++;
      const worker = thread;
      worker.ref();
      return new Promise<void>((resolve) => {
        // A thread that dies meanwhile is started again, with these sources, by the next submission.
        const done = () => {
          adopting.delete(seq);
          worker.off('exit', done);
          if (idle()) worker.unref();
          resolve();
        };
        adopting.set(seq, done);
        worker.once('exit', done);
        worker.postMessage({ type: 'plans', seq, sources: next } satisfies ToWriter);
      });
    },
    close() {
      closed ??= new Promise<void>((resolve) => {
        post();
        const worker = thread;
        if (!worker) return resolve();
        thread = undefined;
        worker.ref();
        worker.on('message', (m: FromWriter) => {
          if (m.type === 'closed') void worker.terminate().then(() => resolve());
        });
        worker.once('exit', () => {
          failAll(
            Object.assign(new Error('the response writer thread stopped'), {
              code: 'SQLITE_IOERR_WRITER_THREAD',
            }),
          );
          resolve();
        });
        worker.postMessage({ type: 'close' } satisfies ToWriter);
      });
      return closed;
    },
  };
}
