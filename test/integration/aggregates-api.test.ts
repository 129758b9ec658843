// The aggregate APIs over HTTP (summary, crosstab, coverage, text) on the example survey: numbers equal the CSV
// export of the same filter, each role sees its regions only, personal data never appears, bad filters are named.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { envelope, exampleAnswers, postResponse } from '../support/answers';
import { createUser, fetchAs, signIn } from '../support/auth';
import { download, parseCsv } from '../support/export-download';
import { seeded } from '../support/random-answers';
import { startServer, type TestServer } from '../support/server';

const PASSWORD = 'correct horse battery staple';
let server: TestServer;
let now = new Date('2024-03-01T06:00:00.000Z');
const cookies: Record<'admin' | 'abai' | 'author', string> = { admin: '', abai: '', author: '' };
const emails: string[] = [];
/** Response ids in the order they were posted. */
const posted: string[] = [];

/** 12 answers in KZ-10, 8 in KZ-55, 2 in KZ-63; the last four KZ-10 ones at 20:00 UTC, i.e. 2 March in Kazakhstan. */
async function postAnswers() {
  const random = seeded(7);
  const plan = [...Array(12).fill('KZ-10'), ...Array(8).fill('KZ-55'), 'KZ-63', 'KZ-63'] as string[];
  for (const [i, region] of plan.entries()) {
    if (i === 8) now = new Date('2024-03-01T20:00:00.000Z');
    if (i === 12) now = new Date('2024-03-01T06:00:00.000Z');
    const consent = random.next() < 0.5;
    const email = `person${i}@example.kz`;
    if (consent) emails.push(email);
    const data = exampleAnswers({
      region,
      role: random.pick(['volunteer', 'ngo_staff', 'akimat']),
      top_needs: random.pick([['funding'], ['training', 'premises'], ['funding', 'training'], []]),
      cooperation: 1 + random.int(5),
      proposal: random.pick([
        'Өңірлік Фронт-офиске қаржы керек',
        'Нужно ОБУЧЕНИЕ волонтеров',
        'more training',
      ]),
      consent,
      ...(consent && { email }),
    });
    const r = await postResponse(
      server.url,
      envelope({ startedAt: new Date(now.getTime() - 600_000).toISOString() }, data),
    );
    expect(r.status, r.text).toBe(201);
    posted.push(r.json!.id);
  }
}

beforeAll(async () => {
  server = await startServer({ clock: () => now });
  await postAnswers();
  const accounts = [
    { key: 'admin', email: 'admin@example.kz', role: 'admin', regions: null },
    { key: 'abai', email: 'abai@example.kz', role: 'analyst', regions: ['KZ-10'] },
    { key: 'author', email: 'author@example.kz', role: 'author', regions: null },
  ] as const;
  for (const a of accounts) {
    await createUser(server.store, {
      email: a.email,
      role: a.role,
      regions: a.regions && [...a.regions],
      password: PASSWORD,
    });
    cookies[a.key] = await signIn(server.url, a.email, PASSWORD);
  }
});
afterAll(() => server.close());

async function get(path: string, who: keyof typeof cookies = 'admin') {
  const res = await fetchAs(server.url, cookies[who], path);
  const text = await res.text();
  return { status: res.status, type: res.headers.get('content-type'), text, json: JSON.parse(text) as any };
}

const question = (body: any, name: string) => body.questions.find((q: any) => q.name === name);

describe('aggregate APIs', () => {
  it.each(['summary', 'crosstab?question=role&by=region', 'coverage', 'text/proposal'])(
    'answer 401 without a session: %s',
    async (path) => {
      const res = await fetch(`${server.url}/api/surveys/example/${path}`);
      expect(res.status).toBe(401);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
    },
  );

  it('give the same numbers as the CSV export of the same filter', async () => {
    for (const query of ['', '?region=KZ-10', '?from=2024-03-02', '?to=2024-03-01&region=KZ-10,KZ-55']) {
      const summary = (await get(`/api/surveys/example/summary${query}`)).json;
      const csv = await download(server.url, cookies.admin, `/api/surveys/example/export.csv${query}`);
      const rows = parseCsv(csv.body).rows;
      expect(summary.responses, query).toEqual(
        rows.length >= 5 ? { count: rows.length, percent: null } : { suppressed: true },
      );
      const role = question(summary, 'role');
      for (const c of role.choices) {
        const n = rows.filter((r) => r.role === c.code).length;
        // Hidden: a small cell, its complement (one hidden cell could be worked out from the total), or every cell
        // of a question whose n is itself small.
        if (c.result.suppressed)
          expect([query, c.code, n > 0 || role.answered.suppressed === true]).toEqual([query, c.code, true]);
        else expect([query, c.code, c.result.count]).toEqual([query, c.code, n]);
        if (n > 0 && n < 5) expect(c.result).toEqual({ suppressed: true });
      }
      const needs = question(summary, 'top_needs');
      for (const c of needs.choices.filter((x: any) => !x.result.suppressed))
        expect([query, c.code, c.result.count]).toEqual([
          query,
          c.code,
          rows.filter((r) => r[`top_needs/${c.code}`] === '1').length,
        ]);
      if (!question(summary, 'proposal').answered.suppressed)
        expect(question(summary, 'proposal').answered.count).toBe(
          rows.filter((r) => r.proposal !== '').length,
        );
    }
  });

  it('show a KZ-10 analyst only KZ-10, in every route, and refuse other regions with 403', async () => {
    const summary = await get('/api/surveys/example/summary', 'abai');
    expect(summary.json.filters.regions).toEqual(['KZ-10']);
    expect(summary.json.responses).toEqual({ count: 12, percent: null });
    const crosstab = await get('/api/surveys/example/crosstab?question=role&by=region', 'abai');
    expect(crosstab.json.groups.map((g: any) => g.code)).toEqual(['KZ-10']);
    expect(crosstab.json.total.asked.count).toBe(12);
    const byRole = await get('/api/surveys/example/crosstab?question=top_needs&by=role', 'abai');
    expect(
      byRole.json.groups.reduce((n: number, g: any) => n + (g.responses.count ?? 0), 0),
    ).toBeLessThanOrEqual(12);
    const coverage = await get('/api/surveys/example/coverage', 'abai');
    expect(coverage.json.regions.map((r: any) => r.code)).toEqual(['KZ-10']);
    expect(coverage.json.responses).toEqual({ count: 12, percent: null });
    const text = await get('/api/surveys/example/text/proposal?pageSize=200', 'abai');
    expect(text.json.answers.length).toBe(12);
    expect(new Set(text.json.answers.map((a: any) => a.region))).toEqual(new Set(['KZ-10']));
    for (const path of ['summary', 'coverage', 'text/proposal', 'crosstab?question=role&by=region']) {
      const refused = await get(
        `/api/surveys/example/${path}${path.includes('?') ? '&' : '?'}region=KZ-55`,
        'abai',
      );
      expect([path, refused.status]).toEqual([path, 403]);
    }
  });

  it('let an author read aggregates and texts, and an admin see all 20 regions with zeros flagged', async () => {
    expect((await get('/api/surveys/example/summary', 'author')).status).toBe(200);
    expect((await get('/api/surveys/example/text/proposal', 'author')).status).toBe(200);
    const coverage = (await get('/api/surveys/example/coverage')).json;
    expect(coverage.regions).toHaveLength(20);
    const byCode = Object.fromEntries(coverage.regions.map((r: any) => [r.code, r]));
    expect(byCode['KZ-10']).toMatchObject({ responses: { count: 12, percent: 54.5 }, none: false });
    expect(byCode['KZ-63']).toMatchObject({ responses: { suppressed: true }, none: false });
    expect(byCode['KZ-75']).toMatchObject({ responses: { count: 0, percent: 0 }, none: true });
    expect(coverage.days.map((d: any) => d.day)).toEqual(['2024-03-01', '2024-03-02']);
    expect(coverage.outsideBriefings).toEqual({ count: 22, percent: 100 });
    const crosstab = (await get('/api/surveys/example/crosstab?question=cooperation&by=region')).json;
    expect(crosstab.groups).toHaveLength(20);
    expect(crosstab.groups.filter((g: any) => g.empty)).toHaveLength(17);
  });

  it('never aggregate or list personal data', async () => {
    const summary = await get('/api/surveys/example/summary');
    expect(summary.json.questions.map((q: any) => q.name)).not.toContain('email');
    for (const path of [
      'summary',
      'coverage',
      'crosstab?question=consent&by=role',
      'text/proposal?pageSize=200',
    ])
      for (const email of emails)
        expect((await get(`/api/surveys/example/${path}`)).text).not.toContain(email);
    for (const path of [
      'crosstab?question=email&by=region',
      'crosstab?question=role&by=email',
      'text/email',
    ]) {
      const r = await get(`/api/surveys/example/${path}`);
      expect([path, r.status, r.type]).toEqual([
        path,
        403,
        expect.stringContaining('application/problem+json'),
      ]);
      expect(r.text).not.toContain('@example.kz');
    }
  });

  it.each([
    ['summary?region=KZ-99', 'region'],
    ['summary?version=one', 'version'],
    ['summary?version=7', 'version'],
    ['summary?briefing=no-such-briefing', 'briefing'],
    ['summary?from=2024-13-01', 'from'],
    ['summary?from=2024-03-01T10:00:00%2B05:00', 'from'],
    ['summary?from=2024-03-05&to=2024-03-01', 'to'],
    ['crosstab?by=region', 'question'],
    ['crosstab?question=role&by=proposal', 'by'],
    ['text/proposal?page=0', 'page'],
    ['text/proposal?pageSize=500', 'pageSize'],
  ])('answer 400 naming the parameter: %s', async (path, parameter) => {
    const r = await get(`/api/surveys/example/${path}`);
    expect(r.status, r.text).toBe(400);
    expect(r.json.errors.map((e: any) => e.question)).toContain(parameter);
  });

  it.each([
    'nope/summary',
    'example/crosstab?question=nope&by=region',
    'example/text/nope',
    'example/text/cooperation',
  ])('answer 404 for what does not exist: %s', async (path) => {
    const r = await get(`/api/surveys/${path}`);
    expect(r.status).toBe(404);
    expect(r.type).toContain('application/problem+json');
  });

  it('list free texts most recently received first, searched without regard to Cyrillic case, a page at a time', async () => {
    const all = (await get('/api/surveys/example/text/proposal?pageSize=5')).json;
    expect(all).toMatchObject({
      question: { name: 'proposal', source: 'answer' },
      total: 22,
      page: 1,
      pageSize: 5,
      hasMore: true,
    });
    expect(all.answers.map((a: any) => a.id)).toEqual(posted.slice(-5).reverse());
    const last = (await get('/api/surveys/example/text/proposal?pageSize=5&page=5')).json;
    expect(last).toMatchObject({ hasMore: false });
    expect(last.answers).toHaveLength(2);
    const found = (
      await get(`/api/surveys/example/text/proposal?q=${encodeURIComponent('обучение')}&pageSize=200`)
    ).json;
    expect(found.total).toBeNull();
    expect(found.answers.length).toBeGreaterThan(0);
    expect(found.answers.every((a: any) => a.text === 'Нужно ОБУЧЕНИЕ волонтеров')).toBe(true);
    const others = (await get('/api/surveys/example/text/role')).json;
    expect(others.question.source).toBe('other');
  });
});
