// Tests that look into or change the database behind a store open its file themselves, with a connection of their
// own beside the store's (WAL lets both work): the Store interface carries no connection and no member only tests
// use. Writes here bypass the store on purpose (to stage a stale line, a lost migration record, a broken count).
import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATABASE_FILE } from '../../server/boot';
import type { ResponseFilter, StoredResponse } from '../../server/store';
import { toResponse, type ResponseRow } from '../../server/store/response-row';
import { whereClause } from '../../server/store/where';

/** The database file of a server's data folder. */
export const databaseFileIn = (dataDir: string) => join(dataDir, DATABASE_FILE);

/** A connection of the test's own to `file` (waits for the store's write lock as the CLI does). */
export function openDatabaseFile(file: string): Database.Database {
  const db = new Database(file, { fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  return db;
}

/** Runs `use` on a connection to `file` and closes it. */
export function withDatabaseFile<T>(file: string, use: (db: Database.Database) => T): T {
  const db = openDatabaseFile(file);
  try {
    return use(db);
  } finally {
    db.close();
  }
}

/** The stored responses that match `filter`, in submission order (then id); the first `limit` when given. */
export function storedResponses(file: string, filter: ResponseFilter, limit = -1): StoredResponse[] {
  const { sql, params } = whereClause(filter);
  const rows = withDatabaseFile(
    file,
    (db) =>
      db
        .prepare(`SELECT * FROM responses WHERE ${sql} ORDER BY submitted_at, id LIMIT @limit`)
        .all({ ...params, limit }) as ResponseRow[],
  );
  return rows.map(toResponse);
}

/** How many stored responses match `filter`. */
export function countStoredResponses(file: string, filter: ResponseFilter): number {
  const { sql, params } = whereClause(filter);
  return withDatabaseFile(
    file,
    (db) => db.prepare(`SELECT count(*) FROM responses WHERE ${sql}`).pluck().get(params) as number,
  );
}

/**
 * The committed transactions in `file`'s WAL now: a commit frame's header holds the database size after it (other
 * frames hold 0). Frames count only while their salts match the WAL header's: after a checkpoint the WAL restarts
 * with new salts and older frames left behind are not part of it. Read while the store is open (closing the last
 * connection checkpoints the WAL away). `salt` tells a caller comparing two readings whether the WAL restarted between.
 */
export function walCommits(file: string): { salt: string; commits: number } {
  const wal = readFileSync(`${file}-wal`);
  const pageSize = wal.readUInt32BE(8);
  const salt = wal.subarray(16, 24);
  let commits = 0;
  for (let at = 32; at + 24 + pageSize <= wal.length; at += 24 + pageSize) {
    if (!wal.subarray(at + 8, at + 16).equals(salt)) break;
    if (wal.readUInt32BE(at + 4) !== 0) commits++;
  }
  return { salt: salt.toString('hex'), commits };
}
