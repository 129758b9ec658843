// Group commit: writes that arrive close together share one transaction, so one fsync serves many requests.
// Each write runs in its own savepoint, so one write's failure (a clash, a constraint) never fails its
// batch-mates; every promise settles only after the batch's COMMIT is on disk: after COMMIT's own fsync, or with
// `durable` (wal-sync.ts) after an fsync off the event loop that started once COMMIT had returned.
import type { Db } from './db';

interface Pending<T, R> {
  item: T;
  resolve: (result: R) => void;
  reject: (error: unknown) => void;
}

export interface GroupCommitter<T, R> {
  submit(item: T): Promise<R>;
  /** Writes what is queued now; used at shutdown. */
  flush(): void;
}

/**
 * @param windowMs how long the first write of a batch waits for company; 0 batches what arrived in the same
 *   turn of the event loop (while the previous fsync blocked it, requests piled up: that is the batch).
 */
export function createGroupCommitter<T, R>(
  db: Db,
  write: (item: T) => R,
  {
    windowMs = 0,
    maxBatch = 500,
    durable,
    beforeCommit,
  }: {
    windowMs?: number;
    maxBatch?: number;
    /**
     * Makes what has been committed durable (an fsync of the WAL on libuv's pool). When given, batches commit with
     * synchronous=NORMAL, so COMMIT does not fsync on this thread, and settle only once this resolves.
     */
    durable?: () => Promise<void>;
    /** Runs in the batch's transaction after every write, with the values of those that succeeded. */
    beforeCommit?: (values: R[]) => void;
  } = {},
): GroupCommitter<T, R> {
  let queue: Pending<T, R>[] = [];
  let scheduled = false;
  const writeInSavepoint = db.transaction(write);

  function flush(): void {
    scheduled = false;
    while (queue.length > 0) {
      const batch = queue.slice(0, maxBatch);
      queue = queue.slice(maxBatch);
      commitBatch(batch);
    }
  }

  function commitBatch(batch: Pending<T, R>[]): void {
    const settled: ({ ok: true; value: R } | { ok: false; error: unknown })[] = [];
    // Only this transaction skips COMMIT's fsync: every other write on the connection keeps the level db.ts set.
    const level = durable ? (db.pragma('synchronous', { simple: true }) as number) : undefined;
    if (durable) db.pragma('synchronous = NORMAL');
    try {
      db.transaction(() => {
        for (const p of batch) {
          try {
            settled.push({ ok: true, value: writeInSavepoint(p.item) });
          } catch (error) {
            // On SQLITE_FULL, IOERR, NOMEM or BUSY SQLite may roll back the whole transaction, not just the savepoint:
            // the batch-mates written so far are gone, and the next write would run (and commit) outside any batch.
            // Give up on the batch, so that every write of it fails with this error and none is half-acknowledged.
            if (!db.inTransaction) throw error;
            settled.push({ ok: false, error });
          }
        }
        beforeCommit?.(settled.flatMap((s) => (s.ok ? [s.value] : [])));
      })();
    } catch (error) {
      // The COMMIT itself failed (disk full, read-only file), or SQLite rolled the batch back: nothing of it is stored.
      for (const p of batch) p.reject(error);
      return;
    } finally {
      if (durable) db.pragma(`synchronous = ${level}`);
    }
    const settle = () =>
      batch.forEach((p, i) => {
        const outcome = settled[i];
        if (outcome?.ok) p.resolve(outcome.value);
        else p.reject(outcome?.error);
      });
    if (!durable) return settle();
    // A failed fsync leaves the batch committed but perhaps not on disk: every write of it hears the fault (503), and
    // a retry finds its response stored (200) once a later fsync succeeded.
    durable().then(settle, (error: unknown) => {
      for (const p of batch) p.reject(error);
    });
  }

  return {
    submit(item) {
      return new Promise<R>((resolve, reject) => {
        queue.push({ item, resolve, reject });
        if (!scheduled) {
          scheduled = true;
          if (windowMs > 0) setTimeout(flush, windowMs);
          else setImmediate(flush);
        }
      });
    },
    flush,
  };
}
