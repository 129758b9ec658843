// The group commit's fsync, off the event loop. With synchronous=FULL, better-sqlite3's COMMIT fsyncs the WAL on the
// thread that also parses and judges requests, so nothing else runs while the disk works. Instead the batch commits
// with synchronous=NORMAL (the WAL is written, not synced) and its promises wait for an fdatasync of the WAL file run
// by libuv's thread pool: a reply still leaves only after its frames are on disk, and meanwhile the event loop reads
// and judges the next batch. fdatasync acts on the file, not the descriptor, so our own one covers SQLite's writes.
import { closeSync, fdatasync, fdatasyncSync, fsyncSync, openSync } from 'node:fs';
import { dirname } from 'node:path';

interface Waiter {
  resolve: () => void;
  reject: (error: unknown) => void;
}

export interface WalSync {
  /** Resolves after an fdatasync of the WAL that started after this call, i.e. covers every commit before it. */
  sync(): Promise<void>;
  /** Syncs now, on this thread, settles every waiter and lets go of the file (store close). */
  close(): void;
}

/** An fsync failure as a storage fault (SQLite's own name for it), so that the client hears 503 and retries. */
function syncFault(error: NodeJS.ErrnoException): Error {
  return Object.assign(new Error(`fdatasync of the WAL failed: ${error.code ?? error.message}`), {
    code: 'SQLITE_IOERR_FSYNC',
    cause: error,
  });
}

/** @param file the database file (in WAL mode, open: its `-wal` exists while a connection is open). */
export function createWalSync(file: string): WalSync {
  let fd: number | undefined;
  let running = false;
  let closed = false;
  let queued: Waiter[] = [];

  function descriptor(): number {
    if (fd === undefined) {
      fd = openSync(`${file}-wal`, 'r');
      // The WAL's directory entry must be durable too: SQLite syncs the directory at the WAL's first sync, which
      // with NORMAL may not come before the first checkpoint.
      const dir = openSync(dirname(file), 'r');
      try {
        fsyncSync(dir);
      } finally {
        closeSync(dir);
      }
    }
    return fd;
  }

  function start(): void {
    const batch = queued;
    queued = [];
    running = true;
    let handle: number;
    try {
      handle = descriptor();
    } catch (error) {
      running = false;
      for (const w of batch) w.reject(syncFault(error as NodeJS.ErrnoException));
      return;
    }
    fdatasync(handle, (error) => {
      running = false;
      for (const w of batch) {
        if (error) w.reject(syncFault(error));
        else w.resolve();
      }
      if (closed) release();
      else if (queued.length > 0) start();
    });
  }

  function release(): void {
    if (fd === undefined) return;
    // Closed now, not on the pool: a writer thread terminated right after its store closed would otherwise leave
    // the WAL open until the process ends (a full-disk test could not unmount its file system).
    closeSync(fd);
    fd = undefined;
  }

  return {
    sync() {
      if (closed) return Promise.reject(new Error('the store is closed'));
      return new Promise<void>((resolve, reject) => {
        queued.push({ resolve, reject });
        // One fdatasync at a time: commits made while one runs share the next.
        if (!running) start();
      });
    },
    close() {
      if (closed) return;
      closed = true;
      const batch = queued;
      queued = [];
      if (batch.length > 0) {
        try {
          fdatasyncSync(descriptor());
          for (const w of batch) w.resolve();
        } catch (error) {
          for (const w of batch) w.reject(syncFault(error as NodeJS.ErrnoException));
        }
      }
      // An fdatasync still running on the pool keeps the descriptor until it returns.
      if (!running) release();
    },
  };
}
