// Several app servers on one PostgreSQL database (issue 15, item 4): two real servers (`server/main.ts` with
// DATABASE_URL, each its own process and port) share a fresh schema. A session made on one works on the other, and
// failed sign-ins on both count together; a respondent's retry that lands on the other gets 200, not a second
// response; counts and CSV exports agree; the live count on B moves for a response posted to A; a survey version an
// admin publishes on A reaches phones through B within seconds, without a restart (issue 17); and `kill -9` of A
// while phones post loses no acknowledged response, while B keeps serving.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgresStore } from '../../server/store-pg';
import { envelope, exampleAnswers, postResponse } from '../support/answers';
import { createUser, fetchAs, sendJson, signIn } from '../support/auth';
import { spawnServer, type ChildServer } from '../support/child-server';
import { readLiveEvents } from '../support/live-events';
import { freshSchema, type TestSchema } from '../support/postgres';
import { FIXTURE_SURVEYS, makeTempDir } from '../support/server';

const ADMIN = { email: 'admin@example.kz', password: 'Two-servers-2024', role: 'admin' as const };
const SLUG = 'semey-two-servers';

let schema: TestSchema;
let a: ChildServer;
let b: ChildServer;

const start = () =>
  spawnServer({ DATABASE_URL: schema.url, DATA_DIR: makeTempDir(), SURVEYS_DIR: FIXTURE_SURVEYS }, 60_000);

beforeAll(async () => {
  schema = await freshSchema();
  // The first admin and an open briefing, written as the CLI would, before the servers start.
  const setup = await openPostgresStore(schema.url);
  await createUser(setup, ADMIN);
  await setup.addBriefing(
    {
      slug: SLUG,
      surveyId: 'example',
      region: 'KZ-10',
      city: 'Semey',
      date: new Date().toISOString().slice(0, 10),
      title: { kk: 'Брифинг', ru: 'Брифинг', en: 'Briefing' },
    },
    new Date().toISOString(),
  );
  await setup.close();
  a = await start();
  b = await start();
}, 150_000);

afterAll(async () => {
  for (const server of [a, b]) if (server && server.child.exitCode === null) server.child.kill('SIGTERM');
  await Promise.all([a?.exited, b?.exited]);
  await schema?.drop();
});

async function json<T>(server: ChildServer, cookie: string, path: string): Promise<T> {
  const res = await fetchAs(server.url, cookie, path);
  expect(res.status, `${path} on ${server.url}`).toBe(200);
  return (await res.json()) as T;
}

/** The response ids of the CSV export as a server gives it. */
async function exportedIds(server: ChildServer, cookie: string): Promise<Set<string>> {
  const res = await fetchAs(server.url, cookie, '/api/surveys/example/export.csv');
  expect(res.status).toBe(200);
  const lines = (await res.text())
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .filter(Boolean);
  return new Set(lines.slice(1).map((line) => line.slice(0, line.indexOf(','))));
}

describe('two app servers on one PostgreSQL database', () => {
  it('a session made on A works on B, and signing out on B ends it on A', async () => {
    const cookie = await signIn(a.url, ADMIN.email, ADMIN.password);
    expect((await json<{ email: string }>(b, cookie, '/api/session')).email).toBe(ADMIN.email);
    expect((await fetchAs(b.url, cookie, '/api/session', { method: 'DELETE' })).status).toBe(204);
    expect((await fetchAs(a.url, cookie, '/api/session')).status).toBe(401);
  });

  it('failed sign-ins spread over A and B are counted together: the account locks at its limit, not twice it', async () => {
    const attempt = (server: ChildServer) =>
      fetch(`${server.url}/api/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: new URL(server.url).origin },
        body: JSON.stringify({ email: 'guesser@example.kz', password: 'wrong-password-1' }),
      });
    // Ten failures (the per-email limit), alternating servers: each server alone has seen five.
    for (let i = 0; i < 10; i++) expect((await attempt(i % 2 ? b : a)).status).toBe(401);
    for (const server of [a, b]) {
      const locked = await attempt(server);
      expect(locked.status).toBe(429);
      expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    }
  });

  it("a respondent's retry landing on B gets 200 and is stored once; other content under its id is 409", async () => {
    const cookie = await signIn(b.url, ADMIN.email, ADMIN.password);
    const body = envelope({}, exampleAnswers({ region: 'KZ-11' }));
    expect((await postResponse(a.url, body)).status).toBe(201);
    expect((await postResponse(b.url, body)).status).toBe(200);
    const other = { ...body, data: exampleAnswers({ region: 'KZ-11', cooperation: 1 }) };
    const clash = await postResponse(b.url, other);
    expect(clash.status).toBe(409);
    expect(clash.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    // Counts and exports agree on both servers, and the response is in each export once.
    const total = async (s: ChildServer) =>
      (await json<{ responses: { count: number } }>(s, cookie, '/api/surveys/example/summary')).responses
        .count;
    // Six more, through either server, so that the total is above the small-cell threshold and shown.
    for (const server of [a, b, a, b, a, b])
      expect((await postResponse(server.url, envelope({}, exampleAnswers({ region: 'KZ-11' })))).status).toBe(
        201,
      );
    expect(await total(a)).toBeGreaterThanOrEqual(7);
    expect(await total(a)).toBe(await total(b));
    const fromA = await exportedIds(a, cookie);
    const fromB = await exportedIds(b, cookie);
    expect([...fromA].sort()).toEqual([...fromB].sort());
    expect(fromB.has(body.id as string)).toBe(true);
    expect(fromB.size).toBe(await total(b));
  });

  it("B's live screen moves within 2 s for a response posted to A", async () => {
    const cookie = await signIn(b.url, ADMIN.email, ADMIN.password);
    const controller = new AbortController();
    const res = await fetchAs(b.url, cookie, `/api/briefings/${SLUG}/live`, { signal: controller.signal });
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const events = readLiveEvents(res.body!);
    const first = await events.next();
    const posted = performance.now();
    const body = envelope({ briefing: SLUG }, exampleAnswers({ region: 'KZ-10' }));
    expect((await postResponse(a.url, body)).status).toBe(201);
    const next = await events.next();
    expect(next.total).toBe(first.total + 1);
    expect(performance.now() - posted).toBeLessThan(2000);
    controller.abort();
  });

  it('a version an admin publishes on A is what a phone loading the survey from B gets within seconds, no restart', async () => {
    const newest = async (s: ChildServer) =>
      (await (await fetch(`${s.url}/api/surveys/example`)).json()) as {
        version: number;
        definition: { pages: { elements: { title: Record<string, string> }[] }[] };
      };
    expect((await newest(b)).version).toBe(1);
    const definition = JSON.parse(readFileSync(join(FIXTURE_SURVEYS, 'example', 'v1.json'), 'utf8'));
    definition.pages[0].elements[1].title.kk = 'Брифингтегі рөліңіз';
    const cookie = await signIn(a.url, ADMIN.email, ADMIN.password);
    const res = await sendJson(a.url, cookie, 'POST', '/api/surveys/example/versions', {
      version: 2,
      definition,
    });
    expect(res.status).toBe(201);
    // B is told nothing: it finds the new definition in the shared database by itself (it looks every 5 s,
    // CATALOG_POLL_MS), so within 10 s even on a busy machine.
    await expect.poll(async () => (await newest(b)).version, { timeout: 10_000, interval: 200 }).toBe(2);
    expect((await newest(b)).definition.pages[0]!.elements[1]!.title.kk).toBe('Брифингтегі рөліңіз');
    // The phone's v2 answers are taken by B, and A and B count them alike.
    const body = envelope({ version: 2 }, exampleAnswers({ region: 'KZ-11' }));
    expect((await postResponse(b.url, body)).status).toBe(201);
    expect((await postResponse(a.url, body)).status).toBe(200);
  });

  it('kill -9 of A while phones post loses no acknowledged response, and B keeps serving', async () => {
    const acknowledged: string[] = [];
    let stop = false;
    // Eight phones posting to A as fast as it answers; a post that gets no answer (A died) is not acknowledged.
    const phones = Array.from({ length: 8 }, async () => {
      while (!stop) {
        const body = envelope({}, exampleAnswers({ region: 'KZ-19' }));
        try {
          const res = await postResponse(a.url, body);
          if (res.status === 201) acknowledged.push(body.id as string);
        } catch {
          return;
        }
      }
    });
    await expect.poll(() => acknowledged.length, { timeout: 30_000 }).toBeGreaterThan(50);
    a.child.kill('SIGKILL');
    const { signal } = await a.exited;
    expect(signal).toBe('SIGKILL');
    stop = true;
    await Promise.all(phones);

    const cookie = await signIn(b.url, ADMIN.email, ADMIN.password);
    const stored = await exportedIds(b, cookie);
    expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
    // B serves on: a new response, and its retry.
    const body = envelope({}, exampleAnswers({ region: 'KZ-19' }));
    expect((await postResponse(b.url, body)).status).toBe(201);
    expect((await postResponse(b.url, body)).status).toBe(200);
  });
});
