// Opens the SQLite file with the pragmas every connection needs; the one place they are set.
import Database from 'better-sqlite3';

export type Db = Database.Database;

export function openDatabase(file: string): Db {
  const db = new Database(file);
  // WAL: readers (exports, charts) never block the writer that stores responses.
  db.pragma('journal_mode = WAL');
  // FULL: the WAL is fsynced at every commit, so a 201 survives a power cut (group commit pays one fsync per batch).
  db.pragma('synchronous = FULL');
  // The schema's REFERENCES are enforced, e.g. a response's briefing must exist.
  db.pragma('foreign_keys = ON');
  // A CLI writing beside the server (demo, recount) waits for the lock instead of failing at once.
  db.pragma('busy_timeout = 5000');
  return immediateTransactions(db);
}

/**
 * Makes `db.transaction(fn)` begin IMMEDIATE, i.e. take the write lock at BEGIN, where busy_timeout waits for it.
 * Two connections write this file (the response writer thread's and this one; a CLI beside the server): a DEFERRED
 * transaction that has read and then writes while the other holds the lock, or has committed since, gets
 * SQLITE_BUSY at once, because waiting could deadlock. Every store transaction writes; a read that wants one
 * snapshot asks for `.deferred` (count-cache.ts). Nested calls are savepoints as before.
 */
function immediateTransactions(db: Db): Db {
  const deferredFirst = db.transaction.bind(db);
  db.transaction = ((fn: Parameters<Db['transaction']>[0]) =>
    deferredFirst(fn).immediate) as Db['transaction'];
  return db;
}

/**
 * A read-only connection for one long sequential read (an export, a question-by-question table). Each page is read
 * once, so SQLite's page cache (16 MB per connection as better-sqlite3 builds it) would only hold memory: 2 MB.
 */
export function openReadOnly(file: string): Db {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  db.pragma('cache_size = -2048');
  return db;
}
