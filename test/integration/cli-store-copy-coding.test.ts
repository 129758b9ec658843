// `npm run cli -- store copy` with coding done: codebooks (a child, a merge that left a gap in the ids), answers coded
// in both passes with a passage, and a chosen quote, all made over HTTP on a real server and SQLite file, are copied
// into an empty PostgreSQL database and read back the same through the store (codes, codings, counts with key sums,
// agreement pairs, quotes, the queue); a SQLite coding row whose response is gone is refused with nothing written.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countPlansOf } from '../../exports/aggregates/count-plan';
import { DATABASE_FILE } from '../../server/boot';
import { loadCatalog } from '../../server/catalog/load';
import { openSqliteStore } from '../../server/store';
import { openPostgresStore } from '../../server/store-pg';
import { envelope, exampleAnswers, postResponse } from '../support/answers';
import { createUser, sendJson, signIn } from '../support/auth';
import { runCli } from '../support/cli';
import { freshSchema, type TestSchema } from '../support/postgres';
import { FIXTURE_SURVEYS, makeTempDir, startServer } from '../support/server';

const plans = countPlansOf(loadCatalog(FIXTURE_SURVEYS).catalog.surveys);
const labels = (en: string) => ({ kk: `${en} kk`, ru: `${en} ru`, en });
let dataDir: string;
let schema: TestSchema;
const ids: string[] = [];

beforeAll(async () => {
  dataDir = makeTempDir();
  schema = await freshSchema();
  const server = await startServer({ dataDir });
  try {
    await createUser(server.store, {
      email: 'author@example.kz',
      role: 'author',
      password: 'copy-password-1',
    });
    const author = await signIn(server.url, 'author@example.kz', 'copy-password-1');
    const send = async (method: string, path: string, body: unknown) => {
      const res = await sendJson(server.url, author, method, path, body);
      expect(res.status, `${method} ${path}: ${await res.clone().text()}`).toBeLessThan(300);
    };
    for (let i = 0; i < 10; i++) {
      const body = envelope(
        {},
        exampleAnswers({ region: i < 7 ? 'KZ-10' : 'KZ-71', proposal: `Ұсыныс нөмірі ${i}` }),
      );
      expect((await postResponse(server.url, body)).status).toBe(201);
      ids.push(String(body.id));
    }
    const book = '/api/surveys/example/codebooks/proposal';
    for (const code of ['premises', 'training', 'grants', 'other'])
      await send('POST', `${book}/codes`, { code, labels: labels(code) });
    await send('POST', `${book}/codes`, { code: 'courses', labels: labels('courses'), parent: 'training' });
    const put = (i: number, body: unknown) => send('PUT', `/api/responses/${ids[i]}/codes/proposal`, body);
    await put(0, { codes: ['premises', 'courses'], passages: { premises: { start: 0, end: 6 } } });
    await put(1, { codes: ['grants'] });
    await put(2, { codes: [] });
    await put(3, { codes: ['other'] });
    await put(8, { codes: ['premises'] });
    await put(0, { codes: ['premises'], pass: 2 });
    await put(8, { codes: ['grants'], pass: 2 });
    // The merge leaves "other"'s id unused: ids made on PostgreSQL must still go after the highest one.
    await send('POST', `${book}/merge`, { from: 'other', into: 'grants' });
    await send('PUT', `${book}/quotes`, { code: 'premises', response: ids[8], confirmSmallRegion: true });
  } finally {
    await server.close();
  }
}, 120_000);
afterAll(() => schema.drop());

const copy = (url: string) =>
  runCli(['store', 'copy', '--to', url], { dataDir, surveysDir: FIXTURE_SURVEYS, timeout: 60_000 });

describe('store copy of the coding', () => {
  it('copies codebooks, codings in both passes and quotes, and both engines read them back alike', async () => {
    const run = await copy(schema.url);
    expect(run.status, run.stderr).toBe(0);
    for (const table of ['coding_codes: 4 rows', 'coded_answers: 7 rows', 'answer_codes: 7 rows'])
      expect(run.stdout).toContain(table);
    expect(run.stdout).toContain('coding_quotes: 1 rows');

    const sqlite = openSqliteStore(join(dataDir, DATABASE_FILE), { projections: { countPlans: plans } });
    const pg = await openPostgresStore(schema.url, { countPlans: plans, poolSize: 2 });
    try {
      const codes = await pg.listSurveyCodes('example');
      expect(codes).toEqual(await sqlite.listSurveyCodes('example'));
      expect(codes.map((c) => c.code)).toEqual(['premises', 'training', 'grants', 'courses']);
      for (const id of ids) {
        const [a, b] = [
          await sqlite.getAnswerToCode(id, 'proposal'),
          await pg.getAnswerToCode(id, 'proposal'),
        ];
        expect({ ...b, rowid: 0 }).toEqual({ ...a, rowid: 0 });
        for (const pass of [1, 2] as const)
          expect(await pg.getAnswerCoding(b!, 'proposal', pass)).toEqual(
            await sqlite.getAnswerCoding(a!, 'proposal', pass),
          );
      }
      const tally = await pg.tallyCodes({ surveyId: 'example' }, 'proposal');
      expect(tally.length).toBeGreaterThan(0);
      expect(tally).toEqual(
        [...(await sqlite.tallyCodes({ surveyId: 'example' }, 'proposal'))].sort((x, y) =>
          x.region < y.region ? -1 : x.region > y.region ? 1 : x.codeId - y.codeId,
        ),
      );
      const regions = ['KZ-10', 'KZ-71'];
      expect(await pg.listCodingPairs('example', 'proposal', 'proposal', regions)).toEqual(
        await sqlite.listCodingPairs('example', 'proposal', 'proposal', regions),
      );
      expect(await pg.listQuotes('example', 'proposal', 'proposal')).toEqual(
        await sqlite.listQuotes('example', 'proposal', 'proposal'),
      );
      const query = {
        filter: { surveyId: 'example' },
        question: 'proposal',
        key: 'proposal',
        pass: 1 as const,
        state: 'all' as const,
        offset: 0,
        limit: 50,
      };
      const queue = await pg.listCodingQueue(query);
      expect([queue.total, queue.coded]).toEqual([10, 5]);
      expect(queue).toEqual(await sqlite.listCodingQueue(query));
      // A code added on PostgreSQL gets an id after every copied one.
      const added = await pg.addCode({
        surveyId: 'example',
        question: 'proposal',
        code: 'new',
        labels: labels('new'),
        description: '',
        parent: null,
        rules: [],
        at: 'T',
      });
      expect(added.ok && added.code.id).toBeGreaterThan(Math.max(...codes.map((c) => c.id)));
    } finally {
      await sqlite.close();
      await pg.close();
    }
  });

  it('refuses a coding row whose response is gone, writing nothing', async () => {
    const db = new Database(join(dataDir, DATABASE_FILE));
    db.prepare(
      `INSERT INTO coded_answers (survey_id, question, pass, response_rowid, coder, coded_at)
       VALUES ('example', 'proposal', 1, 999999, 'a@example.kz', 'T')`,
    ).run();
    db.close();
    const empty = await freshSchema();
    try {
      const run = await copy(empty.url);
      expect(run.status).toBe(1);
      expect(run.stderr).toContain('coded_answers: 8 rows in SQLite, 7 in PostgreSQL');
      const pg = await openPostgresStore(empty.url, { poolSize: 1 });
      expect(await pg.countStoredResponses({ surveyId: 'example' })).toBe(0);
      expect(await pg.listSurveyCodes('example')).toEqual([]);
      await pg.close();
    } finally {
      await empty.drop();
    }
  });
});
