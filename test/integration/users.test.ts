// /api/users on the real server: admins only, bodies checked field by field, and the effects of a change
// (disabling ends sessions, a new password ends the old ones, the last admin stays).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, fetchAs, sendJson, signIn } from '../support/auth';
import { expectProblem, problemFields } from '../support/problem';
import { startServer, type TestServer } from '../support/server';

const PASSWORD = 'Birgemiz-2024-jyl';
let server: TestServer;
let admin: string;
let analyst: string;

beforeAll(async () => {
  server = await startServer();
  await createUser(server.store, { email: 'admin@example.kz', role: 'admin', password: PASSWORD });
  await createUser(server.store, {
    email: 'analyst@example.kz',
    role: 'analyst',
    regions: ['KZ-10', 'KZ-55'],
    password: PASSWORD,
  });
  [admin, analyst] = await Promise.all([
    signIn(server.url, 'admin@example.kz', PASSWORD),
    signIn(server.url, 'analyst@example.kz', PASSWORD),
  ]);
});
afterAll(() => server.close());

const send = (cookie: string, method: string, path: string, body: unknown) =>
  sendJson(server.url, cookie, method, path, body);

describe('who may manage users', () => {
  it('answers 401 without a session', async () => {
    await expectProblem(await fetch(`${server.url}/api/users`), 401);
  });

  it('answers 403 to an analyst on every users route, and changes nothing', async () => {
    expect((await expectProblem(await fetchAs(server.url, analyst, '/api/users'), 403)).type).toBe(
      '/problems/forbidden',
    );
    await expectProblem(
      await send(analyst, 'POST', '/api/users', {
        email: 'x@example.kz',
        role: 'admin',
        password: 'long enough password',
      }),
      403,
    );
    const self = (await server.store.getUserCredentials('analyst@example.kz'))!.user;
    await expectProblem(
      await send(analyst, 'PATCH', `/api/users/${self.id}`, { role: 'admin', regions: null }),
      403,
    );
    expect(await server.store.getUser(self.id)).toMatchObject({
      role: 'analyst',
      regions: ['KZ-10', 'KZ-55'],
    });
  });

  it('lists users to an admin without password hashes', async () => {
    const res = await fetchAs(server.url, admin, '/api/users');
    expect(res.status).toBe(200);
    const list = (await res.json()) as Record<string, unknown>[];
    expect(list).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          email: 'analyst@example.kz',
          role: 'analyst',
          regions: ['KZ-10', 'KZ-55'],
          disabledAt: null,
        }),
      ]),
    );
    // No hash and no password field (mustChangePassword is a flag, not a secret).
    expect(JSON.stringify(list)).not.toMatch(/scrypt|"password(Hash)?"|password_hash/i);
  });
});

describe('POST /api/users', () => {
  it('creates a region-limited analyst (201) who can then sign in and sees their regions', async () => {
    const res = await send(admin, 'POST', '/api/users', {
      email: 'Semey.Analyst@Example.kz',
      role: 'analyst',
      regions: ['KZ-10'],
      password: 'Semey-needs-2024',
    });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({
      id: expect.any(Number),
      email: 'semey.analyst@example.kz',
      role: 'analyst',
      regions: ['KZ-10'],
    });
    const cookie = await signIn(server.url, 'semey.analyst@example.kz', 'Semey-needs-2024');
    expect(await (await fetchAs(server.url, cookie, '/api/session')).json()).toEqual({
      email: 'semey.analyst@example.kz',
      role: 'analyst',
      regions: ['KZ-10'],
    });
  });

  it('answers 409 when the email exists in another letter case', async () => {
    const res = await send(admin, 'POST', '/api/users', {
      email: 'ANALYST@example.kz',
      role: 'author',
      password: 'another long password',
    });
    expect((await expectProblem(res, 409)).type).toBe('/problems/user-exists');
  });

  it('answers 400 naming every wrong field: email, role, region code, short password, unknown field', async () => {
    const res = await send(admin, 'POST', '/api/users', {
      email: 'not-an-email',
      role: 'boss',
      regions: ['KZ-10', 'KZ-99'],
      password: 'short',
      superuser: true,
    });
    expect(problemFields(await expectProblem(res, 400))).toEqual([
      'email',
      'password',
      'regions.1',
      'role',
      'superuser',
    ]);
  });

  it('answers 400 for an empty or repeated region list and for regions on an admin', async () => {
    const base = { email: 'r@example.kz', role: 'analyst', password: 'long enough password' };
    expect(
      problemFields(
        await expectProblem(await send(admin, 'POST', '/api/users', { ...base, regions: [] }), 400),
      ),
    ).toEqual(['regions']);
    expect(
      problemFields(
        await expectProblem(
          await send(admin, 'POST', '/api/users', { ...base, regions: ['KZ-10', 'KZ-10'] }),
          400,
        ),
      ),
    ).toEqual(['regions']);
    const adminWithRegions = { ...base, role: 'admin', regions: ['KZ-10'] };
    expect(
      problemFields(await expectProblem(await send(admin, 'POST', '/api/users', adminWithRegions), 400)),
    ).toEqual(['regions']);
  });

  it('answers 415 when the body is not JSON', async () => {
    const res = await fetchAs(server.url, admin, '/api/users', {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'x',
    });
    await expectProblem(res, 415);
  });
});

describe('PATCH /api/users/:id', () => {
  it('changes role and regions (200); the change applies to the user’s live session at once', async () => {
    const user = await createUser(server.store, {
      email: 'author@example.kz',
      role: 'author',
      password: PASSWORD,
    });
    const cookie = await signIn(server.url, 'author@example.kz', PASSWORD);
    const res = await send(admin, 'PATCH', `/api/users/${user.id}`, { role: 'analyst', regions: ['KZ-55'] });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ role: 'analyst', regions: ['KZ-55'] });
    expect(await (await fetchAs(server.url, cookie, '/api/session')).json()).toMatchObject({
      role: 'analyst',
      regions: ['KZ-55'],
    });
  });

  it('disabling a user ends their sessions (401) and their password then gets 403 account-disabled', async () => {
    const user = await createUser(server.store, {
      email: 'leaving@example.kz',
      role: 'analyst',
      password: PASSWORD,
    });
    const cookie = await signIn(server.url, 'leaving@example.kz', PASSWORD);
    expect((await send(admin, 'PATCH', `/api/users/${user.id}`, { disabled: true })).status).toBe(200);
    await expectProblem(await fetchAs(server.url, cookie, '/api/session'), 401);
    const again = await fetch(`${server.url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'leaving@example.kz', password: PASSWORD }),
    });
    expect((await expectProblem(again, 403)).type).toBe('/problems/account-disabled');
    expect((await send(admin, 'PATCH', `/api/users/${user.id}`, { disabled: false })).status).toBe(200);
    expect(await signIn(server.url, 'leaving@example.kz', PASSWORD)).toMatch(/^saualnama_session=/);
  });

  it('a new password ends the user’s old sessions and replaces the old password', async () => {
    const user = await createUser(server.store, {
      email: 'forgetful@example.kz',
      role: 'author',
      password: PASSWORD,
    });
    const cookie = await signIn(server.url, 'forgetful@example.kz', PASSWORD);
    expect(
      (await send(admin, 'PATCH', `/api/users/${user.id}`, { password: 'a brand new password' })).status,
    ).toBe(200);
    await expectProblem(await fetchAs(server.url, cookie, '/api/session'), 401);
    await expect(signIn(server.url, 'forgetful@example.kz', PASSWORD)).rejects.toThrow(/got 401/);
    expect(await signIn(server.url, 'forgetful@example.kz', 'a brand new password')).toMatch(
      /^saualnama_session=/,
    );
  });

  it('answers 409 instead of disabling or demoting the last enabled admin', async () => {
    const self = (await server.store.getUserCredentials('admin@example.kz'))!.user;
    expect(
      (await expectProblem(await send(admin, 'PATCH', `/api/users/${self.id}`, { disabled: true }), 409))
        .type,
    ).toBe('/problems/last-admin');
    await expectProblem(await send(admin, 'PATCH', `/api/users/${self.id}`, { role: 'analyst' }), 409);
    expect(await server.store.getUser(self.id)).toMatchObject({ role: 'admin', disabledAt: null });
  });

  it('answers 404 for an unknown or non-numeric id and 400 naming a wrong field', async () => {
    await expectProblem(await send(admin, 'PATCH', '/api/users/999999', { disabled: true }), 404);
    await expectProblem(await send(admin, 'PATCH', '/api/users/abc', { disabled: true }), 404);
    const analystId = (await server.store.getUserCredentials('analyst@example.kz'))!.user.id;
    const res = await send(admin, 'PATCH', `/api/users/${analystId}`, { disabled: 'yes', regions: 'KZ-10' });
    expect(problemFields(await expectProblem(res, 400))).toEqual(['disabled', 'regions']);
  });
});
