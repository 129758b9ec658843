// The responses table's filters over HTTP (issue 16): quality flags (very fast, straight-lining, repeated, any, none),
// a date range, a briefing and review status, each narrowing the page and its total; the ids of a whole filtered set
// for a review of all of it; the reader's regions kept; bad filters refused with problem+json naming them.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postResponse } from '../support/answers';
import { createUser, fetchAs, sendJson, signIn } from '../support/auth';
import { BRIEFING } from '../support/export-fixtures';
import { expectProblem, problemFields } from '../support/problem';
import { REPO_SURVEYS, startServer, type TestServer } from '../support/server';

let server: TestServer;
let cookie: string;
let now = new Date('2023-09-15T05:00:00.000Z');
const ids: Record<string, string> = {};
const names = new Map<string, string>();
const BASE = '/api/surveys/roadmap-needs';
const SEVERITY_ROWS = ['funding', 'premises', 'training', 'legal_paperwork', 'digital_tools', 'recognition'];

/** Posts at `at` (the server's clock) a response begun `seconds` earlier, at the Semey briefing unless told. */
async function post(
  name: string,
  at: string,
  seconds: number,
  data: Record<string, unknown>,
  briefing = true,
) {
  now = new Date(at);
  const id = randomUUID();
  const startedAt = new Date(now.getTime() - seconds * 1000).toISOString();
  const body = {
    id,
    version: 3,
    locale: 'kk',
    startedAt,
    data,
    ...(briefing && { briefing: BRIEFING.slug }),
  };
  const r = await postResponse(server.url, body, 'roadmap-needs');
  expect(r.status, r.text).toBe(201);
  ids[name] = id;
  names.set(id, name);
}

beforeAll(async () => {
  server = await startServer({ surveysDir: REPO_SURVEYS, clock: () => now });
  await server.store.addBriefing(BRIEFING, now.toISOString());
  const varied = Object.fromEntries(SEVERITY_ROWS.map((row, i) => [row, i % 2 ? 'minor' : 'serious']));
  // Five ordinary responses of 10 to 14 minutes, on the 14th, without a briefing: "very fast" is under 240 s.
  for (let i = 0; i < 5; i++)
    await post(
      `normal${i}`,
      `2023-09-14T0${5 + i}:00:00.000Z`,
      600 + 60 * i,
      {
        region: 'KZ-10',
        role: 'student',
      },
      false,
    );
  await post('fast', '2023-09-15T10:00:00.000Z', 90, {
    region: 'KZ-10',
    role: 'volunteer',
    problems_severity: varied,
  });
  await post('straight', '2023-09-15T10:30:00.000Z', 700, {
    region: 'KZ-10',
    role: 'volunteer',
    problems_severity: Object.fromEntries(SEVERITY_ROWS.map((row) => [row, 'serious'])),
  });
  // The same answers twice from the hall within minutes: the second is a repeat.
  const same = { region: 'KZ-10', role: 'ngo_staff', settlement_type: 'town' };
  await post('first', '2023-09-15T11:00:00.000Z', 800, same);
  await post('again', '2023-09-15T11:03:00.000Z', 800, same);
  // Another region's very fast response: never shown to a KZ-10 analyst.
  await post('abroad', '2023-09-15T12:00:00.000Z', 60, { region: 'KZ-55', role: 'student' }, false);
  await createUser(server.store, {
    email: 'abai@example.kz',
    role: 'analyst',
    regions: ['KZ-10'],
    password: 'correct horse battery staple',
  });
  cookie = await signIn(server.url, 'abai@example.kz', 'correct horse battery staple');
});
afterAll(() => server.close());

/** The page's responses by name (newest first) and the total, as the analyst of KZ-10 sees them. */
async function table(filters: string) {
  const res = await fetchAs(server.url, cookie, `${BASE}/responses?${filters}`);
  expect(res.status, filters).toBe(200);
  const body = (await res.json()) as { items: { id: string }[]; total: number };
  return { names: body.items.map((i) => names.get(i.id)), total: body.total };
}

describe('the responses table’s filters', () => {
  it('narrow the page and its total by quality flag', async () => {
    expect(await table('flag=fast')).toEqual({ names: ['fast'], total: 1 });
    expect(await table('flag=straightlining')).toEqual({ names: ['straight'], total: 1 });
    expect(await table('flag=duplicate')).toEqual({ names: ['again'], total: 1 });
    expect(await table('flag=any')).toEqual({ names: ['again', 'straight', 'fast'], total: 3 });
    expect(await table('flag=none')).toEqual({
      names: ['first', 'normal4', 'normal3', 'normal2', 'normal1', 'normal0'],
      total: 6,
    });
    expect((await table('')).total).toBe(9);
    // Paging keeps the total of the whole set.
    expect(await table('flag=any&pageSize=2&page=2')).toEqual({ names: ['fast'], total: 3 });
  });

  it('narrow by dates (a date alone is that whole day in Kazakhstan), briefing and review status', async () => {
    expect((await table('from=2023-09-15')).total).toBe(4);
    expect(await table('to=2023-09-14')).toMatchObject({ total: 5 });
    expect(await table('from=2023-09-15T10:15:00Z&to=2023-09-15T11:01:00Z')).toEqual({
      names: ['first', 'straight'],
      total: 2,
    });
    expect(await table(`briefing=${BRIEFING.slug}&flag=none`)).toEqual({ names: ['first'], total: 1 });
    const rejected = await sendJson(server.url, cookie, 'PATCH', `/api/responses/${ids.straight}`, {
      status: 'rejected',
    });
    expect(rejected.status).toBe(200);
    expect(await table('review=rejected')).toEqual({ names: ['straight'], total: 1 });
    expect(await table('review=unreviewed&flag=any')).toEqual({ names: ['again', 'fast'], total: 2 });
  });

  it('give the ids of the whole filtered set, within the reader’s regions', async () => {
    const res = await fetchAs(server.url, cookie, `${BASE}/response-ids?flag=fast`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ids: [ids.fast], total: 1 });
    const all = (await (await fetchAs(server.url, cookie, `${BASE}/response-ids`)).json()) as {
      ids: string[];
    };
    expect(all.ids).toHaveLength(9);
    expect(all.ids).not.toContain(ids.abroad);
  });

  it('refuse a bad flag, date or briefing with problem+json naming each', async () => {
    const body = await expectProblem(
      await fetchAs(server.url, cookie, `${BASE}/responses?flag=slow&from=yesterday`),
      400,
    );
    expect(problemFields(body)).toEqual(['flag']);
    const dates = await expectProblem(
      await fetchAs(server.url, cookie, `${BASE}/response-ids?from=yesterday&briefing=Semey!`),
      400,
    );
    expect(problemFields(dates)).toEqual(['briefing', 'from']);
  });
});
