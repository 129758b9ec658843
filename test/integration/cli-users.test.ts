// `npm run cli -- users …` as an operator runs it (a child process on the same data folder as a real server),
// and the first start without users telling how to make the first admin.
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchAs, signIn } from '../support/auth';
import { exitOf } from '../support/child-exit';
import { runCli } from '../support/cli';
import { FIXTURE_SURVEYS, makeTempDir, startServer, type TestServer } from '../support/server';
import { databaseEnv, onPostgres } from '../support/test-database';

const ROOT = resolve(import.meta.dirname, '../..');
let dataDir: string;
let server: TestServer;

const cli = (args: string[], input = '') =>
  runCli(['users', ...args], { dataDir, surveysDir: FIXTURE_SURVEYS, input });

beforeAll(async () => {
  dataDir = makeTempDir();
  server = await startServer({ dataDir });
});
afterAll(() => server.close());

describe('npm run cli -- users', () => {
  it('users add --password-stdin creates an admin who then signs in with that password', async () => {
    const run = await cli(
      ['add', 'Founder@Example.kz', '--role', 'admin', '--password-stdin'],
      'Өңір-админ-2024\n',
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/user founder@example\.kz added as admin \(regions: all\)/);
    expect(run.stdout).not.toMatch(/Өңір-админ-2024/);
    const cookie = await signIn(server.url, 'founder@example.kz', 'Өңір-админ-2024');
    expect(await (await fetchAs(server.url, cookie, '/api/session')).json()).toEqual({
      email: 'founder@example.kz',
      role: 'admin',
      regions: null,
    });
  });

  it('users add --regions limits an analyst, as GET /api/session then shows', async () => {
    const run = await cli(
      ['add', 'abai@example.kz', '--role', 'analyst', '--regions', 'KZ-10,KZ-55', '--password-stdin'],
      'Abai-oblysy-2024',
    );
    expect(run.status).toBe(0);
    const cookie = await signIn(server.url, 'abai@example.kz', 'Abai-oblysy-2024');
    expect(await (await fetchAs(server.url, cookie, '/api/session')).json()).toMatchObject({
      regions: ['KZ-10', 'KZ-55'],
    });
  });

  it('without --password-stdin and no terminal, generates a password, prints it once, and it signs in', async () => {
    const run = await cli(['add', 'generated@example.kz', '--role', 'author']);
    expect(run.status).toBe(0);
    const password = /Password for generated@example\.kz \(shown only now[^)]*\): (\S+)/.exec(
      run.stdout,
    )?.[1];
    expect(password).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(await signIn(server.url, 'generated@example.kz', password!)).toMatch(/^saualnama_session=/);
  });

  it('refuses an unknown region, a wrong role and a short password with exit 2, naming each, and adds nobody', async () => {
    const bad = await cli(
      ['add', 'bad@example.kz', '--role', 'boss', '--regions', 'KZ-10,KZ-99', '--password-stdin'],
      'long enough pw',
    );
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--role: must be "admin", "analyst" or "author"/);
    expect(bad.stderr).toMatch(/--regions: "KZ-99" must be one of the 20 region codes/);
    const short = await cli(['add', 'bad@example.kz', '--role', 'author', '--password-stdin'], 'short');
    expect(short.status).toBe(2);
    expect(short.stderr).toMatch(/password: must be at least 12 characters/);
    expect(await server.store.getUserCredentials('bad@example.kz')).toBeUndefined();
  });

  it('refuses to add an email twice (exit 1)', async () => {
    const run = await cli(
      ['add', 'FOUNDER@example.kz', '--role', 'author', '--password-stdin'],
      'whatever long pw',
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/already exists/);
  });

  it('users list shows each user with role, regions and state', async () => {
    const run = await cli(['list']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^abai@example\.kz {2}analyst {2}KZ-10,KZ-55 {2}active$/m);
    expect(run.stdout).toMatch(/^founder@example\.kz {2}admin {2}all regions {2}active$/m);
  });

  it('users disable ends the user’s live session on the running server and refuses the last admin', async () => {
    const cookie = await signIn(server.url, 'abai@example.kz', 'Abai-oblysy-2024');
    const run = await cli(['disable', 'abai@example.kz']);
    expect(run.status).toBe(0);
    expect((await fetchAs(server.url, cookie, '/api/session')).status).toBe(401);
    const last = await cli(['disable', 'founder@example.kz']);
    expect(last.status).toBe(1);
    expect(last.stderr).toMatch(/last enabled admin/);
  });
});

describe('first start', () => {
  /** Runs `npm start`'s server until it listens; returns what it printed. */
  async function startMain(dir: string): Promise<string> {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      cwd: ROOT,
      env: { ...process.env, PORT: '0', ...(await databaseEnv(dir)), SURVEYS_DIR: FIXTURE_SURVEYS },
    });
    let out = '';
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    await new Promise<void>((ok, fail) => {
      child.stdout.on('data', (c: Buffer) => {
        out += c.toString();
        if (out.includes('listening on')) ok();
      });
      child.once('exit', (code) => fail(new Error(`server exited with ${code}: ${out}`)));
    });
    child.kill('SIGTERM');
    await exitOf(child);
    return out;
  }

  it(
    'prints the exact command that creates the first admin when there are no users, and not once there are',
    { timeout: 60_000 },
    async () => {
      const empty = makeTempDir();
      const first = await startMain(empty);
      expect(first).toContain('No users yet');
      // On PostgreSQL the command names the server's DATABASE_URL instead of printing its password into the log.
      const database = onPostgres() ? 'DATABASE_URL=<the same as this server>' : `DATA_DIR=${empty}`;
      expect(first).toContain(
        `${database} SURVEYS_DIR=${FIXTURE_SURVEYS} npm run cli -- users add <your email> --role admin`,
      );
      expect(await startMain(dataDir)).not.toContain('No users yet');
    },
  );
});
