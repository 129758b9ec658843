// Every signed-in route tried by everyone: no session, an admin, an analyst of all regions, an analyst limited to
// KZ-10 (Abai) and an author, each with the status the roles allow; then every reply the KZ-10 analyst can get is
// checked to hold KZ-10 rows and counts only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { envelope, exampleAnswers, postResponse } from '../support/answers';
import { createUser, fetchAs, signIn } from '../support/auth';
import { parseCsv, unzip } from '../support/export-download';
import { startServer, type TestServer } from '../support/server';

type Who = 'none' | 'admin' | 'analyst' | 'abai' | 'author';
const WHO: Who[] = ['none', 'admin', 'analyst', 'abai', 'author'];
const PASSWORD = 'Birgemiz-2024-jyl';
let server: TestServer;
const cookies = {} as Record<Exclude<Who, 'none'>, string>;
let throwawayId = 0;

const briefing = (slug: string, region: string) => ({
  slug,
  surveyId: 'example',
  region,
  city: 'C',
  date: '2024-03-01',
  title: { kk: 'Б', ru: 'Б', en: 'B' },
  opensAt: null,
  closesAt: null,
  closedAt: null,
});

beforeAll(async () => {
  server = await startServer();
  await server.store.addBriefing(briefing('semey-2024', 'KZ-10'), new Date().toISOString());
  await server.store.addBriefing(briefing('pavlodar-2024', 'KZ-55'), new Date().toISOString());
  await createUser(server.store, { email: 'admin@example.kz', role: 'admin', password: PASSWORD });
  await createUser(server.store, { email: 'analyst@example.kz', role: 'analyst', password: PASSWORD });
  await createUser(server.store, {
    email: 'abai@example.kz',
    role: 'analyst',
    regions: ['KZ-10'],
    password: PASSWORD,
  });
  await createUser(server.store, { email: 'author@example.kz', role: 'author', password: PASSWORD });
  throwawayId = (
    await createUser(server.store, { email: 'spare@example.kz', role: 'author', password: PASSWORD })
  ).id;
  for (const who of ['admin', 'analyst', 'abai', 'author'] as const)
    cookies[who] = await signIn(server.url, `${who}@example.kz`, PASSWORD);
  // Enough per region that no count is suppressed as a small cell: 6 in Abai (2 at its briefing), 7 in Pavlodar
  // (2 at its own briefing, and one who answered through Abai's briefing but changed the region it prefilled).
  for (let i = 0; i < 6; i++)
    expect(
      (
        await postResponse(
          server.url,
          envelope({ ...(i < 2 && { briefing: 'semey-2024' }) }, exampleAnswers({ proposal: `Abai ${i}` })),
        )
      ).status,
    ).toBe(201);
  for (let i = 0; i < 7; i++)
    expect(
      (
        await postResponse(
          server.url,
          envelope(
            { ...(i < 2 && { briefing: 'pavlodar-2024' }), ...(i === 2 && { briefing: 'semey-2024' }) },
            exampleAnswers({ region: 'KZ-55', proposal: `Pavlodar ${i}` }),
          ),
        )
      ).status,
    ).toBe(201);
});
afterAll(() => server.close());

interface Route {
  method?: string;
  path: string;
  body?: (who: Who) => unknown;
  /** Status for none, admin, analyst, abai, author. */
  expect: [number, number, number, number, number];
}

const S = '/api/surveys/example';
const ROUTES: Route[] = [
  { path: '/api/session', expect: [401, 200, 200, 200, 200] },
  { path: '/api/users', expect: [401, 200, 403, 403, 403] },
  {
    method: 'POST',
    path: '/api/users',
    body: (who) => ({ email: `new-${who}@example.kz`, role: 'author', password: PASSWORD }),
    expect: [401, 201, 403, 403, 403],
  },
  {
    method: 'PATCH',
    path: '/api/users/{spare}',
    body: () => ({ disabled: false }),
    expect: [401, 200, 403, 403, 403],
  },
  { path: '/api/briefings', expect: [401, 200, 200, 200, 200] },
  {
    method: 'POST',
    path: '/api/briefings',
    body: (who) => ({
      slug: `b-${who}`,
      survey: 'example',
      region: 'KZ-10',
      city: 'C',
      date: '2024-04-01',
      title: { kk: 'a', ru: 'a', en: 'a' },
    }),
    expect: [401, 201, 403, 403, 403],
  },
  {
    method: 'PATCH',
    path: '/api/briefings/semey-2024',
    body: () => ({ city: 'Semey' }),
    expect: [401, 200, 403, 403, 403],
  },
  { path: '/api/briefings/semey-2024/counts', expect: [401, 200, 200, 200, 200] },
  // Another region's briefing is not there at all for the KZ-10 analyst: 404, so slugs cannot be probed.
  { path: '/api/briefings/pavlodar-2024/counts', expect: [401, 200, 200, 404, 200] },
  { path: '/api/briefings/semey-2024/qr.svg', expect: [401, 200, 200, 200, 200] },
  { path: '/api/briefings/semey-2024/qr.png?size=128', expect: [401, 200, 200, 200, 200] },
  { path: '/api/briefings/semey-2024/live', expect: [401, 200, 200, 200, 200] },
  { path: `${S}/export.csv`, expect: [401, 200, 200, 200, 403] },
  { path: `${S}/export.csv?region=KZ-55`, expect: [401, 200, 200, 403, 403] },
  { path: `${S}/export.csv?pii=1`, expect: [401, 200, 403, 403, 403] },
  { path: `${S}/export.zip`, expect: [401, 200, 200, 200, 403] },
  { path: `${S}/dictionary.csv`, expect: [401, 200, 200, 200, 403] },
  { path: `${S}/summary`, expect: [401, 200, 200, 200, 200] },
  { path: `${S}/summary?region=KZ-55`, expect: [401, 200, 200, 403, 200] },
  { path: `${S}/crosstab?question=role&by=region`, expect: [401, 200, 200, 200, 200] },
  { path: `${S}/coverage`, expect: [401, 200, 200, 200, 200] },
  { path: `${S}/text/proposal`, expect: [401, 200, 200, 200, 200] },
  { path: `${S}/text/proposal?region=KZ-10,KZ-55`, expect: [401, 200, 200, 403, 200] },
  // Issue 16: single responses, their review and the JSON-lines feed are row-level: admins and analysts only.
  { path: `${S}/responses`, expect: [401, 200, 200, 200, 403] },
  { path: `${S}/responses?region=KZ-55`, expect: [401, 200, 200, 403, 403] },
  { path: `${S}/responses.jsonl`, expect: [401, 200, 200, 200, 403] },
  { path: `${S}/responses.jsonl?region=KZ-55`, expect: [401, 200, 200, 403, 403] },
  { path: '/api/tokens', expect: [401, 200, 200, 200, 403] },
  { method: 'DELETE', path: '/api/session', expect: [204, 204, 204, 204, 204] },
];

async function call(route: Route, who: Who): Promise<{ res: Response; abort: AbortController }> {
  const path = route.path.replace('{spare}', String(throwawayId));
  const init: RequestInit = {
    method: route.method ?? 'GET',
    ...(route.body && {
      body: JSON.stringify(route.body(who)),
      headers: { 'content-type': 'application/json' },
    }),
  };
  const abort = new AbortController();
  const res = await (who === 'none'
    ? fetch(`${server.url}${path}`, { ...init, signal: abort.signal })
    : fetchAs(server.url, cookies[who], path, { ...init, signal: abort.signal }));
  return { res, abort };
}

describe('role matrix', () => {
  it.each(
    ROUTES.filter((r) => r.method !== 'DELETE').map((r) => [`${r.method ?? 'GET'} ${r.path}`, r] as const),
  )('%s answers each role as its permissions say', async (_name, route) => {
    const got: number[] = [];
    for (const who of WHO) {
      const { res, abort } = await call(route, who);
      got.push(res.status);
      if (res.status >= 400)
        expect((await res.json()) as object).toMatchObject({ status: res.status, type: expect.any(String) });
      // The live count is a stream that never ends: its status is all this test needs.
      else if (route.path.endsWith('/live')) abort.abort();
      else await res.arrayBuffer();
    }
    expect(Object.fromEntries(WHO.map((w, i) => [w, got[i]]))).toEqual(
      Object.fromEntries(WHO.map((w, i) => [w, route.expect[i]])),
    );
  });
});

describe('an analyst limited to KZ-10', () => {
  const get = async (path: string) => {
    const res = await fetchAs(server.url, cookies.abai, path);
    expect(res.status, path).toBe(200);
    return res;
  };
  const json = async (path: string) => (await (await get(path)).json()) as Record<string, any>;

  it('gets only KZ-10 rows in the CSV and the zip, and only KZ-10 briefings', async () => {
    const csv = parseCsv(Buffer.from(await (await get(`${S}/export.csv`)).arrayBuffer()));
    expect(csv.rows).toHaveLength(6);
    expect(new Set(csv.rows.map((r) => r.region))).toEqual(new Set(['KZ-10']));
    expect(csv.rows.map((r) => r.proposal).every((p) => p?.startsWith('Abai'))).toBe(true);
    const files = await unzip(Buffer.from(await (await get(`${S}/export.zip`)).arrayBuffer()));
    for (const [name, bytes] of files)
      if (name !== 'data-dictionary.csv')
        expect(new Set(parseCsv(bytes).rows.map((r) => r.region)), name).toEqual(new Set(['KZ-10']));
    const briefings = (await (await get('/api/briefings')).json()) as { slug: string }[];
    expect(briefings.map((b) => b.slug).sort()).toEqual(['b-admin', 'semey-2024'].sort());
  });

  it('gets only KZ-10 counts from summary, crosstab and coverage, and only KZ-10 texts', async () => {
    const summary = await json(`${S}/summary`);
    expect(summary.filters.regions).toEqual(['KZ-10']);
    expect(summary.responses.count).toBe(6);
    const crosstab = await json(`${S}/crosstab?question=role&by=region`);
    expect(crosstab.groups.map((g: { code: string }) => g.code)).toEqual(['KZ-10']);
    expect(crosstab.total.asked.count).toBe(6);
    const coverage = await json(`${S}/coverage`);
    expect(coverage.regions.map((r: { code: string }) => r.code)).toEqual(['KZ-10']);
    expect(coverage.responses.count).toBe(6);
    expect(coverage.briefings.map((b: { slug: string }) => b.slug)).not.toContain('pavlodar-2024');
    const text = await json(`${S}/text/proposal?pageSize=200`);
    expect(text.answers.map((a: { text: string }) => a.text).sort()).toEqual([
      'Abai 0',
      'Abai 1',
      'Abai 2',
      'Abai 3',
      'Abai 4',
      'Abai 5',
    ]);
    const counts = await json('/api/briefings/semey-2024/counts');
    expect(counts.total).toBe(2);
  });

  it('counts only KZ-10 respondents of a KZ-10 briefing that a Pavlodar respondent also answered through', async () => {
    const counts = await json('/api/briefings/semey-2024/counts');
    expect(counts.total).toBe(2);
    expect(counts.perHour.reduce((n: number, h: { responses: number }) => n + h.responses, 0)).toBe(2);
    const list = await json('/api/briefings');
    expect(list.find((b: { slug: string }) => b.slug === 'semey-2024').responses).toBe(2);
    // An admin reads every region: the same briefing holds all three, exactly.
    const all = await (await fetchAs(server.url, cookies.admin, '/api/briefings/semey-2024/counts')).json();
    expect(all.total).toBe(3);
  });

  it('is refused 403 by name for Pavlodar on every reader route, and the reply holds none of its data', async () => {
    for (const path of [
      'export.csv',
      'export.zip',
      'dictionary.csv',
      'summary',
      'coverage',
      'text/proposal',
      'crosstab?question=role&by=region',
    ]) {
      const res = await fetchAs(
        server.url,
        cookies.abai,
        `${S}/${path}${path.includes('?') ? '&' : '?'}region=KZ-55`,
      );
      expect(res.status, path).toBe(403);
      const body = await res.text();
      expect(body).toMatch(/KZ-55/);
      expect(body).not.toMatch(/Pavlodar \d/);
    }
  });

  it('signs out like everyone: DELETE /api/session answers 204 with or without a session', async () => {
    for (const who of WHO) expect((await call(ROUTES.at(-1)!, who)).res.status, who).toBe(204);
  });
});
