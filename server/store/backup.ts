// A consistent copy of the live database file while the server keeps writing, with SQLite's online backup API,
// and the check of that copy. SQLite-specific on purpose (a PostgreSQL deployment would use pg_dump), so this sits
// beside the Store interface rather than in it. Files, names and messages are the CLI's business.
import Database from 'better-sqlite3';

export interface BackupProgress {
  totalPages: number;
  remainingPages: number;
  pageSize: number;
}

export interface CopyReport {
  /** Responses in the snapshot that was copied. */
  responses: number;
  pages: number;
  pageSize: number;
}

export interface CopyCheck {
  /** `PRAGMA integrity_check`'s lines: exactly `['ok']` when the copy is sound. */
  integrity: string[];
  responses: number;
  bytes: number;
}

/** 8 MiB per step: a step holds no lock the server waits for, and progress moves several times a second. */
const STEP_BYTES = 8 * 1024 * 1024;

/**
 * Copies `sourceFile` page by page (rowids and all, which other tables and the stored CSV lines refer to; VACUUM INTO
 * would rebuild the tables instead) into `destinationFile`, which should not exist yet.
 *
 * The copy is one snapshot: a read transaction is held on the source for the whole copy. Without it SQLite restarts
 * the backup from page 1 whenever another connection commits between two steps, which on a server taking answers
 * means it never finishes. In WAL mode the open reader does not block the server's writes; the WAL only grows until
 * the copy is done. `interrupted` is asked between steps (Ctrl-C); when it says yes the copy stops with an error.
 */
export async function copyDatabase(
  sourceFile: string,
  destinationFile: string,
  options: {
    onProgress?: (progress: BackupProgress) => void;
    stepPages?: number;
    interrupted?: () => boolean;
  } = {},
): Promise<CopyReport> {
  // Read-only: a backup never writes to the database it saves.
  const source = new Database(sourceFile, { readonly: true, fileMustExist: true });
  try {
    // WAL recovery after a crash briefly holds a lock; wait for it as the server's own connections do.
    source.pragma('busy_timeout = 5000');
    const pageSize = source.pragma('page_size', { simple: true }) as number;
    const stepPages = options.stepPages ?? Math.max(1, Math.floor(STEP_BYTES / pageSize));
    source.exec('BEGIN');
    try {
      // The first read starts the snapshot, so this count is exactly what the copy holds.
      const responses = source.prepare('SELECT count(*) FROM responses').pluck().get() as number;
      const done = await source.backup(destinationFile, {
        progress: ({ totalPages, remainingPages }) => {
          if (options.interrupted?.()) throw new Error('interrupted');
          options.onProgress?.({ totalPages, remainingPages, pageSize });
          return stepPages;
        },
      });
      return { responses, pages: done.totalPages, pageSize };
    } finally {
      source.exec('COMMIT');
    }
  } finally {
    source.close();
  }
}

/**
 * Makes the copy one self-contained file and checks it. The copy carries the source's WAL flag; switched to a
 * rollback journal it can be opened read-only anywhere without leaving -wal and -shm files beside it (the server
 * turns WAL back on when it opens a restored file). Then, read-only, the full `PRAGMA integrity_check` (every page,
 * every index against its table; quick_check would skip the index comparison) and the number of responses.
 */
export function checkCopy(file: string): CopyCheck {
  const writable = new Database(file, { fileMustExist: true });
  try {
    writable.pragma('journal_mode = DELETE');
  } finally {
    writable.close();
  }
  const copy = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const integrity = copy.pragma('integrity_check', { simple: false }) as { integrity_check: string }[];
    const responses = copy.prepare('SELECT count(*) FROM responses').pluck().get() as number;
    const pages = copy.pragma('page_count', { simple: true }) as number;
    const pageSize = copy.pragma('page_size', { simple: true }) as number;
    return { integrity: integrity.map((r) => r.integrity_check), responses, bytes: pages * pageSize };
  } finally {
    copy.close();
  }
}
