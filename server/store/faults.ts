// Test-only fault injection: makes a live store's own connection fail writes the way a full disk (SQLITE_FULL) or a
// read-only database file (SQLITE_READONLY) does, and heals it again. Nothing in server/ imports this file, so no
// request can reach it; the storage-fault tests call it on the store a test server runs on.
import type { Db } from './db';

export type StorageFault = 'full' | 'read-only';

/**
 * 'full' caps the file at its current page count (`PRAGMA max_page_count`): any write that needs one more page fails
 * with SQLITE_FULL, which SQLite may answer by rolling back the whole open transaction, as on a real full disk.
 * Tests write answers longer than a page so that the write cannot fit into free space of existing pages.
 * 'read-only' sets `PRAGMA query_only`: every write fails with SQLITE_READONLY, reads keep working.
 * Both pragmas belong to this connection only and are not stored in the file. Returns the function that heals.
 */
export function injectStorageFault(db: Db, fault: StorageFault): () => void {
  if (fault === 'read-only') {
    db.pragma('query_only = 1');
    return () => db.pragma('query_only = 0');
  }
  const previous = db.pragma('max_page_count', { simple: true }) as number;
  const pages = db.pragma('page_count', { simple: true }) as number;
  db.pragma(`max_page_count = ${pages}`);
  return () => db.pragma(`max_page_count = ${previous}`);
}
