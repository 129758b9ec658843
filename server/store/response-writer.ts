// The response writer thread's side (issue 15 item 6): its own connection to the file, on which it stores the
// responses the main thread posts, with group commit (responses.ts), their counts and stored CSV lines, and the
// batch's fsync; it answers each once its batch is durable. The main thread meanwhile only reads, judges and
// replies. Started by writer-client.ts through an entry outside the store (server/response-writer-thread.ts),
// which turns the plans' sources into renderers: they are functions, and the store knows no formats.
import { createAnswerCounts } from './answer-counts';
import { openDatabase, openReadOnly } from './db';
import { createExportLines } from './export-lines';
import type { ProjectionPlans } from './interface/projection';
import { createResponseStore } from './responses';
import type { NewResponse, SubmitOutcome } from './types';
import { createWalSync } from './wal-sync';

export interface WriterSetup {
  file: string;
  batchWindowMs?: number;
  /** ProjectionPlans.sources of the plans the main connection holds. */
  sources: unknown;
}

/** A response posted for storing, numbered by the main thread; posted as JSON, a batch per turn of its loop. */
export interface Submission {
  seq: number;
  response: NewResponse;
}

/** An error as it crosses threads: SQLite's code decides the reply (503 for a storage fault). */
export interface PostedError {
  message: string;
  code?: string;
}

export type ToWriter =
  { type: 'submit'; json: string } | { type: 'plans'; seq: number; sources: unknown } | { type: 'close' };

export type Settled = { seq: number; outcome: SubmitOutcome } | { seq: number; error: PostedError };

export type FromWriter =
  { type: 'settled'; results: Settled[] } | { type: 'adopted'; seq: number } | { type: 'closed' };

/** The slice of a MessagePort used here (parentPort in the thread, a MessageChannel's port in a test). */
export interface Port {
  on(event: 'message', listener: (message: ToWriter) => void): unknown;
  postMessage(message: FromWriter): void;
  close(): void;
}

function posted(error: unknown): PostedError {
  const { message, code } = (error ?? {}) as { message?: unknown; code?: unknown };
  return {
    message: typeof message === 'string' ? message : String(error),
    ...(typeof code === 'string' && { code }),
  };
}

export function serveResponseWrites(
  port: Port,
  setup: WriterSetup,
  plansOf: (sources: unknown) => ProjectionPlans,
): void {
  const db = openDatabase(setup.file);
  const plans = plansOf(setup.sources);
  const counts = createAnswerCounts(db, plans.countPlans ?? [], () => openReadOnly(setup.file));
  const lines = createExportLines(db, plans.lineRenderers ?? []);
  const walSync = createWalSync(setup.file);
  const responses = createResponseStore(db, {
    batchWindowMs: setup.batchWindowMs,
    durable: walSync.sync,
    projections: [counts.projection, lines.projection],
  });
  let replies: Settled[] = [];
  let inFlight = 0;
  let closing = false;

  // One message per turn of this thread's loop: a batch's promises settle together, after its fsync.
  function reply(settled: Settled): void {
    if (replies.length === 0) setImmediate(sendReplies);
    replies.push(settled);
    inFlight--;
    if (closing && inFlight === 0) setImmediate(close);
  }
  function sendReplies(): void {
    if (replies.length === 0) return;
    port.postMessage({ type: 'settled', results: replies });
    replies = [];
  }

  function close(): void {
    // Answers settled in this very turn go first: after `closed` the main thread stops listening.
    sendReplies();
    walSync.close();
    db.close();
    port.postMessage({ type: 'closed' });
    port.close();
  }

  port.on('message', (message) => {
    switch (message.type) {
      case 'submit':
        for (const { seq, response } of JSON.parse(message.json) as Submission[]) {
          inFlight++;
          responses.submitResponse(response).then(
            (outcome) => reply({ seq, outcome }),
            (error: unknown) => reply({ seq, error: posted(error) }),
          );
        }
        return;
      case 'plans': {
        const next = plansOf(message.sources);
        counts.adoptPlans(next.countPlans ?? []);
        lines.follow(next.lineRenderers ?? []);
        port.postMessage({ type: 'adopted', seq: message.seq });
        return;
      }
      case 'close':
        // Writes what is queued now; the thread closes once their fsync has answered them.
        closing = true;
        responses.flushPendingWrites();
        if (inFlight === 0) close();
    }
  });
}
