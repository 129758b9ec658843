// A 201 promises the response is on disk, so the server may send it only after SQLite synced the WAL that holds it.
// The crash test cannot see a missing sync (SIGKILL leaves the page cache, so the row survives anyway); this one
// watches the system calls instead: the real server runs under strace (Debian's package), which records every write
// to the WAL, every fsync/fdatasync and every socket write; the 201's bytes must leave after a completed sync of the
// WAL that followed the response's own WAL writes.
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { envelope, postResponse } from '../support/answers';
import { spawnServer } from '../support/child-server';
import { FIXTURE_SURVEYS, makeTempDir } from '../support/server';

const dataDir = makeTempDir('saualnama-fsync-');
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function requireStrace(): void {
  try {
    execFileSync('strace', ['-V'], { stdio: 'ignore' });
  } catch {
    throw new Error(
      'this test needs strace: apt-get install -y strace (npm test installs it when run as root)',
    );
  }
}

interface Call {
  line: number;
  name: string;
  /** The first argument as strace -y shows it: `12</path/to/file>` or `15<TCP:[…]>`. */
  target: string;
  text: string;
}

/** Completed system calls in the order they returned; a call split by another thread's is taken when it resumes. */
function completedCalls(trace: string): Call[] {
  const calls: Call[] = [];
  const open = new Map<string, { name: string; text: string }>();
  trace.split('\n').forEach((raw, line) => {
    const m = /^(\d+)\s+(.*)$/.exec(raw);
    if (!m) return;
    const [, pid, rest] = m as unknown as [string, string, string];
    const resumed = /^<\.\.\. (\w+) resumed>(.*)$/.exec(rest);
    let name: string;
    let text: string;
    if (resumed) {
      const started = open.get(pid);
      open.delete(pid);
      if (!started) return;
      [name, text] = [started.name, started.text + resumed[2]];
    } else {
      const call = /^(\w+)\((.*)$/.exec(rest);
      if (!call) return;
      [name, text] = [call[1]!, rest];
      if (rest.endsWith('<unfinished ...>')) return void open.set(pid, { name, text });
    }
    const target = /^\w+\((\d+<[^>]*>)/.exec(text)?.[1] ?? '';
    calls.push({ line, name, target, text });
  });
  return calls;
}

it('sends a 201 only after fsyncing the WAL that holds the response', { timeout: 120_000 }, async () => {
  requireStrace();
  const traceFile = join(dataDir, 'server.strace');
  const server = await spawnServer(
    { DATA_DIR: join(dataDir, 'data'), SURVEYS_DIR: FIXTURE_SURVEYS },
    90_000,
    [
      'strace',
      '-f',
      '-qq',
      '-y',
      '-s',
      '40',
      '-e',
      'trace=pwrite64,write,writev,sendto,sendmsg,fsync,fdatasync',
      '-e',
      'signal=none',
      '-o',
      traceFile,
    ],
  );
  const response = await postResponse(server.url, envelope());
  expect(response.status).toBe(201);
  // Stop the server itself (strace's child: the first pid in the trace) so strace flushes its whole record.
  const serverPid = Number(/^(\d+)/.exec(readFileSync(traceFile, 'utf8'))?.[1]);
  expect(serverPid).toBeGreaterThan(0);
  process.kill(serverPid, 'SIGTERM');
  await server.exited;

  const calls = completedCalls(readFileSync(traceFile, 'utf8'));
  const reply = calls.findIndex((c) => /HTTP\/1\.1 201/.test(c.text));
  expect(reply, 'the 201 reply was not found among the socket writes').toBeGreaterThan(0);
  const isWal = (c: Call) => c.target.endsWith('-wal>');
  // The response's frames: the last WAL write before the reply. Then a sync of the WAL must complete before it.
  const lastWalWrite = calls.slice(0, reply).findLastIndex((c) => isWal(c) && c.name === 'pwrite64');
  expect(lastWalWrite, 'no write to the WAL before the 201').toBeGreaterThanOrEqual(0);
  const syncs = calls
    .slice(lastWalWrite + 1, reply)
    .filter((c) => isWal(c) && (c.name === 'fsync' || c.name === 'fdatasync') && /= 0$/.test(c.text));
  expect(syncs.map((c) => c.text)).not.toEqual([]);
});
