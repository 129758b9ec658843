// What the workspace's Users section relies on, on the real server: one-time passwords (shown once, replaced before
// anything else), everyone's own new password, the last sign-in, regions narrowed and accounts disabled taking effect
// on open sessions at their next request, and every action in the audit log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, fetchAs, sendJson, signIn } from '../support/auth';
import { expectProblem } from '../support/problem';
import { startServer, type TestServer } from '../support/server';
import { collect } from '../support/collect';

const PASSWORD = 'Birgemiz-2024-jyl';
let server: TestServer;
let admin: string;

beforeAll(async () => {
  server = await startServer();
  await createUser(server.store, { email: 'admin@example.kz', role: 'admin', password: PASSWORD });
  admin = await signIn(server.url, 'admin@example.kz', PASSWORD);
});
afterAll(() => server.close());

const send = (cookie: string, method: string, path: string, body: unknown) =>
  sendJson(server.url, cookie, method, path, body);
const auditOf = (action: string) => collect(server.store.iterateAudit({ action: action as never }));

describe('a user added without a password', () => {
  let oneTime: string;
  let id: number;

  it('gets a one-time password, shown in the reply only', async () => {
    const res = await send(admin, 'POST', '/api/users', {
      email: 'Talday@Example.kz',
      role: 'analyst',
      regions: ['KZ-10'],
    });
    expect(res.status).toBe(201);
    const body = (await res.json()) as { id: number; oneTimePassword: string; mustChangePassword: boolean };
    expect(body.oneTimePassword).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    expect(body.mustChangePassword).toBe(true);
    ({ oneTimePassword: oneTime, id } = body);
    const list = await (await fetchAs(server.url, admin, '/api/users')).text();
    expect(list).not.toContain(oneTime);
    expect(JSON.stringify(await auditOf('user-created'))).not.toContain(oneTime);
    expect((await auditOf('user-created')).at(-1)).toMatchObject({
      actor: 'admin@example.kz',
      details: { email: 'talday@example.kz', role: 'analyst', regions: ['KZ-10'], password: 'one-time' },
    });
  });

  it('signs in with it, but may do nothing but choose a new password', async () => {
    const cookie = await signIn(server.url, 'talday@example.kz', oneTime);
    const session = await (await fetchAs(server.url, cookie, '/api/session')).json();
    expect(session).toMatchObject({ email: 'talday@example.kz', mustChangePassword: true });
    const refused = await expectProblem(
      await fetchAs(server.url, cookie, '/api/surveys/example/coverage'),
      403,
    );
    expect(refused.type).toBe('/problems/password-change-required');

    const wrong = await send(cookie, 'POST', '/api/users/me/password', {
      currentPassword: 'not-the-one-time-one',
      newPassword: 'Talday-own-password-1',
    });
    expect((await expectProblem(wrong, 403)).type).toBe('/problems/wrong-current-password');
    const short = await send(cookie, 'POST', '/api/users/me/password', {
      currentPassword: oneTime,
      newPassword: 'short',
    });
    expect((await expectProblem(short, 400)).errors).toEqual([
      expect.objectContaining({ question: 'newPassword' }),
    ]);

    const changed = await send(cookie, 'POST', '/api/users/me/password', {
      currentPassword: oneTime,
      newPassword: 'Talday-own-password-1',
    });
    expect(changed.status).toBe(204);
    // The same session goes on, now allowed in.
    expect((await fetchAs(server.url, cookie, '/api/surveys/example/coverage')).status).toBe(200);
    expect(await server.store.getUser(id)).toMatchObject({ mustChangePassword: false });
    expect((await server.store.getUser(id))!.lastSignInAt).not.toBeNull();
    expect((await auditOf('password-changed')).at(-1)).toMatchObject({
      actor: 'talday@example.kz',
      details: { email: 'talday@example.kz', wasOneTime: true },
    });
    // The one-time password is gone.
    await expectProblem(
      await fetch(`${server.url}/api/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'talday@example.kz', password: oneTime }),
      }),
      401,
    );
  });

  it('a reset gives a new one-time password and ends the sessions at once', async () => {
    const cookie = await signIn(server.url, 'talday@example.kz', 'Talday-own-password-1');
    const res = await send(admin, 'PATCH', `/api/users/${id}`, { resetPassword: true });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { oneTimePassword: string; mustChangePassword: boolean };
    expect(body.mustChangePassword).toBe(true);
    await expectProblem(await fetchAs(server.url, cookie, '/api/session'), 401);
    const again = await signIn(server.url, 'talday@example.kz', body.oneTimePassword);
    expect(await (await fetchAs(server.url, again, '/api/session')).json()).toMatchObject({
      mustChangePassword: true,
    });
    expect((await auditOf('user-changed')).at(-1)).toMatchObject({
      details: { email: 'talday@example.kz', password: 'reset to one-time' },
    });
    expect(JSON.stringify(await auditOf('user-changed'))).not.toContain(body.oneTimePassword);
  });

  it('refuses a password and a reset in one change', async () => {
    const res = await send(admin, 'PATCH', `/api/users/${id}`, {
      resetPassword: true,
      password: 'Some-long-password',
    });
    expect((await expectProblem(res, 400)).errors).toEqual([
      expect.objectContaining({ question: 'resetPassword' }),
    ]);
  });
});

describe('changes apply to open sessions', () => {
  it('narrowed regions narrow the next request; disabling ends the session; enabling lets them sign in again', async () => {
    const user = await createUser(server.store, {
      email: 'wide@example.kz',
      role: 'analyst',
      regions: ['KZ-10', 'KZ-55'],
      password: PASSWORD,
    });
    const cookie = await signIn(server.url, 'wide@example.kz', PASSWORD);
    expect((await fetchAs(server.url, cookie, '/api/surveys/example/coverage?region=KZ-55')).status).toBe(
      200,
    );
    expect((await send(admin, 'PATCH', `/api/users/${user.id}`, { regions: ['KZ-10'] })).status).toBe(200);
    expect(await (await fetchAs(server.url, cookie, '/api/session')).json()).toMatchObject({
      regions: ['KZ-10'],
    });
    await expectProblem(await fetchAs(server.url, cookie, '/api/surveys/example/coverage?region=KZ-55'), 403);

    expect((await send(admin, 'PATCH', `/api/users/${user.id}`, { disabled: true })).status).toBe(200);
    await expectProblem(await fetchAs(server.url, cookie, '/api/surveys/example/coverage'), 401);
    // Enabled again: the old session stays ended, a new sign-in works.
    expect((await send(admin, 'PATCH', `/api/users/${user.id}`, { disabled: false })).status).toBe(200);
    await expectProblem(await fetchAs(server.url, cookie, '/api/session'), 401);
    const back = await signIn(server.url, 'wide@example.kz', PASSWORD);
    expect((await fetchAs(server.url, back, '/api/surveys/example/coverage')).status).toBe(200);
    expect((await auditOf('user-changed')).slice(-3)).toEqual([
      expect.objectContaining({ details: { email: 'wide@example.kz', regions: ['KZ-10'] } }),
      expect.objectContaining({ details: { email: 'wide@example.kz', disabled: true } }),
      expect.objectContaining({
        actor: 'admin@example.kz',
        details: { email: 'wide@example.kz', disabled: false },
      }),
    ]);
  });
});

describe('own password', () => {
  it('answers 401 without a session, and keeps the admin signed in after their own change', async () => {
    await expectProblem(
      await fetch(`${server.url}/api/users/me/password`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      }),
      401,
    );
    const res = await send(admin, 'POST', '/api/users/me/password', {
      currentPassword: PASSWORD,
      newPassword: 'Admin-new-password-2024',
    });
    expect(res.status).toBe(204);
    expect((await fetchAs(server.url, admin, '/api/users')).status).toBe(200);
  });
});
