// Demo data leaves again: `npm run cli -- demo` marks what it writes, and both `DELETE /api/demo-data` (the
// workspace's button) and `demo --remove` take exactly that away. Afterwards the counts, the charts' aggregates, the
// briefings and the CSV (served from stored lines) are what they were with the real answers alone, byte for byte.
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { boot } from '../../server/boot';
import { demoPlan, demoResponse } from '../../server/cli/demo/generate';
import { createUser, fetchAs, signIn } from '../support/auth';
import { runCli } from '../support/cli';
import { makeTempDir, REPO_SURVEYS, startServer, type TestServer } from '../support/server';
import { countResponsesIn } from '../support/stored-data';
import { collect } from '../support/collect';
import { databaseUrlFor } from '../support/test-database';

const ADMIN = { email: 'admin@example.kz', password: 'Birgemiz-2024-jyl' };
const ANALYST = { email: 'analyst@example.kz', password: 'Birgemiz-2024-jyl' };
const SURVEY = '/api/surveys/roadmap-needs';
const dataDir = makeTempDir();

/** What a reader sees: counts per region and briefing, every chart's aggregates, the default CSV, the briefings. */
async function snapshot(server: TestServer, cookie: string) {
  const read = async (path: string) => {
    const res = await fetchAs(server.url, cookie, path);
    expect(res.status, path).toBe(200);
    return res.text();
  };
  return {
    coverage: await read(`${SURVEY}/coverage`),
    summary: await read(`${SURVEY}/summary`),
    csv: await read(`${SURVEY}/export.csv`),
    briefings: (await server.store.listBriefings()).map((b) => b.slug),
    responses: await countResponsesIn(server.dataDir, { surveyId: 'roadmap-needs' }),
  };
}

/** Starts the server on the shared data folder, signed in as the admin. */
async function serve() {
  const server = await startServer({ dataDir, surveysDir: REPO_SURVEYS });
  return { server, admin: await signIn(server.url, ADMIN.email, ADMIN.password) };
}

let real: Awaited<ReturnType<typeof snapshot>>;

beforeAll(async () => {
  // The real answers: 60 responses from another seed, without briefings, written as ordinary (not demo) rows.
  const { store, catalog } = await boot({
    dataDir,
    databaseUrl: await databaseUrlFor(dataDir),
    surveysDir: REPO_SURVEYS,
  });
  const plan = demoPlan(catalog.getSurvey('roadmap-needs')!);
  const answers = Array.from({ length: 60 }, (_, i) => ({
    ...demoResponse(plan, 991, i).response,
    briefing: null,
  }));
  expect((await store.insertResponses(answers)).every((o) => o.status === 'created')).toBe(true);
  await store.addBriefing(
    {
      slug: 'semey-real-2024',
      surveyId: 'roadmap-needs',
      region: 'KZ-10',
      city: 'Semey',
      date: '2024-05-14',
      title: { kk: 'Семей', ru: 'Семей', en: 'Semey' },
    },
    new Date().toISOString(),
  );
  await createUser(store, { ...ADMIN, role: 'admin' });
  await createUser(store, { ...ANALYST, role: 'analyst' });
  await store.close();

  const { server, admin } = await serve();
  real = await snapshot(server, admin);
  expect(await (await fetchAs(server.url, admin, '/api/demo-data')).json()).toEqual({
    responses: 0,
    briefings: 0,
  });
  await server.close();
}, 60_000);
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function addDemo(seed: number) {
  const demo = await runCli(['demo', '--responses', '400', '--seed', String(seed)], {
    dataDir,
    timeout: 120_000,
  });
  expect(demo.status, demo.stderr).toBe(0);
}

it('the admin’s removal takes the demo away and the counts, charts and CSV return to the real ones', async () => {
  await addDemo(5);
  const { server, admin } = await serve();
  try {
    const present = (await (await fetchAs(server.url, admin, '/api/demo-data')).json()) as {
      responses: number;
      briefings: number;
    };
    expect(present.responses).toBe(400);
    expect(present.briefings).toBeGreaterThan(0);
    const mixed = await snapshot(server, admin);
    expect(mixed.responses).toBe(real.responses + 400);
    expect(mixed.coverage).not.toBe(real.coverage);
    expect(mixed.csv.length).toBeGreaterThan(real.csv.length);

    // An analyst sees the banner's numbers but may not remove anything.
    const analyst = await signIn(server.url, ANALYST.email, ANALYST.password);
    expect((await fetchAs(server.url, analyst, '/api/demo-data')).status).toBe(200);
    expect((await fetchAs(server.url, analyst, '/api/demo-data', { method: 'DELETE' })).status).toBe(403);

    const res = await fetchAs(server.url, admin, '/api/demo-data', { method: 'DELETE' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      responses: 400,
      briefings: present.briefings,
      surveys: ['roadmap-needs'],
      keptBriefings: [],
    });
    expect(await snapshot(server, admin)).toEqual(real);
    expect(await (await fetchAs(server.url, admin, '/api/demo-data')).json()).toEqual({
      responses: 0,
      briefings: 0,
    });
    expect(await collect(server.store.iterateAudit({ action: 'demo-removed' }))).toEqual([
      expect.objectContaining({
        actor: ADMIN.email,
        details: { responses: 400, briefings: present.briefings, surveys: ['roadmap-needs'] },
      }),
    ]);
  } finally {
    await server.close();
  }
}, 180_000);

it('`demo --remove` does the same from the command line', async () => {
  await addDemo(6);
  const removed = await runCli(['demo', '--remove'], { dataDir, timeout: 60_000 });
  expect(removed.status, removed.stderr).toBe(0);
  expect(removed.stdout).toMatch(
    /demo data removed: 400 responses and \d+ briefings; answer counts of roadmap-needs rebuilt/,
  );
  const { server, admin } = await serve();
  try {
    expect(await snapshot(server, admin)).toEqual(real);
  } finally {
    await server.close();
  }
}, 180_000);
