// Group commit: writes that arrive close together share one transaction, so one fsync serves many requests.
// Each write runs in its own savepoint, so one write's failure (a clash, a constraint) never fails its
// batch-mates; every promise settles only after the batch's COMMIT has returned, i.e. after the fsync.
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
  { windowMs = 0, maxBatch = 500 }: { windowMs?: number; maxBatch?: number } = {},
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
      })();
    } catch (error) {
      // The COMMIT itself failed (disk full, read-only file), or SQLite rolled the batch back: nothing of it is stored.
      for (const p of batch) p.reject(error);
      return;
    }
    batch.forEach((p, i) => {
      const outcome = settled[i];
      if (outcome?.ok) p.resolve(outcome.value);
      else p.reject(outcome?.error);
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
