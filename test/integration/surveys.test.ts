// The public read routes: survey list, newest version, a given version, briefings, pages and unknown routes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../support/server';

let server: TestServer;
const get = async (path: string) => {
  const res = await fetch(server.url + path);
  return {
    status: res.status,
    type: res.headers.get('content-type') ?? '',
    headers: res.headers,
    json: (await res.json().catch(() => null)) as any,
  };
};

beforeAll(async () => {
  server = await startServer();
  await server.store.addBriefing(
    {
      slug: 'pavlodar-2023',
      surveyId: 'example',
      region: 'KZ-55',
      city: 'Pavlodar',
      date: '2023-09-20',
      title: { kk: 'Павлодар брифингі', ru: 'Брифинг в Павлодаре', en: 'Pavlodar briefing' },
    },
    new Date().toISOString(),
  );
});
afterAll(() => server.close());

describe('public survey routes', () => {
  it('GET /api/surveys lists each survey with its newest version and localized title', async () => {
    const r = await get('/api/surveys');
    expect(r.status).toBe(200);
    expect(r.json).toContainEqual({
      id: 'example',
      version: 1,
      closed: false,
      title: expect.objectContaining({ kk: 'Брифингке арналған үлгі сауалнама' }),
    });
  });

  it('GET /api/surveys/:id gives the newest version with its definition', async () => {
    const r = await get('/api/surveys/example');
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ id: 'example', version: 1, definition: { pages: expect.any(Array) } });
  });

  it('GET /api/surveys/:id/versions/:n gives that version, and 404 for one that does not exist', async () => {
    expect((await get('/api/surveys/example/versions/1')).json.version).toBe(1);
    const missing = await get('/api/surveys/example/versions/2');
    expect(missing.status).toBe(404);
    expect(missing.type).toMatch(/application\/problem\+json/);
    expect((await get('/api/surveys/example/versions/01')).status).toBe(404);
  });

  it('GET /api/surveys/:id answers 404 for an unknown survey and 410 for a closed one', async () => {
    expect((await get('/api/surveys/nope')).status).toBe(404);
    await server.store.setSurveyClosed('example', true, new Date().toISOString());
    try {
      const r = await get('/api/surveys/example');
      expect(r.status).toBe(410);
      expect((await get('/api/surveys')).json.find((s: any) => s.id === 'example').closed).toBe(true);
    } finally {
      await server.store.setSurveyClosed('example', false, new Date().toISOString());
    }
  });

  it('GET /api/briefings/:slug gives the briefing, and 404 for an unknown slug', async () => {
    const r = await get('/api/briefings/pavlodar-2023');
    expect(r.json).toEqual({
      slug: 'pavlodar-2023',
      survey: 'example',
      region: 'KZ-55',
      city: 'Pavlodar',
      cityNames: {},
      date: '2023-09-20',
      title: { kk: 'Павлодар брифингі', ru: 'Брифинг в Павлодаре', en: 'Pavlodar briefing' },
    });
    expect((await get('/api/briefings/none')).status).toBe(404);
  });

  it('answers unknown API routes with a problem+json 404, and sets a CSP that allows no outside origin', async () => {
    const r = await get('/api/nothing');
    expect(r.status).toBe(404);
    expect(r.type).toMatch(/application\/problem\+json/);
    expect(r.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(r.headers.get('content-security-policy')).not.toMatch(/https?:/);
  });
});
