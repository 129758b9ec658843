// The audit log over HTTP and from the CLI: sign-ins and failed sign-ins, exports with their filters, users and
// briefings created and changed, each with actor, address and time; refused requests leave no entry; no password or
// hash is ever written; `npm run cli -- audit` filters by time, actor and action.
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { auditCommand, parseInstant } from '../../server/cli/audit';
import type { AuditEntry } from '../../server/store';
import { createUser, fetchAs, signIn } from '../support/auth';
import { ROOT } from '../support/child-server';
import { startServer, type TestServer } from '../support/server';
import { databaseEnv } from '../support/test-database';
import { collect } from '../support/collect';

const PASSWORD = 'Birgemiz-2024-jyl';
let server: TestServer;
let now = Date.parse('2024-03-01T04:00:00Z');
let admin: string;
let abai: string;

beforeAll(async () => {
  server = await startServer({ clock: () => new Date(now) });
  await createUser(server.store, { email: 'admin@example.kz', role: 'admin', password: PASSWORD });
  await createUser(server.store, {
    email: 'abai@example.kz',
    role: 'analyst',
    regions: ['KZ-10'],
    password: PASSWORD,
  });
});
afterAll(() => server.close());

const entries = (query = {}) => collect(server.store.iterateAudit(query));
const last = async () => (await entries()).at(-1)!;
const post = (cookie: string, path: string, body: unknown, method = 'POST') =>
  fetchAs(server.url, cookie, path, {
    method,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('the audit log', () => {
  it('records failed sign-ins under the email tried, with the reason, and the sign-in that follows', async () => {
    const tryIn = (email: string, password: string) =>
      fetch(`${server.url}/api/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password }),
      });
    expect((await tryIn('Admin@Example.kz', 'not the password')).status).toBe(401);
    expect((await tryIn('ghost@example.kz', 'whatever it is')).status).toBe(401);
    admin = await signIn(server.url, 'admin@example.kz', PASSWORD);
    now += 60_000;
    abai = await signIn(server.url, 'abai@example.kz', PASSWORD);
    expect((await entries()).map((e) => [e.action, e.actor, e.details.reason ?? e.details.role])).toEqual([
      ['sign-in-failed', 'admin@example.kz', 'wrong password'],
      ['sign-in-failed', 'ghost@example.kz', 'no such account'],
      ['sign-in', 'admin@example.kz', 'admin'],
      ['sign-in', 'abai@example.kz', 'analyst'],
    ]);
    expect(await last()).toMatchObject({
      at: '2024-03-01T04:01:00.000Z',
      address: '127.0.0.1',
      details: { regions: ['KZ-10'] },
    });
  });

  it('records each export with the survey, the file and every filter, the regions being those actually read', async () => {
    now += 60_000;
    expect(
      (await fetchAs(server.url, abai, '/api/surveys/example/export.csv?labels=ru&from=2024-01-01')).status,
    ).toBe(200);
    expect(await last()).toMatchObject({
      actor: 'abai@example.kz',
      action: 'export',
      details: {
        survey: 'example',
        file: 'export.csv',
        regions: ['KZ-10'],
        labels: 'ru',
        from: '2023-12-31T19:00:00.000Z',
        pii: false,
        choices: 'columns',
      },
    });
    expect(
      (await fetchAs(server.url, admin, '/api/surveys/example/export.zip?pii=1&region=KZ-55')).status,
    ).toBe(200);
    expect(await last()).toMatchObject({
      actor: 'admin@example.kz',
      details: { file: 'export.zip', pii: true, regions: ['KZ-55'] },
    });
  });

  it('records users and briefings created and changed, a new password only as the fact of it', async () => {
    now += 60_000;
    const created = await post(admin, '/api/users', {
      email: 'aruzhan@example.kz',
      role: 'analyst',
      regions: ['KZ-55'],
      password: 'a new long password',
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: number };
    expect(
      (
        await post(
          admin,
          `/api/users/${id}`,
          { role: 'author', regions: null, password: 'another long password' },
          'PATCH',
        )
      ).status,
    ).toBe(200);
    const briefing = {
      slug: 'semey-2024',
      survey: 'example',
      region: 'KZ-10',
      city: 'Semey',
      date: '2024-03-15',
      title: { kk: 'С', ru: 'С', en: 'S' },
    };
    expect((await post(admin, '/api/briefings', briefing)).status).toBe(201);
    expect((await post(admin, '/api/briefings/semey-2024', { city: 'Семей' }, 'PATCH')).status).toBe(200);
    const changes = await entries({ since: '2024-03-01T04:03:00.000Z' });
    expect(changes.map((e) => [e.action, e.details])).toEqual([
      ['user-created', { email: 'aruzhan@example.kz', role: 'analyst', regions: ['KZ-55'], password: 'set' }],
      ['user-changed', { email: 'aruzhan@example.kz', role: 'author', regions: null, password: 'changed' }],
      ['briefing-created', { slug: 'semey-2024', survey: 'example', region: 'KZ-10', date: '2024-03-15' }],
      ['briefing-changed', { slug: 'semey-2024', city: 'Семей' }],
    ]);
    expect(JSON.stringify(await entries())).not.toMatch(/scrypt|long password|Birgemiz/);
  });

  it('leaves no entry for a refused request', async () => {
    const before = (await entries()).length;
    expect(
      (
        await post(abai, '/api/users', {
          email: 'x@example.kz',
          role: 'admin',
          password: 'a new long password',
        })
      ).status,
    ).toBe(403);
    expect((await fetchAs(server.url, abai, '/api/surveys/example/export.csv?region=KZ-55')).status).toBe(
      403,
    );
    expect((await post(admin, '/api/users', { email: 'bad', role: 'admin', password: 'x' })).status).toBe(
      400,
    );
    expect(await entries()).toHaveLength(before);
  });
});

describe('npm run cli -- audit', () => {
  const run = async (args: string[], dataDir = server.dataDir) => {
    const out = vi.spyOn(console, 'log').mockImplementation(() => {});
    const err = vi.spyOn(console, 'error').mockImplementation(() => {});
    const previous = { DATA_DIR: process.env.DATA_DIR, DATABASE_URL: process.env.DATABASE_URL };
    // On the integration-pg run the server's schema; a folder with no server behind it stays a SQLite folder.
    Object.assign(
      process.env,
      dataDir === server.dataDir ? await databaseEnv(dataDir) : { DATA_DIR: dataDir },
    );
    try {
      const code = await auditCommand(args, new Date('2024-03-01T05:00:00Z'));
      return {
        code,
        lines: out.mock.calls.map((c) => String(c[0])),
        errors: err.mock.calls.map((c) => String(c[0])),
      };
    } finally {
      for (const [name, value] of Object.entries(previous))
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      out.mockRestore();
      err.mockRestore();
    }
  };

  it('filters by actor, action and time, as text lines or JSON', async () => {
    const abaiOnly = await run(['--actor', 'ABAI@example.kz', '--json']);
    expect(abaiOnly.code).toBe(0);
    const parsed = abaiOnly.lines.map((l) => JSON.parse(l) as AuditEntry);
    expect(parsed.map((e) => e.action)).toEqual(['sign-in', 'export']);
    expect((await run(['--action', 'export'])).lines).toHaveLength(2);
    expect((await run(['--since', '2h'])).lines.length).toBe((await entries()).length);
    expect((await run(['--since', '2024-03-02'])).lines).toEqual([]);
    const text = (await run(['--action', 'sign-in-failed'])).lines;
    expect(text[0]).toMatch(
      /^2024-03-01T04:00:00\.000Z {2}admin@example\.kz {2}sign-in-failed {2}127\.0\.0\.1 {2}\{"reason":"wrong password"\}$/,
    );
  });

  it('refuses a bad date, span or action with exit 2 and says which', async () => {
    for (const [args, message] of [
      [['--since', 'yesterday'], /--since: "yesterday"/],
      [['--until', '2024-02-30'], /--until: "2024-02-30"/],
      [['--action', 'delete'], /--action: "delete" is not one of/],
    ] as const) {
      const r = await run([...args]);
      expect(r.code).toBe(2);
      expect(r.errors.join('\n')).toMatch(message);
    }
    expect(parseInstant('2024-03-01', new Date())).toBe('2024-02-29T19:00:00.000Z');
  });

  it('will not create a database where there is none', async () => {
    const missing = await run([], `${server.dataDir}/nowhere`);
    expect(missing.code).toBe(1);
    expect(missing.errors.join('\n')).toMatch(/no database at .*nowhere/);
  });

  it('is a command of `npm run cli`', async () => {
    const env = { ...process.env, ...(await databaseEnv(server.dataDir)) };
    const cli = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'server/cli/main.ts', 'audit', '--action', 'sign-in'],
      {
        cwd: ROOT,
        env,
        encoding: 'utf8',
        timeout: 30_000,
      },
    );
    expect(cli.status, cli.stderr).toBe(0);
    expect(cli.stdout.trim().split('\n')).toHaveLength(2);
    expect(cli.stderr).toMatch(/2 audit entries/);
  });
});
