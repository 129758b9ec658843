// GET /healthz and GET /readyz as a load balancer or process manager asks them, and the request log: one JSON line
// per request, with the route's pattern and never the answers or the cookie.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { envelope, exampleAnswers, postResponse } from '../support/answers';
import { expectProblem } from '../support/problem';
import { startServer, type TestServer } from '../support/server';
import { queryRows } from '../support/stored-data';
import { onPostgres } from '../support/test-database';
import { dataDirOnTmpfs, fillDisk, releaseDataDir } from '../support/storage-faults';

let server: TestServer;
let dataDir: string;
let now = Date.parse('2024-03-01T09:00:00Z');
beforeAll(async () => {
  // On a file system of its own, so that the disk can be filled under the server (storage-faults.ts).
  dataDir = dataDirOnTmpfs();
  server = await startServer({ dataDir, clock: () => new Date(now) });
});
afterAll(async () => {
  await server?.close();
  if (dataDir) releaseDataDir(dataDir);
});

/** The next readiness answer is worked out afresh: /readyz probes at most once a second of the server's clock. */
const later = () => (now += 2_000);

/** Resolves when `check` holds, polling; fails after two seconds with `what`. */
async function until(check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 2_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((ok) => setTimeout(ok, 10));
  }
}

const requestLines = () => server.logLines.filter((l) => l.msg === 'request');

describe('GET /healthz and /readyz', () => {
  it('/healthz answers 200 while the server serves', async () => {
    const res = await fetch(`${server.url}/healthz`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('/readyz answers 200 when the database takes writes, migrations are applied and surveys are loaded', async () => {
    later();
    const res = await fetch(`${server.url}/readyz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ready', surveys: 2 });
  });

  // The disk filled here is DATA_DIR's, which holds SQLite's file; PostgreSQL's disk is its server's, out of reach.
  it.skipIf(onPostgres())(
    '/readyz answers 503 problem+json while the database refuses writes (a full disk), and 200 again once it takes them',
    async () => {
      const heal = fillDisk(server.dataDir);
      try {
        later();
        const body = await expectProblem(await fetch(`${server.url}/readyz`), 503);
        expect(body).toMatchObject({ type: '/problems/not-ready', status: 503 });
        expect(body.detail).toMatch(/database cannot take writes/);
        expect(JSON.stringify(body)).not.toMatch(/SQLITE|full|\.ts:|\/tmp\//i);
        // /healthz does not depend on the database: the process still serves.
        expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
      } finally {
        heal();
      }
      // The cause, with its stack, is in the log for the operator.
      const logged = server.logLines.find((l) => l.level === 'error' && /readyz/.test(String(l.msg)));
      expect(logged?.err).toMatchObject({ code: 'SQLITE_FULL', stack: expect.stringMatching(/\n\s+at /) });
      server.logged.length = 0;
      later();
      expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
    },
  );

  it('/readyz answers 503 naming a migration the database has not recorded', async () => {
    // Each engine's own numbered migrations (server/store/migrations, server/store-pg/migrations).
    const name = onPostgres() ? '0005-reviews-and-tokens.sql' : '0013-readiness-probe.sql';
    const [row] = await queryRows<{ name: string; sha256: string; applied_at: string }>(
      server.dataDir,
      'SELECT name, sha256, applied_at FROM schema_migrations WHERE name = ?',
      [name],
    );
    expect(row?.name).toBe(name);
    await queryRows(server.dataDir, 'DELETE FROM schema_migrations WHERE name = ?', [name]);
    try {
      later();
      const body = await expectProblem(await fetch(`${server.url}/readyz`), 503);
      expect(body.detail).toBe(`Not ready: migrations not applied: ${name}.`);
    } finally {
      await queryRows(
        server.dataDir,
        'INSERT INTO schema_migrations (name, sha256, applied_at) VALUES (?, ?, ?)',
        [row!.name, row!.sha256, row!.applied_at],
      );
    }
    later();
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
  });
});

describe('the request log', () => {
  it('writes exactly one JSON line for a stored response, with method, route, status, duration and id, and no answers or cookie', async () => {
    const secret = 'Жеке пікір: Айгүл Сейтқали, +7 701 555 12 34';
    const before = requestLines().length;
    const posted = await postResponse(
      server.url,
      envelope({ startedAt: null }, exampleAnswers({ proposal: secret })),
      'example',
      { cookie: 'saualnama_session=not-for-the-log' },
    );
    expect(posted.status).toBe(201);
    const id = posted.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    await until(() => requestLines().length > before, 'the POST to be logged');
    // A second request's line comes after every line of the first: then the first's count is final.
    await fetch(`${server.url}/healthz`, { headers: { 'x-request-id': 'probe-1' } });
    await until(() => requestLines().some((l) => l.req === 'probe-1'), 'the probe to be logged');

    const lines = requestLines().slice(before);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({
      level: 'info',
      req: id,
      method: 'POST',
      route: '/api/surveys/:id/responses',
      status: 201,
      ms: expect.any(Number),
    });
    expect(lines[1]).toMatchObject({ req: 'probe-1', method: 'GET', route: '/healthz', status: 200 });
    const everything = JSON.stringify(server.logLines);
    expect(everything).not.toContain('Айгүл');
    expect(everything).not.toContain('not-for-the-log');
    expect(everything).not.toContain(posted.json?.id);
  });

  it('names the route pattern of an Express route, not the path with its values or query', async () => {
    const before = requestLines().length;
    await fetch(`${server.url}/api/surveys/example/versions/1?secret=xyz`);
    await until(() => requestLines().length > before, 'the GET to be logged');
    const [line] = requestLines().slice(before);
    expect(line).toMatchObject({ method: 'GET', route: '/api/surveys/:id/versions/:n', status: 200 });
    expect(JSON.stringify(line)).not.toContain('xyz');
  });
});
