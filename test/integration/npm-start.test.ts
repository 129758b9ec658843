// `npm start` as an operator and a process manager use it: it serves (compiled, building only what is stale), its
// stdout is the JSON log, and SIGTERM sent to npm's own pid stops the server cleanly, leaving no process behind.
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { exitOf } from '../support/child-exit';
import { ROOT } from '../support/child-server';
import { FIXTURE_SURVEYS, makeTempDir } from '../support/server';
import { databaseEnv } from '../support/test-database';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** Runs `npm start` on a free port; resolves once the server says where it listens, with the server's own pid. */
async function npmStart(dataDir: string) {
  const npm = spawn('npm', ['start'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', ...(await databaseEnv(dataDir)), SURVEYS_DIR: FIXTURE_SURVEYS },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = exitOf(npm);
  let stdout = '';
  let stderr = '';
  npm.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
  const listening = await new Promise<{ url: string; pid: number }>((ok, fail) => {
    npm.stdout.on('data', (b: Buffer) => {
      stdout += b.toString();
      const line = stdout.split('\n').find((l) => l.includes('listening on'));
      if (!line) return;
      const entry = JSON.parse(line) as { msg: string; pid: number };
      ok({ url: /listening on (http:\/\/[\d.]+:\d+)/.exec(entry.msg)![1]!, pid: entry.pid });
    });
    void exited.then((e) => fail(new Error(`npm start ended (${JSON.stringify(e)}):\n${stdout}\n${stderr}`)));
  });
  return { npm, exited, ...listening, stdout: () => stdout, stderr: () => stderr };
}

describe('npm start', () => {
  it('serves, logs JSON on stdout, and on SIGTERM to npm stops the server cleanly with no process left', async () => {
    const dataDir = makeTempDir('saualnama-npm-start-');
    dirs.push(dataDir);
    const first = await npmStart(dataDir);
    // The server is its own process under npm, not npm itself: the check below looks at the right one.
    expect(first.pid).not.toBe(first.npm.pid);
    expect(isAlive(first.pid)).toBe(true);
    expect((await fetch(`${first.url}/readyz`)).status).toBe(200);
    first.npm.kill('SIGTERM');
    expect(await first.exited).toEqual({ code: 0, signal: null });
    // npm has returned: its server must be gone too (an orphan would still answer and hold the database).
    expect(isAlive(first.pid)).toBe(false);
    expect(first.stdout()).toMatch(/SIGTERM: finishing requests in flight[\s\S]*database closed/);
    for (const line of first
      .stdout()
      .split('\n')
      .filter((l) => l.startsWith('{')))
      expect(() => JSON.parse(line) as unknown).not.toThrow();

    // A second start with nothing changed builds nothing, and Ctrl-C (SIGINT) stops it as cleanly.
    const second = await npmStart(dataDir);
    expect(second.stderr()).not.toMatch(/building/);
    second.npm.kill('SIGINT');
    expect(await second.exited).toEqual({ code: 0, signal: null });
    expect(isAlive(second.pid)).toBe(false);
  }, 180_000);
});
