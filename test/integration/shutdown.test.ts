// Graceful shutdown of the real server process: SIGTERM in the middle of a burst of posts and of a request whose body
// is still arriving. Every request that got an answer got a 201 and is stored, the process exits 0 on its own (not
// by the 10 s guard), and the database it leaves is sound, with the WAL checkpointed into the file.
import { existsSync, rmSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { boot, DATABASE_FILE } from '../../server/boot';
import { envelope } from '../support/answers';
import { createUser, signIn } from '../support/auth';
import { spawnServer } from '../support/child-server';
import { databaseHealth } from '../support/db-check';
import { readStoredResponses } from '../support/stored-data';
import { FIXTURE_SURVEYS, makeTempDir } from '../support/server';
import { databaseUrlFor, onPostgres } from '../support/test-database';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

/** A POST whose body is sent in two halves, the second when `release` resolves: in flight for as long as we like. */
function slowPost(url: string, body: string, release: Promise<unknown>): Promise<number> {
  return new Promise((ok, fail) => {
    const req = request(`${url}/api/surveys/example/responses`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
    });
    req.on('response', (res) => {
      res.resume();
      res.on('end', () => ok(res.statusCode ?? 0));
    });
    req.on('error', fail);
    req.write(body.slice(0, 40));
    void release.then(() => req.end(body.slice(40)));
  });
}

describe('SIGTERM', () => {
  it('finishes the requests in flight with 201, stores them, closes the database and exits 0', async () => {
    const dataDir = makeTempDir('saualnama-shutdown-');
    dirs.push(dataDir);
    const server = await spawnServer({ DATA_DIR: dataDir, SURVEYS_DIR: FIXTURE_SURVEYS });

    const answered = new Map<string, number>();
    let refused = 0;
    let stop = false;
    const client = async () => {
      while (!stop) {
        const body = envelope();
        try {
          const res = await fetch(`${server.url}/api/surveys/example/responses`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(body),
          });
          await res.arrayBuffer();
          answered.set(String(body.id), res.status);
        } catch {
          refused++; // the listener is closed: the request never reached the server
          await sleep(20);
        }
      }
    };
    const clients = Array.from({ length: 16 }, client);
    const slowBody = JSON.stringify(envelope());
    let release!: () => void;
    const slow = slowPost(server.url, slowBody, new Promise<void>((ok) => (release = ok)));

    // Signalled once the burst is flowing (20 answers), not after a fixed time: a busy machine answers fewer in 600 ms.
    while (answered.size < 20) await sleep(20);
    const signalledAt = Date.now();
    server.child.kill('SIGTERM');
    await sleep(300);
    release(); // the rest of the body arrives after the signal: the server must still read, judge and store it
    const exit = await server.exited;
    const tookMs = Date.now() - signalledAt;
    stop = true;
    await Promise.all(clients);

    expect(exit, server.output()).toEqual({ code: 0, signal: null });
    // Exit 0 already rules out the 10 s guard (it exits 1); this bounds a drain that merely dawdles.
    expect(tookMs).toBeLessThan(9_000);
    expect(await slow).toBe(201);
    const statuses = [...answered.values()];
    expect(statuses.length).toBeGreaterThan(20);
    expect(statuses.filter((s) => s !== 201)).toEqual([]);
    expect(server.output()).toMatch(/SIGTERM: finishing requests in flight[\s\S]*database closed/);

    if (!onPostgres()) {
      // Looked at before anything opens the file again. The last connection closed cleanly: SQLite checkpointed the
      // WAL into the file and removed it. (PostgreSQL's own shutdown is the database server's, not ours.)
      const wal = join(dataDir, `${DATABASE_FILE}-wal`);
      expect(existsSync(wal) ? statSync(wal).size : 0).toBe(0);
      expect(databaseHealth(dataDir)).toMatchObject({ integrity: 'ok', foreignKeyViolations: 0 });
    }
    const stored = new Set(
      (await readStoredResponses(dataDir, { surveyId: 'example', review: 'all' })).map((r) => r.id),
    );
    for (const id of answered.keys()) expect(stored.has(id), `answered 201 but not stored: ${id}`).toBe(true);
    expect(stored.has(String(JSON.parse(slowBody).id))).toBe(true);
    console.log(
      `shutdown: ${statuses.length} posts answered 201 around the SIGTERM, ${refused} refused after it; exit 0 in ${tookMs} ms`,
    );
  }, 60_000);

  it('ends the streams of open live screens instead of waiting for them, and exits 0', async () => {
    const dataDir = makeTempDir('saualnama-shutdown-live-');
    dirs.push(dataDir);
    const account = {
      email: 'organiser@example.kz',
      password: 'a long enough password',
      role: 'admin' as const,
    };
    const { store } = await boot({
      dataDir,
      databaseUrl: await databaseUrlFor(dataDir),
      surveysDir: FIXTURE_SURVEYS,
    });
    await createUser(store, account);
    const title = { kk: 'Семей', ru: 'Семей', en: 'Semey' };
    await store.addBriefing(
      { slug: 'semey', surveyId: 'example', region: 'KZ-10', city: 'Semey', date: '2023-09-15', title },
      new Date().toISOString(),
    );
    await store.close();
    const server = await spawnServer({ DATA_DIR: dataDir, SURVEYS_DIR: FIXTURE_SURVEYS });
    const cookie = await signIn(server.url, account.email, account.password);
    const screens = await Promise.all(
      [1, 2].map(() => fetch(`${server.url}/api/briefings/semey/live`, { headers: { cookie } })),
    );
    const readers = screens.map((r) => r.body!.getReader());
    for (const reader of readers)
      expect(new TextDecoder().decode((await reader.read()).value)).toMatch(/^retry: /);

    const signalledAt = Date.now();
    server.child.kill('SIGTERM');
    // Each stream comes to its end (done), rather than hanging until the process dies.
    for (const reader of readers) while (!(await reader.read()).done);
    const exit = await server.exited;
    expect(exit, server.output()).toEqual({ code: 0, signal: null });
    expect(Date.now() - signalledAt).toBeLessThan(5_000);
    expect(server.output()).toMatch(/database closed/);
  }, 60_000);
});
