// Group commit on PostgreSQL: writes that arrive while the batches in flight commit wait, and then go together in the
// next transaction, so one WAL flush serves many requests. Up to `slots` batches are in flight at once, each in a slot
// of its own (the slot names the count shard the batch adds to, shard.ts: one transaction at a time per shard keeps
// its rows free of races); a second batch does its statements while the first one waits for its round trips and its
// COMMIT's WAL flush, each of which on a loaded machine is mostly waiting for the scheduler (issue 15 item 6). `writeBatch` settles each item on its own
// (a clash or a refused write never fails its batch-mates); the promises settle only after COMMIT has returned.
import { inTransaction, type Pool, type PoolClient } from './pool';

/** Each item's own outcome: a value, or the error that concerns that item alone. */
export type Settled<R> = { ok: true; value: R } | { ok: false; error: unknown };

interface Pending<T, R> {
  item: T;
  resolve: (result: R) => void;
  reject: (error: unknown) => void;
}

/** What waits its turn: a write (gathered into a batch with its neighbours) or an exclusive piece of work. */
type Entry<T, R> = { write: Pending<T, R> } | { alone: () => Promise<void> };

export interface GroupCommitter<T, R> {
  submit(item: T): Promise<R>;
  /** Runs `work` alone in the queue's order (bulk inserts, recounts, reviews), in a transaction of its own. */
  exclusive<X>(work: (client: PoolClient) => Promise<X>): Promise<X>;
  /** Resolves when nothing is queued or committing (shutdown). */
  drain(): Promise<void>;
}

export function createGroupCommitter<T, R>(
  pool: Pool,
  writeBatch: (client: PoolClient, items: readonly T[], slot: number) => Promise<Settled<R>[]>,
  {
    maxBatch = 500,
    begin = 'BEGIN',
    slots = 1,
  }: {
    maxBatch?: number;
    /** What starts a batch's transaction: BEGIN and whatever else the batch always needs first, in one round trip. */
    begin?: string;
    /** Batches in flight at most. */
    slots?: number;
  } = {},
): GroupCommitter<T, R> {
  const queue: Entry<T, R>[] = [];
  const free = Array.from({ length: slots }, (_, i) => i);
  let aloneRunning = false;
  let idle: (() => void)[] = [];
  let scheduled = false;
  /**
   * A batch is doing its statements (from taking its connection to its COMMIT). One at a time: the next one starts
   * when this one's COMMIT is sent, with everything that arrived meanwhile. Two batches doing statements side by side
   * had each taken half the queue: twice the count rows written and the round trips for the same responses.
   */
  let writing = false;

  /** Pumps once the current task's other writes are queued too: writes of one tick share a batch. */
  function schedule(): void {
    if (scheduled) return;
    scheduled = true;
    queueMicrotask(() => {
      scheduled = false;
      pump();
    });
  }

  async function commit(batch: Pending<T, R>[], slot: number): Promise<void> {
    let statementsDone = false;
    // Its statements are done, its COMMIT goes next: the next batch may start. Also when it never got to them (no
    // connection, BEGIN failed), or the queue would wait for ever.
    const doneWriting = () => {
      if (statementsDone) return;
      statementsDone = true;
      writing = false;
      schedule();
    };
    let settled: Settled<R>[];
    try {
      settled = await inTransaction(
        pool,
        async (client) => {
          try {
            return await writeBatch(
              client,
              batch.map((p) => p.item),
              slot,
            );
          } finally {
            doneWriting();
          }
        },
        begin,
      );
    } catch (error) {
      // The transaction or its COMMIT failed: nothing of the batch is stored, and every write says so.
      for (const p of batch) p.reject(error);
      return;
    } finally {
      doneWriting();
    }
    batch.forEach((p, i) => {
      const outcome = settled[i]!;
      if (outcome.ok) p.resolve(outcome.value);
      else p.reject(outcome.error);
    });
  }

  /** Starts what may start: batches while a slot is free, an exclusive job once nothing else is in flight. */
  function pump(): void {
    while (!aloneRunning && queue.length > 0) {
      const head = queue[0]!;
      if ('alone' in head) {
        // Writes queued before it commit first; writes queued after it wait for it.
        if (free.length < slots) return;
        queue.shift();
        aloneRunning = true;
        void head.alone().finally(() => {
          aloneRunning = false;
          pump();
        });
        return;
      }
      if (writing) return;
      const slot = free.shift();
      if (slot === undefined) return;
      writing = true;
      const batch: Pending<T, R>[] = [];
      while (batch.length < maxBatch && queue[0] !== undefined && 'write' in queue[0])
        batch.push((queue.shift() as { write: Pending<T, R> }).write);
      void commit(batch, slot).finally(() => {
        free.push(slot);
        pump();
      });
    }
    if (!aloneRunning && queue.length === 0 && free.length === slots) {
      const waiting = idle;
      idle = [];
      for (const done of waiting) done();
    }
  }

  return {
    submit(item) {
      return new Promise<R>((resolve, reject) => {
        queue.push({ write: { item, resolve, reject } });
        schedule();
      });
    },
    exclusive(work) {
      return new Promise((resolve, reject) => {
        queue.push({ alone: () => inTransaction(pool, work).then(resolve, reject) });
        schedule();
      });
    },
    drain() {
      if (!aloneRunning && queue.length === 0 && free.length === slots) return Promise.resolve();
      return new Promise((done) => idle.push(done));
    },
  };
}
