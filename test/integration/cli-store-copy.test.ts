// `npm run cli -- store copy --to postgres://…` as an operator runs it: a SQLite data folder that a real server
// filled (responses with contact details, a briefing, a user with a session, the audit log) is copied into an empty
// PostgreSQL database and proved equal; the copy answers as the original (responses, counts with the same cell keys,
// sign-in data). A second copy into the now non-empty database, and a SQLite database holding data the PostgreSQL
// engine does not keep yet, are refused with nothing written.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countPlansOf } from '../../exports/aggregates/count-plan';
import { DATABASE_FILE } from '../../server/boot';
import { loadCatalog } from '../../server/catalog/load';
import { openSqliteStore } from '../../server/store';
import { openPostgresStore } from '../../server/store-pg';
import { envelope, exampleAnswers, postResponse } from '../support/answers';
import { runCli } from '../support/cli';
import { freshSchema, type TestSchema } from '../support/postgres';
import { FIXTURE_SURVEYS, makeTempDir, startServer } from '../support/server';

const plans = countPlansOf(loadCatalog(FIXTURE_SURVEYS).catalog.surveys);
let dataDir: string;
let schema: TestSchema;
const ids: string[] = [];

beforeAll(async () => {
  dataDir = makeTempDir();
  schema = await freshSchema();
  const server = await startServer({ dataDir });
  await server.store.addBriefing(
    {
      slug: 'semey-2023-09',
      surveyId: 'example',
      region: 'KZ-10',
      city: 'Semey',
      date: '2023-09-15',
      title: { kk: 'Семей', ru: 'Семей', en: 'Semey' },
    },
    '2023-09-01T00:00:00.000Z',
  );
  const user = (await server.store.addUser({
    email: 'admin@example.kz',
    role: 'admin',
    regions: null,
    passwordHash: 'scrypt$x',
    createdAt: '2024-01-01T00:00:00.000Z',
  }))!;
  await server.store.addSession({
    id: 'sess',
    userId: user.id,
    createdAt: '2024-01-01T00:00:00.000Z',
    expiresAt: '2099-01-01',
  });
  await server.store.recordAudit({
    at: '2024-01-01T00:00:00.000Z',
    actor: 'admin@example.kz',
    action: 'sign-in',
    address: null,
    details: {},
  });
  for (let i = 0; i < 30; i++) {
    const body = envelope(
      { ...(i % 3 === 0 && { briefing: 'semey-2023-09' }) },
      exampleAnswers({
        region: ['KZ-10', 'KZ-11', 'KZ-75'][i % 3],
        cooperation: (i % 5) + 1,
        consent: true,
        email: `r${i}@example.kz`,
      }),
    );
    const r = await postResponse(server.url, body);
    expect(r.status, r.text).toBe(201);
    ids.push(body.id as string);
  }
  await server.close();
});
afterAll(() => schema.drop());

const copy = (url: string) =>
  runCli(['store', 'copy', '--to', url], { dataDir, surveysDir: FIXTURE_SURVEYS, timeout: 60_000 });

describe('npm run cli -- store copy', () => {
  it('copies a SQLite database into an empty PostgreSQL one and proves it equal', async () => {
    const run = await copy(schema.url);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('responses: 30 rows');
    expect(run.stdout).toContain('users: 1 rows');
    expect(run.stdout).toMatch(
      /copied and proved equal in [\d.]+ s: 30 responses \(sha256 [0-9a-f]{64}\), \d+ count keys/,
    );

    const sqlite = openSqliteStore(join(dataDir, DATABASE_FILE), { projections: { countPlans: plans } });
    const pg = await openPostgresStore(schema.url, { countPlans: plans, poolSize: 2 });
    try {
      for (const id of ids) expect(await pg.getResponse(id)).toEqual(await sqlite.getResponse(id));
      // Same record keys, so the same counts and the same cell keys of disclosure control.
      const filter = { surveyId: 'example' };
      const norm = (groups: unknown) =>
        JSON.parse(JSON.stringify(groups, (_, v) => (v instanceof Map ? [...v] : v)));
      expect(norm(await pg.tallyAnswers(filter, { by: 'region' }))).toEqual(
        norm(await sqlite.tallyAnswers(filter, { by: 'region' })),
      );
      expect(await pg.countResponsesBy(filter, 'day')).toEqual(await sqlite.countResponsesBy(filter, 'day'));
      expect(await pg.briefingResponsesIn('semey-2023-09', ['KZ-10', 'KZ-11', 'KZ-75'])).toEqual(
        await sqlite.briefingResponsesIn('semey-2023-09', ['KZ-10', 'KZ-11', 'KZ-75']),
      );
      expect((await pg.getActiveSession('sess'))?.user.email).toBe('admin@example.kz');
      expect(await pg.publishedVersion('example', 1)).toEqual(await sqlite.publishedVersion('example', 1));
      // Ids made on PostgreSQL continue after the copied ones.
      const next = await pg.addUser({
        email: 'b@example.kz',
        role: 'author',
        regions: null,
        passwordHash: 'x',
        createdAt: 'T',
      });
      expect(next!.id).toBeGreaterThan(1);
    } finally {
      await sqlite.close();
      await pg.close();
    }
  });

  it('refuses to write into a database that is not empty', async () => {
    const run = await copy(schema.url);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('the PostgreSQL database is not empty (responses: 30 rows');
  });

  it('refuses a SQLite database holding data the PostgreSQL engine does not keep yet, writing nothing', async () => {
    // A table of a concern this engine has no counterpart for (every table SQLite has today is copied).
    const db = new Database(join(dataDir, DATABASE_FILE));
    db.exec(`CREATE TABLE response_notes (response_id TEXT, note TEXT)`);
    db.prepare(`INSERT INTO response_notes VALUES (?, 'a later concern')`).run(ids[0]);
    db.close();
    const empty = await freshSchema();
    try {
      const run = await copy(empty.url);
      expect(run.status).toBe(1);
      expect(run.stderr).toContain('response_notes (1 rows)');
      const pg = await openPostgresStore(empty.url, { poolSize: 1 });
      expect(await pg.countStoredResponses({ surveyId: 'example' })).toBe(0);
      await pg.close();
    } finally {
      await empty.drop();
    }
  });
});
