// `npm run cli -- store copy` with the analysts' desk in use: reviews (one rejection, which no count holds), a
// contact erasure, personal API tokens (one revoked) and demo data (a demo briefing, demo answers) on a real server's
// SQLite file are copied into an empty PostgreSQL database, proved equal, and read back the same through the store:
// statuses, erasures, the responses table, the tokens (still usable by their digest, new ids after the copied
// ones), the counts without the rejected response, and the demo data, which is then removed there exactly.
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countPlansOf } from '../../exports/aggregates/count-plan';
import { DATABASE_FILE } from '../../server/boot';
import { loadCatalog } from '../../server/catalog/load';
import { openSqliteStore, type NewAuditEntry } from '../../server/store';
import { openPostgresStore } from '../../server/store-pg';
import { envelope, exampleAnswers, postResponse } from '../support/answers';
import { runCli } from '../support/cli';
import { freshSchema, type TestSchema } from '../support/postgres';
import { FIXTURE_SURVEYS, makeTempDir, startServer } from '../support/server';

const plans = countPlansOf(loadCatalog(FIXTURE_SURVEYS).catalog.surveys);
const digest = (token: string) => createHash('sha256').update(token).digest('hex');
const entry = (): NewAuditEntry => ({
  at: '2024-02-01T00:00:00.000Z',
  actor: 'admin@example.kz',
  action: 'response-reviewed',
  address: null,
  details: {},
});
let dataDir: string;
let schema: TestSchema;
const ids: string[] = [];

beforeAll(async () => {
  dataDir = makeTempDir();
  schema = await freshSchema();
  const server = await startServer({ dataDir });
  try {
    const { store } = server;
    const admin = (await store.addUser({
      email: 'admin@example.kz',
      role: 'admin',
      regions: null,
      passwordHash: 'scrypt$x',
      createdAt: '2024-01-01T00:00:00.000Z',
    }))!;
    for (let i = 0; i < 12; i++) {
      const body = envelope(
        {},
        exampleAnswers({
          region: i % 2 ? 'KZ-11' : 'KZ-10',
          cooperation: (i % 5) + 1,
          consent: true,
          email: `r${i}@example.kz`,
        }),
      );
      expect((await postResponse(server.url, body)).status).toBe(201);
      ids.push(String(body.id));
    }
    await store.reviewResponses(
      [ids[0]!],
      { status: 'rejected', note: 'test', at: 'R', by: 'a' },
      () => true,
      entry,
    );
    await store.reviewResponses(
      [ids[1]!, ids[2]!],
      { status: 'approved', note: null, at: 'R', by: 'a' },
      () => true,
      entry,
    );
    await store.eraseContacts(ids[3]!, 'E', 'admin@example.kz', entry);
    for (const name of ['pspp', 'r-script'])
      await store.addApiToken({
        userId: admin.id,
        name,
        tokenSha256: digest(name),
        createdAt: '2024-01-02T00:00:00.000Z',
        expiresAt: '2099-01-01T00:00:00.000Z',
      });
    const pspp = (await store.listApiTokens(admin.id)).find((t) => t.name === 'pspp')!;
    await store.revokeApiToken(admin.id, pspp.id, 'V');
    await store.addBriefing(
      {
        slug: 'demo-hall',
        surveyId: 'example',
        region: 'KZ-10',
        city: 'Demo',
        date: '2023-09-15',
        title: { kk: 'Демо', ru: 'Демо', en: 'Demo' },
      },
      'T',
      true,
    );
    await store.insertResponses(
      [0, 1, 2].map((i) => ({
        id: `demo-${i}`,
        surveyId: 'example',
        version: 1,
        locale: 'ru' as const,
        region: 'KZ-10',
        briefing: 'demo-hall',
        startedAt: null,
        submittedAt: `2023-09-15T10:0${i}:00.000Z`,
        answers: exampleAnswers({ cooperation: i + 1 }),
        contacts: null,
        contentHash: `demo-${i}`,
        demo: true,
      })),
    );
  } finally {
    await server.close();
  }
});
afterAll(() => schema.drop());

describe('npm run cli -- store copy, the analysts’ desk', () => {
  it('copies reviews, erasures, API tokens and the demo marks, proves them equal, and reads them back the same', async () => {
    const run = await runCli(['store', 'copy', '--to', schema.url], {
      dataDir,
      surveysDir: FIXTURE_SURVEYS,
      timeout: 60_000,
    });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('response_reviews: 3 rows');
    expect(run.stdout).toContain('contact_erasures: 1 rows');
    expect(run.stdout).toContain('api_tokens: 2 rows');
    expect(run.stdout).toMatch(/copied and proved equal in [\d.]+ s: 15 responses/);

    const sqlite = openSqliteStore(join(dataDir, DATABASE_FILE), { projections: { countPlans: plans } });
    const pg = await openPostgresStore(schema.url, { countPlans: plans, poolSize: 2 });
    try {
      for (const id of ids) {
        expect(await pg.getReview(id)).toEqual(await sqlite.getReview(id));
        expect(await pg.getContactErasure(id)).toEqual(await sqlite.getContactErasure(id));
        expect(await pg.hasContacts(id)).toBe(await sqlite.hasContacts(id));
      }
      expect(await pg.hasContacts(ids[3]!)).toBe(false);
      const table = { surveyId: 'example', regions: ['KZ-10', 'KZ-11'], offset: 0, limit: 100 };
      const strip = (items: { flags: number | null }[]) => items.map((i) => ({ ...i, flags: null }));
      // The stored lines (and their flags) are not copied: the first server's filler renders them.
      expect(strip((await pg.listResponses(table)).items)).toEqual(
        strip((await sqlite.listResponses(table)).items),
      );
      // The counts leave the rejected response out on both, and count it back with review=all alike.
      // Groups in key order: neither engine promises an order of its groups.
      const norm = (groups: { key: unknown }[]) =>
        JSON.parse(
          JSON.stringify(
            [...groups].sort((a, b) => (String(a.key) < String(b.key) ? -1 : 1)),
            (_, v) => (v instanceof Map ? [...v] : v),
          ),
        );
      for (const filter of [{ surveyId: 'example' }, { surveyId: 'example', review: 'all' as const }]) {
        expect(norm(await pg.tallyAnswers(filter, { by: 'region' }))).toEqual(
          norm(await sqlite.tallyAnswers(filter, { by: 'region' })),
        );
        expect(await pg.countResponsesBy(filter, 'region')).toEqual(
          await sqlite.countResponsesBy(filter, 'region'),
        );
      }
      // Tokens: the same rows, usable by digest where SQLite's were, new ids after the copied ones.
      const admin = (await pg.getUserCredentials('admin@example.kz'))!.user;
      expect(await pg.listApiTokens(admin.id)).toEqual(await sqlite.listApiTokens(admin.id));
      expect(await pg.useApiToken(digest('r-script'), '2024-03-01T00:00:00.000Z')).toMatchObject({
        name: 'r-script',
      });
      expect(await pg.useApiToken(digest('pspp'), '2024-03-01T00:00:00.000Z')).toBeUndefined();
      const next = await pg.addApiToken({
        userId: admin.id,
        name: 'new',
        tokenSha256: digest('new'),
        createdAt: 'T',
        expiresAt: 'U',
      });
      expect(next.id).toBeGreaterThan(2);
      // The demo marks came along: the banner's numbers, then a removal that leaves the real answers' counts.
      expect(await pg.countDemoData()).toEqual(await sqlite.countDemoData());
      expect(await pg.countDemoData()).toEqual({ responses: 3, briefings: 1 });
      const realOnly = norm(
        await pg.tallyAnswers({ surveyId: 'example', regions: ['KZ-11'] }, { by: 'all' }),
      );
      expect(await pg.removeDemoData()).toMatchObject({ responses: 3, briefings: 1, keptBriefings: [] });
      expect((await pg.countResponsesBy({ surveyId: 'example' }, 'region')).map((d) => d.responses)).toEqual([
        5, 6,
      ]);
      expect(norm(await pg.tallyAnswers({ surveyId: 'example', regions: ['KZ-11'] }, { by: 'all' }))).toEqual(
        realOnly,
      );
    } finally {
      await sqlite.close();
      await pg.close();
    }
  });
});
