// Signing in and out of the workspace: POST /api/session checks the password and sets the cookie,
// GET tells the workspace who is signed in, DELETE revokes the session.
import { Router } from 'express';
import { credentialsBody, parseBody, type SessionBody } from '../contract/accounts';
import { audit } from '../audit';
import { currentUser, endSession, requireSession, startSession } from '../auth';
import { clientAddress } from '../client-address';
import type { AppDeps } from '../deps';
import { readJsonBody } from '../json-body';
import { createLoginThrottle } from '../../domain/login-throttle';
import {
  hashPassword,
  needsRehash,
  prepareDecoy,
  verifyNothing,
  verifyPassword,
} from '../../domain/passwords';
import { Problem } from '../../domain/problem';

/** Credentials are tiny; a larger body is not a sign-in. */
const LOGIN_BODY_LIMIT = 4 * 1024;

export function sessionRouter(deps: AppDeps): Router {
  const { store, clock } = deps;
  const throttle = createLoginThrottle(store, () => clock().getTime());
  prepareDecoy();
  const router = Router();

  router.post('/api/session', async (req, res) => {
    res.set('Cache-Control', 'no-store');
    const { email, password } = parseBody(
      credentialsBody,
      await readJsonBody(req, LOGIN_BODY_LIMIT),
      'sign-in',
    );
    const address = clientAddress(req, deps.config.trustProxy);
    await throttle.begin(address, email);

    const found = await store.getUserCredentials(email);
    // Unknown emails cost the same scrypt work as known ones, and get the same answer as a wrong password.
    const valid = found ? await verifyPassword(password, found.passwordHash) : await verifyNothing(password);
    if (!found || !valid) {
      // Under the email tried: failures piling up on one account or from one address are what an admin looks for.
      await audit(
        deps,
        req,
        res,
        'sign-in-failed',
        { reason: found ? 'wrong password' : 'no such account' },
        email,
      );
      throw new Problem('login-failed', 'The email or the password is wrong.');
    }
    await throttle.succeeded(address, email);
    // Only someone who knows the password learns that the account is disabled.
    if (found.user.disabledAt !== null) {
      await audit(deps, req, res, 'sign-in-failed', { reason: 'account disabled' }, email);
      throw new Problem('account-disabled', 'This account has been disabled; ask an admin of the workspace.');
    }
    // Hashes made with older scrypt parameters are upgraded while the password is at hand.
    if (needsRehash(found.passwordHash))
      await store.rehashPassword(found.user.id, await hashPassword(password));

    // Before the session: if the entry cannot be written (a full disk), nobody is signed in without a trace.
    await audit(
      deps,
      req,
      res,
      'sign-in',
      { role: found.user.role, regions: found.user.regions },
      found.user.email,
    );
    await store.recordSignIn(found.user.id, clock().toISOString());
    await startSession(deps, req, res, found.user);
    res.status(204).end();
  });

  // requireSession, not requireUser: a user with a one-time password must learn that they are asked for a new one.
  router.get('/api/session', requireSession, (_req, res) => {
    const { email, role, regions, mustChangePassword } = currentUser(res);
    res.set('Cache-Control', 'no-store').json({
      email,
      role,
      regions,
      ...(mustChangePassword && { mustChangePassword }),
    } satisfies SessionBody);
  });

  // Signing out works without a live session too: the cookie is cleared either way.
  router.delete('/api/session', async (req, res) => {
    await endSession(deps, req, res);
    res.status(204).end();
  });

  return router;
}
