// User management for admins: list, create (with a one-time password shown once), and change role, regions,
// password (set, or reset to a one-time one) or disabled state; and every user's own new password.
// Disabling a user or setting a new password ends that user's sessions (store.updateUser does it in one transaction);
// a changed role or narrower regions apply to open sessions at the next request (auth.ts reads the row each time).
import { Router, type Response } from 'express';
import {
  newUserBody,
  ownPasswordBody,
  parseBody,
  userBody,
  userPatchBody,
  type UserBody,
  type UserWithPasswordBody,
} from '../contract/accounts';
import { audit } from '../audit';
import { currentSessionId, currentUser, requireSession, requireUser } from '../auth';
import type { AppDeps } from '../deps';
import { readJsonBody } from '../json-body';
import { hashPassword, oneTimePassword, verifyPassword } from '../../domain/passwords';
import { Problem } from '../../domain/problem';
import type { UserChanges } from '../../store';

export function usersRouter(deps: AppDeps): Router {
  const { store, clock, config } = deps;
  const router = Router();
  const noStore = (res: Response) => res.set('Cache-Control', 'no-store');

  router.get('/api/users', requireUser('admin'), async (_req, res) => {
    noStore(res).json((await store.listUsers()).map(userBody) satisfies UserBody[]);
  });

  router.post('/api/users', requireUser('admin'), async (req, res) => {
    const body = parseBody(newUserBody, await readJsonBody(req, config.bodyLimitBytes), 'new user');
    // No password given: the admin hands over a one-time one, which its user must replace at first sign-in.
    const oneTime = body.password === undefined ? oneTimePassword() : undefined;
    const user = await store.addUser({
      email: body.email,
      role: body.role,
      regions: body.regions ?? null,
      passwordHash: await hashPassword(body.password ?? oneTime!),
      createdAt: clock().toISOString(),
      mustChangePassword: oneTime !== undefined,
    });
    if (!user) throw new Problem('user-exists', `There is already a user ${body.email}.`);
    await audit(deps, req, res, 'user-created', {
      email: user.email,
      role: user.role,
      regions: user.regions,
      password: oneTime ? 'one-time' : 'set',
    });
    noStore(res)
      .status(201)
      .json({
        ...userBody(user),
        ...(oneTime && { oneTimePassword: oneTime }),
      } satisfies UserWithPasswordBody);
  });

  // The signed-in user's own password: the current one proves it is them (a left-open laptop is not enough).
  router.post('/api/users/me/password', requireSession, async (req, res) => {
    const body = parseBody(ownPasswordBody, await readJsonBody(req, config.bodyLimitBytes), 'new password');
    const me = currentUser(res);
    const found = await store.getUserCredentials(me.email);
    if (!found || !(await verifyPassword(body.currentPassword, found.passwordHash)))
      throw new Problem('wrong-current-password', 'The current password is not right; nothing was changed.', [
        { question: 'currentPassword', message: 'is not your current password' },
      ]);
    const now = clock().toISOString();
    // This session goes on; the user's other sessions (another browser, a stolen cookie) end.
    const outcome = await store.updateUser(
      me.id,
      { passwordHash: await hashPassword(body.newPassword) },
      now,
      currentSessionId(res) ?? null,
    );
    if (outcome.status !== 'updated') throw new Problem('user-not-found', 'Your account is no longer there.');
    await audit(deps, req, res, 'password-changed', {
      email: me.email,
      wasOneTime: me.mustChangePassword === true,
    });
    noStore(res).status(204).end();
  });

  router.patch('/api/users/:id', requireUser('admin'), async (req, res) => {
    const body = parseBody(userPatchBody, await readJsonBody(req, config.bodyLimitBytes), 'change');
    const raw = String(req.params.id);
    const id = /^[1-9]\d{0,15}$/.test(raw) ? Number(raw) : undefined;
    const existing = id === undefined ? undefined : await store.getUser(id);
    if (!existing) throw new Problem('user-not-found', `There is no user with id "${raw}".`);

    const role = body.role ?? existing.role;
    if (role === 'admin' && body.regions != null)
      throw new Problem('invalid-request', 'The change is not as expected: see errors.', [
        { question: 'regions', message: 'an admin reads all regions: leave regions out or null' },
      ]);
    const oneTime = body.resetPassword ? oneTimePassword() : undefined;
    const newPassword = body.password ?? oneTime;
    const changes: UserChanges = {
      ...(body.role !== undefined && { role: body.role }),
      // Becoming an admin widens the scope to all regions, so no stale limit lingers on the row.
      ...(body.regions !== undefined ? { regions: body.regions } : role === 'admin' && { regions: null }),
      ...(newPassword !== undefined && {
        passwordHash: await hashPassword(newPassword),
        mustChangePassword: oneTime !== undefined,
      }),
      ...(body.disabled !== undefined && { disabled: body.disabled }),
    };
    // An admin setting their own new password stays signed in here; their other sessions end. A reset to a one-time
    // password ends every session, this one too: its holder must sign in with it and choose a new one.
    const keep = existing.id === currentUser(res).id && !oneTime ? (currentSessionId(res) ?? null) : null;
    const outcome = await store.updateUser(existing.id, changes, clock().toISOString(), keep);
    if (outcome.status === 'not-found')
      throw new Problem('user-not-found', `There is no user with id "${existing.id}".`);
    if (outcome.status === 'last-admin')
      throw new Problem(
        'last-admin',
        'This change would leave no enabled admin; make another user admin first.',
      );
    // The fields that changed, a new password only as the fact of it.
    const { password, resetPassword, ...fields } = body;
    await audit(deps, req, res, 'user-changed', {
      email: existing.email,
      ...fields,
      ...(password !== undefined && { password: 'changed' }),
      ...(resetPassword && { password: 'reset to one-time' }),
    });
    noStore(res).json({
      ...userBody(outcome.user),
      ...(oneTime && { oneTimePassword: oneTime }),
    } satisfies UserWithPasswordBody);
  });

  return router;
}
