// `npm run cli -- backup <file>` as an operator runs it: a child process copying the data folder of a real server
// while responses keep arriving; the copy holds every response acknowledged before it began, passes
// integrity_check, and serves again as a data folder. Refusals and failures leave no file that looks like a backup.
import { spawn } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../server/boot';
import { envelope, exampleAnswers, postResponse } from '../support/answers';
import { makeTempDir, startServer, type TestServer } from '../support/server';
import { requireTmpfs, mountTmpfs, unmount } from '../support/tmpfs';

const ROOT = resolve(import.meta.dirname, '../..');
const REGIONS = ['KZ-10', 'KZ-55', 'KZ-75', 'KZ-19'];
const NO_RATE_LIMIT = { responsesRateLimit: { burst: 1_000_000, perSecond: 1_000_000 } };
let server: TestServer;
let outDir: string;
/** Bodies of responses answered 201 before any backup began. */
const acked: Record<string, unknown>[] = [];

/** Runs the CLI as a child process, without blocking this process's event loop (the server lives here). */
function backup(args: string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/cli/main.ts', 'backup', ...args], {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: server.dataDir, ...env },
    timeout: 60_000,
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  return new Promise<{ status: number | null; stdout: string; stderr: string }>((ok) =>
    child.once('close', (status) => ok({ status, stdout, stderr })),
  );
}

async function post201(body: Record<string, unknown>): Promise<void> {
  const r = await postResponse(server.url, body);
  expect(r.status, r.text).toBe(201);
}

function newBody(i: number): Record<string, unknown> {
  return envelope(
    {},
    exampleAnswers({ region: REGIONS[i % REGIONS.length], proposal: `proposal ${i} ${'ә'.repeat(i % 300)}` }),
  );
}

/** id → rowid of every response in a database file (other tables refer to responses by rowid). */
function rowids(file: string): Map<string, number> {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const rows = db.prepare<[], { id: string; rowid: number }>('SELECT id, rowid FROM responses').all();
    return new Map(rows.map((r) => [r.id, r.rowid]));
  } finally {
    db.close();
  }
}

function integrity(file: string): string {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return (db.pragma('integrity_check') as { integrity_check: string }[])
      .map((r) => r.integrity_check)
      .join('; ');
  } finally {
    db.close();
  }
}

function expectNoStack(stderr: string): void {
  expect(stderr).not.toMatch(/\n\s+at |Error:/);
}

beforeAll(async () => {
  server = await startServer({ config: NO_RATE_LIMIT });
  outDir = makeTempDir('saualnama-backup-');
  for (let i = 0; i < 400; i += 20) {
    const bodies = Array.from({ length: 20 }, (_, k) => newBody(i + k));
    await Promise.all(bodies.map(post201));
    acked.push(...bodies);
  }
});
afterAll(async () => {
  await server.close();
  rmSync(outDir, { recursive: true, force: true });
});

// Each run starts node with tsx (seconds on a busy two-core machine), and some tests run the CLI several times.
describe('npm run cli -- backup', { timeout: 90_000 }, () => {
  it('copies the live database while posts go on: every response acknowledged before is there, rowids and all', async () => {
    const file = join(outDir, 'during-posts.db');
    let posting = true;
    let ackedDuring = 0;
    // Four respondents keep posting until the backup exits; each 201 is a commit the copy must not trip over.
    const writers = Array.from({ length: 4 }, async (_, w) => {
      for (let i = 0; posting; i++) {
        await post201(newBody(1000 * (w + 1) + i));
        ackedDuring += 1;
      }
    });
    // One page per step: the server commits between steps, which restarts a backup that holds no snapshot.
    const run = await backup([file], { SAUALNAMA_BACKUP_STEP_PAGES: '1' });
    posting = false;
    await Promise.all(writers);

    expect(run.status, run.stderr).toBe(0);
    expect(ackedDuring).toBeGreaterThan(0);
    expect(integrity(file)).toBe('ok');
    const copied = rowids(file);
    const live = rowids(join(server.dataDir, DATABASE_FILE));
    const missing = acked.map((b) => b.id as string).filter((id) => !copied.has(id));
    expect(missing).toEqual([]);
    // A snapshot of the live table: nothing invented, every rowid where the server put it.
    for (const [id, rowid] of copied) expect(live.get(id)).toBe(rowid);
    expect(live.size).toBe(acked.length + ackedDuring);
    expect(run.stdout).toContain(`backup written to ${file}`);
    expect(run.stdout).toMatch(
      new RegExp(`${copied.size.toLocaleString('en')} responses, [\\d.,]+ MB, [\\d.]+ s`),
    );
    expect(run.stdout).toContain('integrity_check ok');
    // One self-contained file: no .partial, and no -wal or -shm that would have to travel with it.
    expect(readdirSync(outDir)).toEqual(['during-posts.db']);
  });

  it('restores: the copy placed as DATA_DIR/saualnama.db serves again, and a retry of a stored response is a 200', async () => {
    const file = join(outDir, 'during-posts.db');
    const dataDir = makeTempDir('saualnama-restored-');
    copyFileSync(file, join(dataDir, DATABASE_FILE));
    const restored = await startServer({ dataDir, config: NO_RATE_LIMIT });
    try {
      const retry = await postResponse(restored.url, acked[7]);
      expect(retry.status, retry.text).toBe(200);
      expect((await postResponse(restored.url, newBody(99_999))).status).toBe(201);
    } finally {
      await restored.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('refuses to replace an existing file without --force, and replaces it with --force', async () => {
    const file = join(outDir, 'existing.db');
    writeFileSync(file, 'an older backup');
    const refused = await backup([file]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain(`${file} exists; add --force to replace it`);
    expectNoStack(refused.stderr);
    expect(readFileSync(file, 'utf8')).toBe('an older backup');
    expect(existsSync(`${file}.partial`)).toBe(false);

    const forced = await backup([file, '--force']);
    expect(forced.status, forced.stderr).toBe(0);
    expect(integrity(file)).toBe('ok');
    expect(rowids(file)).toEqual(rowids(join(server.dataDir, DATABASE_FILE)));
    expect(existsSync(`${file}.partial`)).toBe(false);
  });

  it('answers 2 with the usage for no file, two files or an unknown option', async () => {
    for (const args of [[], ['a.db', 'b.db'], ['a.db', '--forse']]) {
      const run = await backup(args);
      expect(run.status, args.join(' ')).toBe(2);
      expect(run.stderr).toContain('usage: backup <file> [--force]');
      expectNoStack(run.stderr);
    }
  });

  it('refuses to write over the live database itself, even with --force', async () => {
    const live = join(server.dataDir, DATABASE_FILE);
    const run = await backup([live, '--force']);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('is the live database itself');
    expect(existsSync(`${live}.partial`)).toBe(false);
  });

  it('fails with exit 1 and a plain message for a path that cannot be written, leaving no .partial', async () => {
    const notAFolder = join(outDir, 'plain-file');
    writeFileSync(notAFolder, '');
    const file = join(notAFolder, 'backup.db');
    const run = await backup([file]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`backup failed: cannot write ${file}.partial: not a directory (ENOTDIR)`);
    expectNoStack(run.stderr);
    expect(readdirSync(outDir)).not.toContain('plain-file.partial');
  });
});

describe('npm run cli -- backup onto a full disk (a 64 KB tmpfs)', { timeout: 90_000 }, () => {
  it('fails mid-copy with exit 1, says the disk is full, and removes its .partial', async () => {
    requireTmpfs('cli-backup: the full-disk test');
    expect(statSync(join(server.dataDir, DATABASE_FILE)).size).toBeGreaterThan(256 * 1024);
    const small = join(outDir, 'small-disk');
    mkdirSync(small);
    expect(mountTmpfs(small, '64k')).toBe(true);
    try {
      const run = await backup([join(small, 'backup.db')]);
      expect(run.status).toBe(1);
      expect(run.stderr).toContain('backup failed: no space left on the device');
      expectNoStack(run.stderr);
      expect(readdirSync(small)).toEqual([]);
    } finally {
      unmount(small);
    }
  });
});
