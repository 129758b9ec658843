// Group commit on PostgreSQL: writes that arrive while a batch is committing wait, and then go together in the next
// transaction, so one WAL flush serves many requests. One batch is in flight per store at a time (it is also what
// keeps this store's count shard free of races, shard.ts). `writeBatch` settles each item on its own (a clash or a
// refused write never fails its batch-mates); the promises settle only after COMMIT has returned.
import { inTransaction, type Pool, type PoolClient } from './pool';

/** Each item's own outcome: a value, or the error that concerns that item alone. */
export type Settled<R> = { ok: true; value: R } | { ok: false; error: unknown };

interface Pending<T, R> {
  item: T;
  resolve: (result: R) => void;
  reject: (error: unknown) => void;
}

export interface GroupCommitter<T, R> {
  submit(item: T): Promise<R>;
  /** Runs `work` alone in the queue's order (bulk inserts, recounts), in a transaction of its own. */
  exclusive<X>(work: (client: PoolClient) => Promise<X>): Promise<X>;
  /** Resolves when nothing is queued or committing (shutdown). */
  drain(): Promise<void>;
}

export function createGroupCommitter<T, R>(
  pool: Pool,
  writeBatch: (client: PoolClient, items: readonly T[]) => Promise<Settled<R>[]>,
  { maxBatch = 500 }: { maxBatch?: number } = {},
): GroupCommitter<T, R> {
  let queue: Pending<T, R>[] = [];
  // Jobs run one after another: a batch of writes or an exclusive piece of work.
  let tail: Promise<void> = Promise.resolve();
  let batchScheduled = false;

  async function commitQueued(): Promise<void> {
    batchScheduled = false;
    while (queue.length > 0) {
      const batch = queue.slice(0, maxBatch);
      queue = queue.slice(maxBatch);
      let settled: Settled<R>[];
      try {
        settled = await inTransaction(pool, (client) =>
          writeBatch(
            client,
            batch.map((p) => p.item),
          ),
        );
      } catch (error) {
        // The transaction or its COMMIT failed: nothing of the batch is stored, and every write says so.
        for (const p of batch) p.reject(error);
        continue;
      }
      batch.forEach((p, i) => {
        const outcome = settled[i]!;
        if (outcome.ok) p.resolve(outcome.value);
        else p.reject(outcome.error);
      });
    }
  }

  function enqueue<X>(job: () => Promise<X>): Promise<X> {
    const result = tail.then(job);
    tail = result.then(
      () => {},
      () => {},
    );
    return result;
  }

  return {
    submit(item) {
      return new Promise<R>((resolve, reject) => {
        queue.push({ item, resolve, reject });
        // What arrives while the previous job commits joins this batch: that is the group.
        if (!batchScheduled) {
          batchScheduled = true;
          void enqueue(commitQueued);
        }
      });
    },
    exclusive(work) {
      return enqueue(() => inTransaction(pool, work));
    },
    drain: () => tail,
  };
}
