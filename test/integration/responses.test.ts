// POST /api/surveys/:id/responses against the real server and a real database (SQLite, or PostgreSQL on the
// integration-pg run): every status of the contract.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { envelope, exampleAnswers, postResponse } from '../support/answers';
import { startServer, type TestServer } from '../support/server';
import { queryNumber, queryRows } from '../support/stored-data';

let server: TestServer;
const rowCount = () => queryNumber(server.dataDir, 'SELECT count(*) FROM responses');

beforeAll(async () => {
  server = await startServer();
  await server.store.addBriefing(
    {
      slug: 'semey-2023',
      surveyId: 'example',
      region: 'KZ-10',
      city: 'Semey',
      date: '2023-09-15',
      title: { kk: 'Семей', ru: 'Семей', en: 'Semey' },
    },
    new Date().toISOString(),
  );
  await server.store.addBriefing(
    {
      slug: 'other-survey',
      surveyId: 'elsewhere',
      region: 'KZ-55',
      city: 'Pavlodar',
      date: '2023-09-20',
      title: { kk: 'П', ru: 'П', en: 'P' },
    },
    new Date().toISOString(),
  );
});
afterAll(() => server.close());

function expectProblem(
  r: { status: number; headers: Headers; json: Record<string, any> | null },
  status: number,
) {
  expect(r.status).toBe(status);
  expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(r.json).toMatchObject({
    status,
    type: expect.stringMatching(/^\/problems\//),
    title: expect.any(String),
    detail: expect.any(String),
  });
  expect(JSON.stringify(r.json)).not.toMatch(/at .+\.ts:\d+|node_modules|SQLITE|SELECT /);
}

describe('POST /api/surveys/:id/responses', () => {
  it('answers 201 and stores the answers exactly as sent, with version, region, locale and briefing', async () => {
    const body = envelope({ briefing: 'semey-2023', locale: 'ru' });
    const r = await postResponse(server.url, body);
    expect(r.status).toBe(201);
    expect(r.json).toMatchObject({
      id: body.id,
      survey: 'example',
      version: 1,
      reference: String(body.id).slice(0, 8).toUpperCase(),
    });
    const stored = await server.store.getResponse(String(body.id));
    expect(stored).toMatchObject({ version: 1, region: 'KZ-10', locale: 'ru', briefing: 'semey-2023' });
    expect(stored?.answers).toEqual(body.data);
  });

  it('answers 200 with the same receipt when the same id comes again with the same content, and stores it once', async () => {
    const body = envelope();
    const first = await postResponse(server.url, body);
    const before = await rowCount();
    const reordered = {
      data: { ...(body.data as object) },
      startedAt: body.startedAt,
      locale: body.locale,
      version: 1,
      id: body.id,
    };
    const again = await postResponse(server.url, reordered);
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(again.json?.submittedAt).toBe(first.json?.submittedAt);
    expect(await rowCount()).toBe(before);
  });

  it('answers 409 when the same id comes with other answers, and keeps the first answers', async () => {
    const body = envelope();
    await postResponse(server.url, body);
    const r = await postResponse(server.url, { ...body, data: exampleAnswers({ cooperation: 1 }) });
    expectProblem(r, 409);
    expect((await server.store.getResponse(String(body.id)))?.answers.cooperation).toBe(4);
  });

  it('treats one uuid written in upper and lower case as one response', async () => {
    const body = envelope();
    await postResponse(server.url, body);
    const r = await postResponse(server.url, { ...body, id: String(body.id).toUpperCase() });
    expect(r.status).toBe(200);
  });

  it('stores contact details apart from the answers', async () => {
    const body = envelope({}, exampleAnswers({ consent: true, email: 'aigerim@example.kz' }));
    expect((await postResponse(server.url, body)).status).toBe(201);
    expect((await server.store.getResponse(String(body.id)))?.answers).not.toHaveProperty('email');
    const [row] = await queryRows<{ answers: string }>(
      server.dataDir,
      'SELECT answers FROM response_contacts WHERE response_id = ?',
      [body.id],
    );
    expect(JSON.parse(row!.answers)).toEqual({ email: 'aigerim@example.kz' });
  });

  it.each([
    ['a required question is unanswered', exampleAnswers({ role: undefined }), 'role'],
    ['a choice is not in the list', exampleAnswers({ role: 'astronaut' }), 'role'],
    ['a rating has the wrong type', exampleAnswers({ cooperation: '4' }), 'cooperation'],
    ['a rating is out of range', exampleAnswers({ cooperation: 9 }), 'cooperation'],
    [
      'a checkbox has more choices than allowed',
      exampleAnswers({ top_needs: ['funding', 'training', 'premises'] }),
      'top_needs',
    ],
    ['text is longer than maxLength', exampleAnswers({ proposal: 'ә'.repeat(501) }), 'proposal'],
    ['a question is unknown', exampleAnswers({ favourite_colour: 'blue' }), 'favourite_colour'],
    ['a hidden question is answered', exampleAnswers({ consent: false, email: 'a@b.kz' }), 'email'],
    ['a validator fails', exampleAnswers({ consent: true, email: 'not-an-email' }), 'email'],
    ['the region is not one of the 20 codes', exampleAnswers({ region: 'kz-10' }), 'region'],
    ['the region has spaces', exampleAnswers({ region: ' KZ-10' }), 'region'],
    [
      'a __proto__ key is sent',
      JSON.parse('{"region":"KZ-10","role":"volunteer","__proto__":{"polluted":true}}'),
      '__proto__',
    ],
  ])('answers 422 naming the question when %s, and stores nothing', async (_case, data, question) => {
    const before = await rowCount();
    const r = await postResponse(server.url, envelope({}, data as Record<string, unknown>));
    expectProblem(r, 422);
    expect(r.json?.errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ question, message: expect.any(String) })]),
    );
    expect(await rowCount()).toBe(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each([
    ['the briefing does not exist', 'nowhere', 'briefing'],
    ['the briefing belongs to another survey', 'other-survey', 'briefing'],
  ])('answers 422 when %s', async (_case, briefing, question) => {
    const r = await postResponse(server.url, envelope({ briefing }));
    expectProblem(r, 422);
    expect(r.json?.errors).toEqual([expect.objectContaining({ question })]);
  });

  it.each([
    ['the id is not a uuid', { id: 'abc' }, 'id'],
    ['the version is not an integer', { version: '1' }, 'version'],
    ['the locale is not kk, ru or en', { locale: 'de' }, 'locale'],
    ['startedAt is not ISO 8601', { startedAt: 'yesterday' }, 'startedAt'],
    [
      'startedAt is an hour in the future',
      { startedAt: new Date(Date.now() + 3600_000).toISOString() },
      'startedAt',
    ],
    ['data is an array', { data: [] }, 'data'],
    ['an unknown envelope field is sent', { extra: 1 }, 'extra'],
  ])('answers 400 naming the field when %s', async (_case, overrides, field) => {
    const r = await postResponse(server.url, envelope(overrides));
    expectProblem(r, 400);
    expect(r.json?.errors).toEqual(expect.arrayContaining([expect.objectContaining({ question: field })]));
  });

  it('answers 400 when the body is not JSON', async () => {
    expectProblem(await postResponse(server.url, '{"id": '), 400);
  });

  it('answers 400 when the body is not valid UTF-8', async () => {
    const bytes = Buffer.concat([Buffer.from('{"id":"'), Buffer.from([0xc3, 0x28]), Buffer.from('"}')]);
    const r = await postResponse(server.url, new Blob([bytes]));
    expectProblem(r, 400);
    expect(r.json?.type).toBe('/problems/invalid-utf8');
  });

  it('answers 400 when the JSON is nested 10,000 deep', async () => {
    const deep = '['.repeat(10_000) + ']'.repeat(10_000);
    const r = await postResponse(server.url, `{"id":"x","data":{"region":${deep}}}`);
    expectProblem(r, 400);
    expect(r.json?.type).toBe('/problems/json-too-deep');
  });

  it('answers 415 when the body is not application/json', async () => {
    const r = await postResponse(server.url, JSON.stringify(envelope()), 'example', {
      'content-type': 'text/plain',
    });
    expectProblem(r, 415);
  });

  it('answers 413 when the body is over the limit, naming the limit', async () => {
    const r = await postResponse(
      server.url,
      envelope({}, exampleAnswers({ proposal: 'x'.repeat(300 * 1024) })),
    );
    expectProblem(r, 413);
    expect(r.json?.detail).toMatch(/262144 bytes/);
  });

  it('answers 404 for a survey or a version that does not exist', async () => {
    expectProblem(await postResponse(server.url, envelope(), 'no-such-survey'), 404);
    expectProblem(await postResponse(server.url, envelope({ version: 7 })), 404);
    expectProblem(await postResponse(server.url, envelope(), '..%2F..%2Fetc'), 404);
  });

  it('answers 410 when the survey is closed, and 201 again once it reopens', async () => {
    await server.store.setSurveyClosed('example', true, new Date().toISOString());
    try {
      expectProblem(await postResponse(server.url, envelope()), 410);
    } finally {
      await server.store.setSurveyClosed('example', false, new Date().toISOString());
    }
    expect((await postResponse(server.url, envelope())).status).toBe(201);
  });

  it('keeps every outcome exact when many requests share one group commit', async () => {
    const clash = envelope();
    await postResponse(server.url, clash);
    const before = await rowCount();
    const good = Array.from({ length: 40 }, () => envelope());
    const results = await Promise.all([
      ...good.map((b) => postResponse(server.url, b)),
      postResponse(server.url, { ...clash, data: exampleAnswers({ cooperation: 2 }) }),
      postResponse(server.url, envelope({}, exampleAnswers({ role: 'astronaut' }))),
      ...good.slice(0, 5).map((b) => postResponse(server.url, b)),
    ]);
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 409)).toHaveLength(1);
    expect(statuses.filter((s) => s === 422)).toHaveLength(1);
    expect(statuses.filter((s) => s === 201 || s === 200)).toHaveLength(45);
    expect(await rowCount()).toBe(before + 40);
    expect(server.logged).toEqual([]);
  });
});

describe('POST /api/surveys/:id/responses rate limit', () => {
  it('answers 429 with Retry-After once an address exceeds its burst', async () => {
    const limited = await startServer({ config: { responsesRateLimit: { burst: 3, perSecond: 0.1 } } });
    try {
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await postResponse(limited.url, envelope())).status);
      expect(statuses).toEqual([201, 201, 201, 429]);
      const r = await postResponse(limited.url, envelope());
      expectProblem(r, 429);
      expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0);
    } finally {
      await limited.close();
    }
  });
});
