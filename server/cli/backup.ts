// `backup <file> [--force]`: a consistent copy of DATA_DIR's database while the server runs, written to
// `<file>.partial`, checked with PRAGMA integrity_check, and only then renamed to `<file>`: a file with the name
// asked for is always a whole, checked backup. Exit 0 done, 2 bad usage, 1 failed (nothing left behind).
import {
  closeSync,
  existsSync,
  fsyncSync,
  openSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DATABASE_FILE } from '../boot';
import { cliConfig } from './open';
import { checkCopy, copyDatabase, type BackupProgress } from '../store/backup';

export const USAGE = `usage: backup <file> [--force]

  Copies DATA_DIR's database to <file> while the server keeps running, then checks the copy
  (PRAGMA integrity_check) and prints its responses, size and time.
  --force   replace <file> if it exists (the old file stays until the new copy is whole and checked)

  To restore: stop the server, delete ${DATABASE_FILE}-wal and ${DATABASE_FILE}-shm in DATA_DIR if present,
  copy <file> to DATA_DIR/${DATABASE_FILE}, start the server.`;

/** Files SQLite keeps beside a database; a stale one next to a new file would be read as part of it. */
const SIDECARS = ['-journal', '-wal', '-shm'];

class BackupFailure extends Error {}

function megabytes(bytes: number): string {
  return `${(bytes / 1e6).toLocaleString('en', { maximumFractionDigits: 1, minimumFractionDigits: 1 })} MB`;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** The same file even when reached through a symlink or `..`; the file itself may not exist yet. */
function samePath(a: string, b: string): boolean {
  const real = (p: string) => {
    try {
      return realpathSync(p);
    } catch {
      return join(existsSync(dirname(p)) ? realpathSync(dirname(p)) : dirname(p), basename(p));
    }
  };
  return real(a) === real(b);
}

/** Removes a file and its SQLite sidecars; a path that cannot exist (a folder that is a file) has none to remove. */
function removeWithSidecars(file: string, suffixes = ['', ...SIDECARS]): void {
  for (const suffix of suffixes) {
    try {
      rmSync(`${file}${suffix}`, { force: true });
    } catch (error) {
      if ((error as { code?: unknown }).code !== 'ENOTDIR') throw error;
    }
  }
}

/** Redraws one line on a terminal (at most every 100 ms); in a log, a line every 5 s for a long copy. */
function progressLine(stream: NodeJS.WriteStream = process.stderr): {
  update(p: BackupProgress): void;
  end(): void;
} {
  const started = performance.now();
  let drawn = started;
  let dirty = false;
  return {
    update({ totalPages, remainingPages, pageSize }) {
      const now = performance.now();
      if (now - drawn < (stream.isTTY ? 100 : 5000)) return;
      drawn = now;
      const copied = totalPages - remainingPages;
      const share = totalPages > 0 ? copied / totalPages : 1;
      const rate = copied / ((now - started) / 1000);
      const eta = rate > 0 ? `, ${Math.ceil(remainingPages / rate)} s left` : '';
      const text = `copied ${megabytes(copied * pageSize)} of ${megabytes(totalPages * pageSize)} (${Math.floor(share * 100)} %${eta})`;
      if (stream.isTTY) {
        stream.write(`\r${text}\u001b[K`);
        dirty = true;
      } else stream.write(`${text}\n`);
    },
    end() {
      if (dirty) stream.write('\r\u001b[K');
    },
  };
}

function describe(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') return 'no space left on the device';
  const message = error instanceof Error ? error.message : String(error);
  if (typeof code !== 'string') return message;
  // Node's "ENOENT: no such file or directory, open '/x'" names the file we already name.
  const system = /^[A-Z]+: (.*), [a-z]+ '/.exec(message);
  return `${system?.[1] ?? message} (${code})`;
}

export async function backupCommand(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        force: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const [file] = positionals;
  if (file === undefined || positionals.length > 1 || file.trim() === '') {
    console.error(
      `${positionals.length > 1 ? 'one file only' : 'which file? give the backup file name'}\n\n${USAGE}`,
    );
    return 2;
  }

  const config = cliConfig();
  if (config.databaseUrl) {
    // The PostgreSQL server owns the data: its own tools copy it consistently, and a replica keeps it live.
    console.error(
      'backup refused: DATABASE_URL names PostgreSQL, whose data this command cannot copy. Use pg_dump ' +
        '(`pg_dump --format=custom --file=saualnama.dump "$DATABASE_URL"`, restored with pg_restore) or a ' +
        "streaming replica with base backups (pg_basebackup); see README 'Scaling out'.",
    );
    return 1;
  }
  const source = join(config.dataDir, DATABASE_FILE);
  const target = resolve(file);
  const partial = `${target}.partial`;
  const refusal = !existsSync(source)
    ? `no database at ${source} (is DATA_DIR right?)`
    : samePath(source, target)
      ? `${target} is the live database itself; choose another file`
      : existsSync(target) && statSync(target).isDirectory()
        ? `${target} is a folder; give a file name inside it`
        : existsSync(target) && !values.force
          ? `${target} exists; add --force to replace it`
          : undefined;
  if (refusal) {
    console.error(`backup refused: ${refusal}`);
    return 1;
  }

  // Ctrl-C or a service manager's SIGTERM stop the copy between two steps, and the .partial is removed below.
  let interrupted = false;
  const stop = () => (interrupted = true);
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  const progress = progressLine();
  const started = performance.now();
  try {
    // A leftover of a backup that was killed: it is ours by its name.
    removeWithSidecars(partial);
    try {
      // Created here first so that an unwritable place is named plainly, before SQLite's "unable to open".
      closeSync(openSync(partial, 'wx'));
    } catch (error) {
      throw new BackupFailure(`cannot write ${partial}: ${describe(error)}`);
    }
    const copied = await copyDatabase(source, partial, {
      onProgress: progress.update,
      interrupted: () => interrupted,
      // Tests copy a small database in many one-page steps, so that the server commits between them.
      stepPages: config.backupStepPages,
    });
    progress.end();
    const copiedAt = performance.now();
    const check = checkCopy(partial);
    if (check.integrity.join() !== 'ok')
      throw new BackupFailure(
        `the copy failed PRAGMA integrity_check: ${check.integrity.slice(0, 5).join('; ')}`,
      );
    if (check.responses !== copied.responses)
      throw new BackupFailure(
        `the copy holds ${check.responses} responses, the snapshot had ${copied.responses}`,
      );
    // A Ctrl-C during the (synchronous) check is delivered only once the event loop turns.
    await new Promise(setImmediate);
    if (interrupted) throw new BackupFailure('interrupted');
    // An old -wal beside the new file would be replayed into it by the next connection.
    removeWithSidecars(target, SIDECARS);
    renameSync(partial, target);
    // The rename is durable only once the folder's entry is on disk.
    const folder = openSync(dirname(target), 'r');
    try {
      fsyncSync(folder);
    } finally {
      closeSync(folder);
    }
    const finished = performance.now();
    console.log(`backup written to ${target}`);
    console.log(
      `  ${check.responses.toLocaleString('en')} responses, ${megabytes(check.bytes)}, ${seconds(finished - started)} ` +
        `(copy ${seconds(copiedAt - started)}, integrity_check ok in ${seconds(finished - copiedAt)})`,
    );
    return 0;
  } catch (error) {
    progress.end();
    const reason = error instanceof BackupFailure ? error.message : describe(error);
    try {
      removeWithSidecars(partial);
      console.error(`backup failed: ${reason}; ${target} was not written`);
    } catch (cleanup) {
      console.error(
        `backup failed: ${reason}; ${partial} is incomplete and could not be removed: ${describe(cleanup)}`,
      );
    }
    return 1;
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }
}
