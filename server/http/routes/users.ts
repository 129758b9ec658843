// User management for admins: list, create, and change role, regions, password or disabled state.
// Disabling a user or setting a new password ends that user's sessions (store.updateUser does it in one transaction).
import { Router, type Response } from 'express';
import { newUserBody, parseBody, userBody, userPatchBody, type UserBody } from '../contract/accounts';
import { audit } from '../audit';
import { currentSessionId, currentUser, requireUser } from '../auth';
import type { AppDeps } from '../deps';
import { readJsonBody } from '../json-body';
import { hashPassword } from '../../domain/passwords';
import { Problem } from '../problem';
import type { UserChanges } from '../../store';

export function usersRouter(deps: AppDeps): Router {
  const { store, clock, config } = deps;
  const router = Router();
  const noStore = (res: Response) => res.set('Cache-Control', 'no-store');

  router.get('/api/users', requireUser('admin'), (_req, res) => {
    noStore(res).json(store.listUsers().map(userBody) satisfies UserBody[]);
  });

  router.post('/api/users', requireUser('admin'), async (req, res) => {
    const body = parseBody(newUserBody, await readJsonBody(req, config.bodyLimitBytes), 'new user');
    const user = store.addUser({
      email: body.email,
      role: body.role,
      regions: body.regions ?? null,
      passwordHash: await hashPassword(body.password),
      createdAt: clock().toISOString(),
    });
    if (!user) throw new Problem('user-exists', `There is already a user ${body.email}.`);
    audit(deps, req, res, 'user-created', { email: user.email, role: user.role, regions: user.regions });
    noStore(res)
      .status(201)
      .json(userBody(user) satisfies UserBody);
  });

  router.patch('/api/users/:id', requireUser('admin'), async (req, res) => {
    const body = parseBody(userPatchBody, await readJsonBody(req, config.bodyLimitBytes), 'change');
    const raw = String(req.params.id);
    const id = /^[1-9]\d{0,15}$/.test(raw) ? Number(raw) : undefined;
    const existing = id === undefined ? undefined : store.getUser(id);
    if (!existing) throw new Problem('user-not-found', `There is no user with id "${raw}".`);

    const role = body.role ?? existing.role;
    if (role === 'admin' && body.regions != null)
      throw new Problem('invalid-request', 'The change is not as expected: see errors.', [
        { question: 'regions', message: 'an admin reads all regions: leave regions out or null' },
      ]);
    const changes: UserChanges = {
      ...(body.role !== undefined && { role: body.role }),
      // Becoming an admin widens the scope to all regions, so no stale limit lingers on the row.
      ...(body.regions !== undefined ? { regions: body.regions } : role === 'admin' && { regions: null }),
      ...(body.password !== undefined && { passwordHash: await hashPassword(body.password) }),
      ...(body.disabled !== undefined && { disabled: body.disabled }),
    };
    // An admin setting their own new password stays signed in here; their other sessions end.
    const keep = existing.id === currentUser(res).id ? (currentSessionId(res) ?? null) : null;
    const outcome = store.updateUser(existing.id, changes, clock().toISOString(), keep);
    if (outcome.status === 'not-found')
      throw new Problem('user-not-found', `There is no user with id "${existing.id}".`);
    if (outcome.status === 'last-admin')
      throw new Problem(
        'last-admin',
        'This change would leave no enabled admin; make another user admin first.',
      );
    // The fields that changed, a new password only as the fact of it.
    const { password, ...fields } = body;
    audit(deps, req, res, 'user-changed', {
      email: existing.email,
      ...fields,
      ...(password !== undefined && { password: 'changed' }),
    });
    noStore(res).json(userBody(outcome.user) satisfies UserBody);
  });

  return router;
}
