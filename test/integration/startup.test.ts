// Start-up refusals: a published survey file that changed stops the server with a message that names the file.
// (A new file that fails the checks is only left out: catalog-refused.test.ts.)
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copySurveys, FIXTURE_SURVEYS, makeTempDir, startServer } from '../support/server';
import { databaseEnv } from '../support/test-database';

const ROOT = resolve(import.meta.dirname, '../..');

function runMain(env: Record<string, string>) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
}

/** runMain without blocking this process, whose own server must keep answering meanwhile. */
function runMainAsync(env: Record<string, string>): Promise<{ status: number | null; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', ...env },
    timeout: 60_000,
  });
  let stderr = '';
  child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
  return new Promise((ok) => child.once('close', (status) => ok({ status, stderr })));
}

describe('server start-up', () => {
  it('refuses to start when a published v1.json changed, naming the file and saying to add v2.json', async () => {
    const surveysDir = copySurveys();
    const dataDir = makeTempDir();
    const first = await startServer({ surveysDir, dataDir });
    await first.close();

    const file = join(surveysDir, 'example', 'v1.json');
    const definition = JSON.parse(readFileSync(file, 'utf8'));
    definition.title.default = 'Reworded after publication';
    writeFileSync(file, JSON.stringify(definition));

    const run = runMain({ ...(await databaseEnv(dataDir)), SURVEYS_DIR: surveysDir });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/example\/v1\.json changed after it was published/);
    expect(run.stderr).toMatch(/add v2\.json instead/);
  }, 90_000);

  it('starts again when the published file is only reformatted', async () => {
    const surveysDir = copySurveys();
    const dataDir = makeTempDir();
    await (await startServer({ surveysDir, dataDir })).close();
    const file = join(surveysDir, 'example', 'v1.json');
    writeFileSync(file, JSON.stringify(JSON.parse(readFileSync(file, 'utf8'))));
    const again = await startServer({ surveysDir, dataDir });
    try {
      // It serves the survey as version 1 still (no new version was published) and says it is ready.
      const served = await fetch(`${again.url}/api/surveys/example`);
      expect(served.status).toBe(200);
      expect(await served.json()).toMatchObject({ id: 'example', version: 1 });
      expect((await fetch(`${again.url}/readyz`)).status).toBe(200);
    } finally {
      await again.close();
    }
  }, 90_000);

  it('refuses a PORT that is not a port with one line naming it, no stack trace', () => {
    const run = runMain({ DATA_DIR: makeTempDir(), SURVEYS_DIR: FIXTURE_SURVEYS, PORT: 'abc' });
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe('saualnama: PORT must be a whole number from 0 to 65535, not "abc"');
  }, 90_000);

  it('says in one line that the port is in use when another process holds it, and exits 1', async () => {
    const holder = createServer();
    await new Promise<void>((ok) => holder.listen(0, '127.0.0.1', ok));
    const { port } = holder.address() as AddressInfo;
    try {
      const run = await runMainAsync({
        DATA_DIR: makeTempDir(),
        SURVEYS_DIR: FIXTURE_SURVEYS,
        PORT: String(port),
      });
      expect(run.status).toBe(1);
      // The survey files' warnings come first; the refusal is the last line, and no stack trace follows it.
      expect(run.stderr).not.toMatch(/ {4}at /);
      expect(run.stderr.trim().split('\n').at(-1)).toBe(
        `saualnama: 127.0.0.1:${port} is already in use (is another server running?); stop it or set PORT to a free port`,
      );
    } finally {
      holder.close();
    }
  }, 90_000);
});
