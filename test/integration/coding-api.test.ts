// Codebooks and coding over HTTP on a real server and SQLite file: codes created, renamed and merged without losing
// the answers' codes, answers coded and uncoded, counts by region, rules previewed and applied, every change in the
// audit log, and bad input answered with problem+json naming the field.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { envelope, exampleAnswers, postResponse } from '../support/answers';
import { createUser, fetchAs, sendJson, signIn } from '../support/auth';
import { startServer, type TestServer } from '../support/server';
import { collect } from '../support/collect';

let server: TestServer;
let author: string;
let analyst55: string;
let admin: string;
const ids: Record<string, string> = {};
const PASSWORD = 'coding-password-1';

const labels = (en: string) => ({ kk: `${en} kk`, ru: `${en} ru`, en });

async function answer(name: string, region: string, proposal: string) {
  const body = envelope({}, exampleAnswers({ region, proposal }));
  const res = await postResponse(server.url, body);
  expect(res.status).toBe(201);
  ids[name] = String(body.id);
}

const put = (cookie: string, id: string, body: unknown) =>
  sendJson(server.url, cookie, 'PUT', `/api/responses/${id}/codes/proposal`, body);
// An admin may download the rows, so sees exact counts; an author's are published by the cell key method.
const counts = async (query = '', as = () => admin) =>
  (await (
    await fetchAs(server.url, as(), `/api/surveys/example/codebooks/proposal/counts${query}`)
  ).json()) as any;

beforeAll(async () => {
  // A threshold of 2 keeps these few answers' counts visible while a region with one answer stays hidden.
  server = await startServer({ config: { smallCellThreshold: 2 } });
  await createUser(server.store, { email: 'author@example.kz', role: 'author', password: PASSWORD });
  await createUser(server.store, {
    email: 'analyst55@example.kz',
    role: 'analyst',
    regions: ['KZ-55'],
    password: PASSWORD,
  });
  await createUser(server.store, { email: 'admin@example.kz', role: 'admin', password: PASSWORD });
  author = await signIn(server.url, 'author@example.kz', PASSWORD);
  admin = await signIn(server.url, 'admin@example.kz', PASSWORD);
  analyst55 = await signIn(server.url, 'analyst55@example.kz', PASSWORD);
  // Six in Abai (KZ-10), so its counts are shown; one in Astana (KZ-71).
  await answer('a1', 'KZ-10', 'Волонтерлік орталыққа ғимарат керек');
  await answer('a2', 'KZ-10', 'Нужно помещение для волонтерского центра');
  await answer('a3', 'KZ-10', 'Оқыту курстары қажет');
  await answer('a4', 'KZ-10', 'Больше обучения и тренингов');
  await answer('a5', 'KZ-10', 'Волонтерлер орталығы үшін үй-жай');
  await answer('a6', 'KZ-10', 'Гранты для НКО');
  await answer('b1', 'KZ-71', 'Помещения для центров');
  // Sign-ins hash passwords (scrypt, ~0.2 s each): on a busy machine that takes a while.
}, 90_000);
afterAll(() => server.close());

describe('codebooks', () => {
  it('POST …/codes creates a code (201) and lists it in the codebook', async () => {
    for (const [code, en] of [
      ['premises', 'Premises'],
      ['training', 'Training'],
      ['grants', 'Grants'],
    ]) {
      const res = await sendJson(
        server.url,
        author,
        'POST',
        '/api/surveys/example/codebooks/proposal/codes',
        {
          code,
          labels: labels(en!),
        },
      );
      expect(res.status).toBe(201);
    }
    const book = (await (
      await fetchAs(server.url, author, '/api/surveys/example/codebooks/proposal')
    ).json()) as any;
    expect(book.codes.map((c: any) => c.code)).toEqual(['premises', 'training', 'grants']);
    expect(book.codes[0].labels).toEqual(labels('Premises'));
  });

  it('answers 409 for a code that exists, 400 naming a bad field, 403 to an analyst, 404 for a question without text', async () => {
    const path = '/api/surveys/example/codebooks/proposal/codes';
    const dup = await sendJson(server.url, author, 'POST', path, { code: 'premises', labels: labels('x') });
    expect(dup.status).toBe(409);
    expect(dup.headers.get('content-type')).toMatch(/application\/problem\+json/);
    const bad = await sendJson(server.url, author, 'POST', path, {
      code: 'Bad Name',
      labels: { kk: 'a', ru: '' },
    });
    expect(bad.status).toBe(400);
    const problem = (await bad.json()) as any;
    expect(problem.errors.map((e: any) => e.question).sort()).toEqual(['code', 'labels.en', 'labels.ru']);
    const badRule = await sendJson(server.url, author, 'POST', path, {
      code: 'x',
      labels: labels('x'),
      rules: ['а*'],
    });
    expect(((await badRule.json()) as any).errors[0].question).toBe('rules.0');
    expect(
      (await sendJson(server.url, analyst55, 'POST', path, { code: 'y', labels: labels('y') })).status,
    ).toBe(403);
    const noText = await sendJson(
      server.url,
      author,
      'POST',
      '/api/surveys/example/codebooks/top_needs/codes',
      {
        code: 'y',
        labels: labels('y'),
      },
    );
    expect(noText.status).toBe(404);
  });

  it('refuses a third level (409) and accepts a sub-code of a top-level code', async () => {
    const path = '/api/surveys/example/codebooks/proposal/codes';
    const child = await sendJson(server.url, author, 'POST', path, {
      code: 'centre_premises',
      labels: labels('Premises for a centre'),
      parent: 'premises',
    });
    expect(child.status).toBe(201);
    const grandchild = await sendJson(server.url, author, 'POST', path, {
      code: 'deeper',
      labels: labels('Deeper'),
      parent: 'centre_premises',
    });
    expect(grandchild.status).toBe(409);
    expect(((await grandchild.json()) as any).type).toBe('/problems/codebook-too-deep');
  });
});

describe('coding answers', () => {
  it('PUT /api/responses/:id/codes/:question stores the codes with a passage and counts them by region', async () => {
    const res = await put(author, ids.a1!, {
      codes: ['premises'],
      passages: { premises: { start: 0, end: 21 } },
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as any;
    expect(body.coding.codes).toEqual(['premises']);
    expect(body.coding.passages.premises).toEqual({ start: 0, end: 21 });
    expect(body.coding.coder).toBe('author@example.kz');
    expect(body.previous).toBeNull();
    for (const [id, codes] of [
      [ids.a2, ['premises']],
      [ids.a3, ['training']],
      [ids.a4, ['training']],
      [ids.a5, ['premises', 'training']],
      [ids.b1, ['premises']],
    ] as const)
      expect((await put(author, id!, { codes })).status).toBe(200);
    const c = await counts();
    const abai = c.regions.find((r: any) => r.region === 'KZ-10');
    expect(abai.coded).toEqual({ count: 5, percent: null });
    expect(abai.codes.premises).toEqual({ count: 3, percent: 60 });
    expect(abai.codes.grants).toEqual({ count: 0, percent: 0 });
    // Astana has one coded answer: hidden, and so is every code's count there.
    const astana = c.regions.find((r: any) => r.region === 'KZ-71');
    expect(astana.coded).toEqual({ suppressed: true });
    expect(astana.codes.premises).toEqual({ suppressed: true });
    expect(c.total.codes.premises).toEqual({ count: 4, percent: 66.7 });
  });

  it("publishes an author's counts by the cell key method: near the true ones, the same on every read", async () => {
    const first = await counts('', () => author);
    const again = await counts('', () => author);
    expect(again).toEqual(first);
    const published = first.total.codes.premises.count;
    expect(Math.abs(published - 4)).toBeLessThanOrEqual(2);
  });

  it('a second PUT replaces the codes and returns the previous ones; DELETE makes it uncoded again', async () => {
    const res = await put(author, ids.a4!, { codes: ['grants'] });
    expect(((await res.json()) as any).previous.codes).toEqual(['training']);
    const undo = await put(author, ids.a4!, { codes: ['training'] });
    expect(((await undo.json()) as any).coding.codes).toEqual(['training']);
    await put(author, ids.a6!, { codes: ['grants'] });
    const del = await fetchAs(server.url, author, `/api/responses/${ids.a6}/codes/proposal`, {
      method: 'DELETE',
    });
    expect(((await del.json()) as any).previous.codes).toEqual(['grants']);
    const c = await counts();
    expect(c.regions.find((r: any) => r.region === 'KZ-10').coded).toEqual({ count: 5, percent: null });
  });

  it('answers 422 naming an unknown code, 400 for a passage outside the text, 404 for a region the analyst may not read', async () => {
    const unknown = await put(author, ids.a1!, { codes: ['nope'] });
    expect(unknown.status).toBe(422);
    expect(((await unknown.json()) as any).errors[0].message).toMatch(/"nope"/);
    const outside = await put(author, ids.a1!, {
      codes: ['premises'],
      passages: { premises: { start: 5, end: 999 } },
    });
    expect(outside.status).toBe(400);
    expect(((await outside.json()) as any).errors[0].question).toBe('passages.premises');
    expect((await put(analyst55, ids.a1!, { codes: ['premises'] })).status).toBe(404);
    expect((await put(author, '6f0c1a8e-0000-4000-8000-000000000000', { codes: [] })).status).toBe(404);
    const c = await counts();
    expect(c.regions.find((r: any) => r.region === 'KZ-10').codes.premises).toEqual({
      count: 3,
      percent: 60,
    });
  });

  it('renaming a code keeps its answers; merging moves them and counts an answer with both codes once', async () => {
    const rename = await sendJson(
      server.url,
      author,
      'PATCH',
      '/api/surveys/example/codebooks/proposal/codes/training',
      {
        code: 'learning',
        labels: { en: 'Learning' },
      },
    );
    expect(rename.status).toBe(200);
    expect(((await rename.json()) as any).labels).toEqual({
      kk: 'Training kk',
      ru: 'Training ru',
      en: 'Learning',
    });
    let c = await counts();
    expect(c.total.codes.learning).toEqual({ count: 3, percent: 50 });
    const merge = await sendJson(
      server.url,
      author,
      'POST',
      '/api/surveys/example/codebooks/proposal/merge',
      {
        from: 'learning',
        into: 'premises',
      },
    );
    expect(merge.status).toBe(200);
    expect(((await merge.json()) as any).moved).toBe(2); // a3 and a4; a5 had both already
    c = await counts();
    expect(c.total.codes.learning).toBeUndefined();
    expect(c.regions.find((r: any) => r.region === 'KZ-10').codes.premises).toEqual({
      count: 5,
      percent: 100,
    });
    const coded = (await (
      await fetchAs(server.url, author, '/api/surveys/example/coding/proposal?region=KZ-10')
    ).json()) as any;
    const a5 = coded.answers.find((a: any) => a.response === ids.a5);
    expect(a5.coding.codes).toEqual(['premises']);
  });

  it('writes every change to the audit log', async () => {
    const actions = (await collect(server.store.iterateAudit({ actor: 'author@example.kz' }))).map(
      (e) => e.action,
    );
    for (const action of ['code-created', 'code-changed', 'codes-merged', 'answer-coded'])
      expect(actions).toContain(action);
  });
});

describe('suggestion rules', () => {
  it('shows how many uncoded answers a rule would tag, suggests it in the queue, and codes them only when applied', async () => {
    await sendJson(server.url, author, 'PATCH', '/api/surveys/example/codebooks/proposal/codes/grants', {
      rules: ['грант*', 'қаржы*'],
    });
    const preview = (await (
      await fetchAs(server.url, author, '/api/surveys/example/codebooks/proposal/rules?region=KZ-10')
    ).json()) as any;
    expect(preview.uncoded).toBe(1);
    expect(preview.codes.find((c: any) => c.code === 'grants').matches).toBe(1);
    const queue = (await (
      await fetchAs(server.url, author, '/api/surveys/example/coding/proposal?region=KZ-10&state=uncoded')
    ).json()) as any;
    expect(queue.answers.map((a: any) => [a.response, a.suggested])).toEqual([[ids.a6, ['grants']]]);
    expect((await counts()).total.codes.grants).toEqual({ count: 0, percent: 0 });
    const apply = await fetchAs(
      server.url,
      author,
      '/api/surveys/example/codebooks/proposal/codes/grants/apply?region=KZ-10',
      { method: 'POST' },
    );
    expect(await apply.json()).toEqual({ code: 'grants', coded: 1 });
    const c = await counts('?region=KZ-10');
    expect(c.regions[0].coded).toEqual({ count: 6, percent: null });
    expect(c.regions[0].codes.grants).toEqual({ suppressed: true }); // one answer: below the threshold
    expect((await collect(server.store.iterateAudit({ action: 'rule-applied' })))[0]!.details).toMatchObject({
      coded: 1,
    });
  });
});
