// Scripted access (issue 16): personal read-only API tokens made and revoked in the workspace, hashed at rest, and
// `Authorization: Bearer` on the export routes and responses.jsonl (since=, paging), scoped to the account's
// regions; refused for changes, for other regions, after revocation or expiry, and every use in the audit log.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { envelope, exampleAnswers, postResponse } from '../support/answers';
import { createUser, fetchAs, sendJson, signIn } from '../support/auth';
import { parseCsv } from '../support/export-download';
import { expectProblem, problemFields } from '../support/problem';
import { startServer, type TestServer } from '../support/server';
import { queryRows } from '../support/stored-data';
import { collect } from '../support/collect';

const run = promisify(execFile);
const PASSWORD = 'correct horse battery staple';
const BASE = '/api/surveys/example';
let server: TestServer;
let now = new Date('2024-03-01T06:00:00.000Z');
let abai = '';
let author = '';
const kz10: string[] = [];

const bearer = (token: string, path: string, init: RequestInit = {}) =>
  fetch(`${server.url}${path}`, { ...init, headers: { ...init.headers, authorization: `Bearer ${token}` } });
const lines = (text: string) =>
  text
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Record<string, any>);

async function newToken(body: unknown = { name: 'R on my laptop' }) {
  const res = await sendJson(server.url, abai, 'POST', '/api/tokens', body);
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as { id: number; token: string; name: string; expiresAt: string };
}

beforeAll(async () => {
  server = await startServer({ clock: () => now });
  for (const [i, region] of ['KZ-10', 'KZ-10', 'KZ-55', 'KZ-10', 'KZ-10', 'KZ-55'].entries()) {
    now = new Date(Date.parse('2024-03-01T06:00:00.000Z') + i * 60_000);
    const r = await postResponse(
      server.url,
      envelope({ startedAt: new Date(now.getTime() - 300_000).toISOString() }, exampleAnswers({ region })),
    );
    expect(r.status, r.text).toBe(201);
    if (region === 'KZ-10') kz10.push(r.json!.id as string);
  }
  await createUser(server.store, {
    email: 'abai@example.kz',
    role: 'analyst',
    regions: ['KZ-10'],
    password: PASSWORD,
  });
  await createUser(server.store, { email: 'author@example.kz', role: 'author', password: PASSWORD });
  abai = await signIn(server.url, 'abai@example.kz', PASSWORD);
  author = await signIn(server.url, 'author@example.kz', PASSWORD);
});
afterAll(() => server.close());

describe('API tokens', () => {
  it('are shown once, listed without the token, and kept only as a sha256 digest', async () => {
    const made = await newToken();
    expect(made.token).toMatch(/^snm_[A-Za-z0-9_-]{43}$/);
    // 90 days unless asked otherwise.
    expect(Date.parse(made.expiresAt) - now.getTime()).toBe(90 * 86_400_000);
    const listed = await (await fetchAs(server.url, abai, '/api/tokens')).json();
    expect(listed).toEqual([
      expect.objectContaining({ id: made.id, name: 'R on my laptop', revokedAt: null }),
    ]);
    expect(JSON.stringify(listed)).not.toContain(made.token);
    const dump = JSON.stringify(await queryRows(server.dataDir, 'SELECT * FROM api_tokens'));
    expect(dump).not.toContain(made.token.slice(4));
  });

  it('pull the region’s data with curl: CSV and responses.jsonl hold KZ-10 only', async () => {
    const { token } = await newToken({ name: 'curl' });
    const csv = await run('curl', [
      '-sS',
      '-H',
      `Authorization: Bearer ${token}`,
      `${server.url}${BASE}/export.csv`,
    ]);
    const rows = parseCsv(Buffer.from(csv.stdout)).rows;
    expect(rows.map((r) => r.response_id).sort()).toEqual([...kz10].sort());
    const feed = await run('curl', [
      '-sS',
      '-H',
      `Authorization: Bearer ${token}`,
      `${server.url}${BASE}/responses.jsonl`,
    ]);
    const got = lines(feed.stdout);
    expect(got.map((l) => l.id)).toEqual(kz10);
    expect(got[0]).toMatchObject({
      survey: 'example',
      region: 'KZ-10',
      version: 1,
      durationS: 300,
      review: null,
    });
    expect(got[0]!.answers.role).toBe('ngo_staff');
    // Contact details never come this way.
    expect(feed.stdout).not.toMatch(/"email"/);
  });

  it('page responses.jsonl by submission time: since= and the Link to the next page', async () => {
    const { token } = await newToken({ name: 'python' });
    const first = await bearer(token, `${BASE}/responses.jsonl?limit=2`);
    expect(first.headers.get('content-type')).toMatch(/^application\/jsonl/);
    const page1 = lines(await first.text());
    expect(page1.map((l) => l.id)).toEqual(kz10.slice(0, 2));
    const next = /<([^>]+)>; rel="next"/.exec(first.headers.get('link') ?? '')?.[1];
    expect(next).toBeDefined();
    const page2 = lines(await (await bearer(token, next!)).text());
    expect(page2.map((l) => l.id)).toEqual(kz10.slice(2, 4));
    // Incremental: only what came after the last pull.
    const since = encodeURIComponent(page1.at(-1)!.submittedAt);
    const later = lines(await (await bearer(token, `${BASE}/responses.jsonl?since=${since}`)).text());
    expect(later.map((l) => l.id)).toEqual(kz10.slice(2));
  });

  it('are refused for another region, for every change, and for routes beyond exports', async () => {
    const { token } = await newToken({ name: 'scoped' });
    await expectProblem(await bearer(token, `${BASE}/export.csv?region=KZ-55`), 403);
    await expectProblem(await bearer(token, `${BASE}/responses.jsonl?region=KZ-55`), 403);
    const change = await bearer(token, `/api/responses/${kz10[0]}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ status: 'rejected' }),
    });
    expect((await expectProblem(change, 403)).type).toBe('/problems/token-read-only');
    for (const path of ['/api/users', '/api/tokens', `${BASE}/summary`, '/api/session'])
      await expectProblem(await bearer(token, path), 403);
    const mint = await bearer(token, '/api/tokens', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'another' }),
    });
    await expectProblem(mint, 403);
    // A token is not a session cookie.
    const asCookie = await fetch(`${server.url}${BASE}/export.csv`, {
      headers: { cookie: `saualnama_session=${token}` },
    });
    await expectProblem(asCookie, 401);
    await expectProblem(await bearer('snm_' + 'A'.repeat(43), `${BASE}/export.csv`), 401);
  });

  it('stop working when revoked or expired; authors get none', async () => {
    const { id, token } = await newToken({ name: 'to revoke' });
    expect((await bearer(token, `${BASE}/responses.jsonl`)).status).toBe(200);
    const revoke = await fetchAs(server.url, abai, `/api/tokens/${id}`, { method: 'DELETE' });
    expect(revoke.status).toBe(204);
    const refused = await bearer(token, `${BASE}/responses.jsonl`);
    expect((await expectProblem(refused, 401)).type).toBe('/problems/invalid-token');
    expect(refused.headers.get('www-authenticate')).toMatch(/^Bearer/);
    await expectProblem(await fetchAs(server.url, abai, '/api/tokens/99999', { method: 'DELETE' }), 404);

    const soon = await newToken({
      name: 'short',
      expiresAt: new Date(now.getTime() + 3_600_000).toISOString(),
    });
    expect((await bearer(soon.token, `${BASE}/export.csv`)).status).toBe(200);
    now = new Date(now.getTime() + 2 * 3_600_000);
    await expectProblem(await bearer(soon.token, `${BASE}/export.csv`), 401);

    await expectProblem(await sendJson(server.url, author, 'POST', '/api/tokens', { name: 'mine' }), 403);
  });

  it('answer bad input with problem+json naming the field', async () => {
    for (const [body, field] of [
      [{ name: '' }, 'name'],
      [{}, 'name'],
      [{ name: 'x', expiresAt: '2020-01-01T00:00:00Z' }, 'expiresAt'],
      [{ name: 'x', expiresAt: 'tomorrow' }, 'expiresAt'],
      [{ name: 'x', scope: 'write' }, 'scope'],
    ] as const) {
      const problem = await expectProblem(await sendJson(server.url, abai, 'POST', '/api/tokens', body), 400);
      expect(problemFields(problem), JSON.stringify(body)).toEqual([field]);
    }
    for (const [query, field] of [
      ['limit=0', 'limit'],
      ['limit=20000', 'limit'],
      ['since=yesterday', 'since'],
      [`after=${kz10[0]}`, 'after'],
      ['colour=red', 'colour'],
    ] as const) {
      const problem = await expectProblem(
        await fetchAs(server.url, abai, `${BASE}/responses.jsonl?${query}`),
        400,
      );
      expect(problemFields(problem), query).toEqual([field]);
    }
  });

  it('write every use, creation and revocation to the audit log', async () => {
    const audit = await collect(server.store.iterateAudit({ actor: 'abai@example.kz' }));
    const used = audit.filter((e) => e.action === 'token-used');
    expect(used.length).toBeGreaterThanOrEqual(8);
    expect(used[0]!.details).toMatchObject({ name: 'curl', path: `${BASE}/export.csv` });
    expect(audit.filter((e) => e.action === 'token-created').map((e) => e.details.name)).toContain(
      'to revoke',
    );
    expect(audit.some((e) => e.action === 'token-revoked')).toBe(true);
    expect(JSON.stringify(audit)).not.toMatch(/snm_/);
  });
});
