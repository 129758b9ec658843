// Review status over HTTP (issue 16): PATCH /api/responses/:id and the set form, who may set what, problem+json for
// bad input, and a rejected test response leaving every count (summary, crosstab, coverage, text list, briefing
// counts, CSV) in the same transaction, `review=all` bringing it back, and recount agreeing with the kept counts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { envelope, exampleAnswers, postResponse } from '../support/answers';
import { createUser, fetchAs, sendJson, signIn } from '../support/auth';
import { download, parseCsv } from '../support/export-download';
import { expectProblem, problemFields } from '../support/problem';
import { startServer, type TestServer } from '../support/server';
import { collect } from '../support/collect';

const PASSWORD = 'correct horse battery staple';
const BASE = '/api/surveys/example';
let server: TestServer;
const cookies: Record<'admin' | 'abai' | 'author', string> = { admin: '', abai: '', author: '' };
const kz10: string[] = [];
const kz55: string[] = [];

beforeAll(async () => {
  server = await startServer();
  // 7 volunteers in KZ-10 and 6 NGO staff in KZ-55: every count at least 5, so none is hidden as "< 5".
  for (const [region, role, n, list] of [
    ['KZ-10', 'volunteer', 7, kz10],
    ['KZ-55', 'ngo_staff', 6, kz55],
  ] as const)
    for (let i = 0; i < n; i++) {
      const r = await postResponse(
        server.url,
        envelope({}, exampleAnswers({ region, role, proposal: `${region} ұсыныс ${i}` })),
      );
      expect(r.status, r.text).toBe(201);
      list.push(r.json!.id as string);
    }
  for (const [key, role, regions] of [
    ['admin', 'admin', null],
    ['abai', 'analyst', ['KZ-10']],
    ['author', 'author', null],
  ] as const) {
    await createUser(server.store, {
      email: `${key}@example.kz`,
      role,
      regions: regions && [...regions],
      password: PASSWORD,
    });
    cookies[key] = await signIn(server.url, `${key}@example.kz`, PASSWORD);
  }
});
afterAll(() => server.close());

async function get(path: string, who: keyof typeof cookies = 'admin') {
  const res = await fetchAs(server.url, cookies[who], path);
  expect(res.status, path).toBe(200);
  return (await res.json()) as any;
}
const patch = (who: keyof typeof cookies, path: string, body: unknown) =>
  sendJson(server.url, cookies[who], 'PATCH', path, body);

/** What a reader of KZ-10 notices: every count that holds the region's responses. */
async function kz10Counts(extra = '') {
  const summary = await get(`${BASE}/summary?region=KZ-10${extra}`);
  const role = summary.questions.find((q: any) => q.name === 'role');
  const byRegion = await get(`${BASE}/crosstab?question=role&by=region${extra}`);
  const byRole = await get(`${BASE}/crosstab?question=top_needs&by=role&region=KZ-10${extra}`);
  const coverage = await get(`${BASE}/coverage?region=KZ-10${extra}`);
  const csv = parseCsv(
    (await download(server.url, cookies.admin, `${BASE}/export.csv?region=KZ-10${extra}`)).body,
  );
  return {
    responses: summary.responses.count,
    volunteers: role.choices.find((c: any) => c.code === 'volunteer').result.count,
    crosstabKz10: byRegion.groups.find((g: any) => g.code === 'KZ-10').responses.count,
    volunteersByRole: byRole.groups.find((g: any) => g.code === 'volunteer').responses.count,
    coverageKz10: coverage.regions.find((r: any) => r.code === 'KZ-10').responses.count,
    csvRows: csv.rows.length,
  };
}

const everyCount = (n: number) => ({
  responses: n,
  volunteers: n,
  crosstabKz10: n,
  volunteersByRole: n,
  coverageKz10: n,
  csvRows: n,
});

describe('review status', () => {
  it('a rejected test response leaves every count and the CSV; review=all brings it back; recount agrees', async () => {
    expect(await kz10Counts()).toEqual(everyCount(7));
    const texts = await get(`${BASE}/text/proposal?region=KZ-10`, 'abai');
    expect(texts.answers.map((a: any) => a.id)).toContain(kz10[0]);

    const res = await patch('abai', `/api/responses/${kz10[0]}`, {
      status: 'rejected',
      note: 'test by the organiser',
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      id: kz10[0],
      status: 'rejected',
      note: 'test by the organiser',
      reviewedBy: 'abai@example.kz',
    });

    expect(await kz10Counts()).toEqual(everyCount(6));
    expect(
      (await get(`${BASE}/text/proposal?region=KZ-10`, 'abai')).answers.map((a: any) => a.id),
    ).not.toContain(kz10[0]);
    expect(await kz10Counts('&review=all')).toEqual(everyCount(7));
    const all = parseCsv((await download(server.url, cookies.admin, `${BASE}/export.csv?review=all`)).body);
    expect(all.rows.map((r) => r.response_id)).toContain(kz10[0]);
    // The counts kept in the review's transaction are what a rebuild from the responses gives.
    const report = await server.store.recountAnswers(['example']);
    expect(report).toMatchObject({ keysDiffering: 0, recordChunksDiffering: 0, textsDiffering: 0 });
    expect(await kz10Counts()).toEqual(everyCount(6));
  });

  it('taking a rejection back (approved) puts the response back into every count', async () => {
    const res = await patch('admin', `/api/responses/${kz10[0]}`, { status: 'approved' });
    expect(await res.json()).toMatchObject({
      status: 'approved',
      note: null,
      reviewedBy: 'admin@example.kz',
    });
    expect(await kz10Counts()).toEqual(everyCount(7));
    const report = await server.store.recountAnswers(['example']);
    expect(report).toMatchObject({ keysDiffering: 0, recordChunksDiffering: 0, textsDiffering: 0 });
    // on_hold keeps it counted: only a rejection leaves the default set.
    await patch('admin', `/api/responses/${kz10[1]}`, { status: 'on_hold', note: 'check with the hall' });
    expect(await kz10Counts()).toEqual(everyCount(7));
  });

  it('sets a status for a set of responses, all or none', async () => {
    const two = kz10.slice(2, 4);
    const refused = await patch('abai', '/api/responses', { ids: [...two, kz55[0]], status: 'rejected' });
    const problem = await expectProblem(refused, 404);
    expect(problemFields(problem)).toEqual(['ids']);
    expect(await kz10Counts()).toEqual(everyCount(7));

    const res = await patch('abai', '/api/responses', { ids: two, status: 'rejected', note: 'junk' });
    expect(res.status).toBe(200);
    expect((await res.json()).map((r: any) => [r.id, r.status])).toEqual(two.map((id) => [id, 'rejected']));
    expect(await kz10Counts()).toEqual(everyCount(5));
    await patch('abai', '/api/responses', { ids: two, status: 'approved' });
    expect(await kz10Counts()).toEqual(everyCount(7));
  });

  it('keeps analysts to their regions and authors out; admins review anywhere', async () => {
    await expectProblem(await patch('abai', `/api/responses/${kz55[0]}`, { status: 'rejected' }), 404);
    await expectProblem(await patch('author', `/api/responses/${kz10[0]}`, { status: 'rejected' }), 403);
    const anonymous = await fetch(`${server.url}/api/responses/${kz10[0]}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ status: 'rejected' }),
    });
    await expectProblem(anonymous, 401);
    const res = await patch('admin', `/api/responses/${kz55[0]}`, { status: 'on_hold' });
    expect(res.status).toBe(200);
    expect((await get(`${BASE}/summary?region=KZ-55`)).responses.count).toBe(6);
  });

  it('answers bad input with problem+json naming the field, and changes nothing', async () => {
    for (const [path, body, field] of [
      [`/api/responses/${kz10[5]}`, { status: 'deleted' }, 'status'],
      [`/api/responses/${kz10[5]}`, { status: 'rejected', colour: 'red' }, 'colour'],
      [`/api/responses/${kz10[5]}`, { status: 'rejected', note: 'x'.repeat(1001) }, 'note'],
      [`/api/responses/${kz10[5]}`, {}, 'status'],
      ['/api/responses/not-a-uuid', { status: 'rejected' }, 'id'],
      ['/api/responses', { ids: ['x'], status: 'rejected' }, 'ids'],
      ['/api/responses', { ids: [], status: 'rejected' }, 'ids'],
    ] as const) {
      const problem = await expectProblem(await patch('admin', path, body), 400);
      expect(problemFields(problem).join(), JSON.stringify(body)).toMatch(new RegExp(`^${field}`));
      expect(JSON.stringify(problem)).not.toMatch(/at .*\.ts|SELECT|sqlite/i);
    }
    await expectProblem(
      await patch('admin', '/api/responses/00000000-0000-4000-8000-000000000000', { status: 'rejected' }),
      404,
    );
    expect(await kz10Counts()).toEqual(everyCount(7));
    for (const path of [`${BASE}/export.csv?review=maybe`, `${BASE}/summary?review=rejected`]) {
      const problem = await expectProblem(await fetchAs(server.url, cookies.admin, path), 400);
      expect(problemFields(problem)).toEqual(['review']);
    }
    const text = await expectProblem(
      await fetchAs(server.url, cookies.admin, `${BASE}/text/proposal?review=all`),
      400,
    );
    expect(problemFields(text)).toEqual(['review']);
  });

  it('writes every change to the audit log with the status before and after', async () => {
    const entries = await collect(server.store.iterateAudit({ action: 'response-reviewed' }));
    const first = entries[0]!;
    expect(first.actor).toBe('abai@example.kz');
    expect(first.details).toMatchObject({
      status: 'rejected',
      note: 'test by the organiser',
      responses: [{ id: kz10[0], region: 'KZ-10', before: null }],
    });
    expect(entries[1]!.details).toMatchObject({
      status: 'approved',
      responses: [{ id: kz10[0], before: 'rejected' }],
    });
    // The refused set (another region among the ids) wrote nothing.
    expect(entries.every((e) => (e.details.responses as { region: string }[]).length <= 2)).toBe(true);
  });
});
