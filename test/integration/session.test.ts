// Signing in and out on the real server: cookie flags, one answer for unknown email and wrong password, lockout,
// revocation, idle and absolute expiry (injected clock), and the CSRF rule on signed-in unsafe requests.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, fetchAs, signIn } from '../support/auth';
import { expectProblem } from '../support/problem';
import { startServer, type TestServer } from '../support/server';
import { queryRows } from '../support/stored-data';

const PASSWORD = 'Birgemiz-2024-jyl';
const HOUR = 3_600_000;
let server: TestServer;
let now = Date.parse('2024-03-01T09:00:00Z');

beforeAll(async () => {
  server = await startServer({ clock: () => new Date(now) });
  await createUser(server.store, { email: 'admin@example.kz', role: 'admin', password: PASSWORD });
  await createUser(server.store, {
    email: 'abai.analyst@example.kz',
    role: 'analyst',
    regions: ['KZ-10'],
    password: PASSWORD,
  });
  await createUser(server.store, { email: 'locked@example.kz', role: 'author', password: PASSWORD });
});
afterAll(() => server.close());

/** Moves the injected clock; 16 minutes also clears every sign-in failure window. */
const advance = (ms: number) => (now += ms);

function postSession(body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${server.url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

describe('POST /api/session', () => {
  it('answers 204 with an HttpOnly, SameSite=Strict, Path=/ cookie that is not Secure over plain http', async () => {
    const res = await postSession({ email: 'admin@example.kz', password: PASSWORD });
    expect(res.status).toBe(204);
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('saualnama_session='));
    expect(cookie).toBeDefined();
    expect(cookie).toMatch(/; HttpOnly/i);
    expect(cookie).toMatch(/; SameSite=Strict/i);
    expect(cookie).toMatch(/; Path=\//i);
    expect(cookie).not.toMatch(/; Secure/i);
    expect(cookie).toMatch(/^saualnama_session=[A-Za-z0-9_-]{43};/);
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('stores only the sha256 of the token, never the token itself', async () => {
    const cookie = await signIn(server.url, 'admin@example.kz', PASSWORD);
    const token = cookie.split('=')[1]!;
    const ids = (await queryRows<{ id: string }>(server.dataDir, 'SELECT id FROM sessions')).map((r) => r.id);
    expect(ids).toContain(createHash('sha256').update(token).digest('hex'));
    expect(ids).not.toContain(token);
  });

  it('accepts the email in any letter case', async () => {
    expect((await postSession({ email: '  Admin@Example.KZ ', password: PASSWORD })).status).toBe(204);
  });

  it('answers 401 with the very same body for a wrong password and for an unknown email', async () => {
    const wrong = await expectProblem(
      await postSession({ email: 'admin@example.kz', password: 'not the password' }),
      401,
    );
    const unknown = await expectProblem(
      await postSession({ email: 'nobody@example.kz', password: 'not the password' }),
      401,
    );
    expect(wrong).toEqual(unknown);
    expect(wrong.type).toBe('/problems/login-failed');
  });

  it('answers 400 naming the fields when the body is not {email, password}', async () => {
    const body = await expectProblem(
      await postSession({ email: 'not an email', password: 42, remember: true }),
      400,
    );
    const fields = (body.errors as { question: string }[]).map((e) => e.question);
    expect(fields).toEqual(expect.arrayContaining(['email', 'password', 'remember']));
  });

  it('refuses a sign-in posted from another site (login CSRF) with 403', async () => {
    const res = await postSession(
      { email: 'admin@example.kz', password: PASSWORD },
      { origin: 'https://evil.example' },
    );
    expect((await expectProblem(res, 403)).type).toBe('/problems/cross-site-request');
    expect(res.headers.getSetCookie()).toEqual([]);
  });

  it('locks an account after 10 failures in 15 minutes: 429 with Retry-After even for the right password', async () => {
    advance(16 * 60_000);
    for (let i = 0; i < 10; i++)
      expect((await postSession({ email: 'locked@example.kz', password: `guess number ${i}` })).status).toBe(
        401,
      );
    advance(60_000);
    const res = await postSession({ email: 'locked@example.kz', password: PASSWORD });
    const body = await expectProblem(res, 429);
    expect(body.type).toBe('/problems/login-locked');
    expect(body.detail).toMatch(/Too many failed sign-ins for this account.*14 more minutes/);
    expect(Number(res.headers.get('retry-after'))).toBe(14 * 60);
    // Other accounts from the same address still sign in.
    expect((await postSession({ email: 'admin@example.kz', password: PASSWORD })).status).toBe(204);
    advance(14 * 60_000);
    expect((await postSession({ email: 'locked@example.kz', password: PASSWORD })).status).toBe(204);
  });
});

describe('GET and DELETE /api/session', () => {
  it('GET answers who is signed in: email, role and regions', async () => {
    const cookie = await signIn(server.url, 'abai.analyst@example.kz', PASSWORD);
    const res = await fetchAs(server.url, cookie, '/api/session');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      email: 'abai.analyst@example.kz',
      role: 'analyst',
      regions: ['KZ-10'],
    });
  });

  it('GET answers 401 without a cookie and with a made-up one', async () => {
    expect((await expectProblem(await fetch(`${server.url}/api/session`), 401)).type).toBe(
      '/problems/unauthenticated',
    );
    const forged = `saualnama_session=${'A'.repeat(43)}`;
    await expectProblem(await fetchAs(server.url, forged, '/api/session'), 401);
  });

  it('DELETE answers 204, clears the cookie, and the old cookie no longer works', async () => {
    const cookie = await signIn(server.url, 'admin@example.kz', PASSWORD);
    const res = await fetchAs(server.url, cookie, '/api/session', { method: 'DELETE' });
    expect(res.status).toBe(204);
    expect(res.headers.getSetCookie().join()).toMatch(/saualnama_session=;.*Expires=Thu, 01 Jan 1970/);
    await expectProblem(await fetchAs(server.url, cookie, '/api/session'), 401);
  });

  it('ends a session after 12 hours without use', async () => {
    const cookie = await signIn(server.url, 'admin@example.kz', PASSWORD);
    advance(11 * HOUR);
    expect((await fetchAs(server.url, cookie, '/api/session')).status).toBe(200);
    advance(12 * HOUR + 1000);
    await expectProblem(await fetchAs(server.url, cookie, '/api/session'), 401);
  });

  it('ends a session 7 days after sign-in even when it is used every few hours', async () => {
    const cookie = await signIn(server.url, 'admin@example.kz', PASSWORD);
    const signedInAt = now;
    while (now + 10 * HOUR < signedInAt + 7 * 24 * HOUR) {
      advance(10 * HOUR);
      expect((await fetchAs(server.url, cookie, '/api/session')).status).toBe(200);
    }
    advance(signedInAt + 7 * 24 * HOUR - now);
    await expectProblem(await fetchAs(server.url, cookie, '/api/session'), 401);
  });
});

describe('CSRF on signed-in unsafe requests', () => {
  const newUser = (email: string) =>
    JSON.stringify({ email, role: 'author', password: 'a long enough password' });

  it('refuses POST /api/users with the cookie but a foreign Origin (403), and creates nothing', async () => {
    const cookie = await signIn(server.url, 'admin@example.kz', PASSWORD);
    const res = await fetchAs(server.url, cookie, '/api/users', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://evil.example' },
      body: newUser('csrf-victim@example.kz'),
    });
    expect((await expectProblem(res, 403)).type).toBe('/problems/cross-site-request');
    expect(await server.store.getUserCredentials('csrf-victim@example.kz')).toBeUndefined();
  });

  it('refuses a signed-in POST that has neither Origin nor Referer, and one from another port', async () => {
    const cookie = await signIn(server.url, 'admin@example.kz', PASSWORD);
    const bare = await fetch(`${server.url}/api/users`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: newUser('no-origin@example.kz'),
    });
    await expectProblem(bare, 403);
    const otherPort = new URL(server.url);
    otherPort.port = String(Number(otherPort.port) + 1);
    const res = await fetchAs(server.url, cookie, '/api/users', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: otherPort.origin },
      body: newUser('other-port@example.kz'),
    });
    await expectProblem(res, 403);
  });

  it('accepts the same request with this server’s Origin (201), or with a same-origin Referer and no Origin', async () => {
    const cookie = await signIn(server.url, 'admin@example.kz', PASSWORD);
    const res = await fetchAs(server.url, cookie, '/api/users', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: newUser('same-origin@example.kz'),
    });
    expect(res.status).toBe(201);
    const viaReferer = await fetch(`${server.url}/api/users`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, referer: `${server.url}/workspace/users` },
      body: newUser('via-referer@example.kz'),
    });
    expect(viaReferer.status).toBe(201);
  });

  it('refuses a cross-site sign-out and keeps the session', async () => {
    const cookie = await signIn(server.url, 'admin@example.kz', PASSWORD);
    const res = await fetchAs(server.url, cookie, '/api/session', {
      method: 'DELETE',
      headers: { origin: 'null' },
    });
    await expectProblem(res, 403);
    expect((await fetchAs(server.url, cookie, '/api/session')).status).toBe(200);
  });
});
