// Personal API tokens, made and revoked in the workspace (signed in with the cookie, never with a token): shown once,
// stored as a sha256 digest, scoped like the account, with an expiry. Analysts and admins, who may export, have them.
import { Router, type Response } from 'express';
import { parseBody } from '../contract/accounts';
import { newTokenBody, type NewTokenBody, type TokenBody } from '../contract/reviews';
import { audit } from '../audit';
import { apiTokenDigest, newApiToken } from '../bearer';
import { currentUser, requireUser } from '../auth';
import type { AppDeps } from '../deps';
import { readJsonBody } from '../json-body';
import { Problem } from '../../domain/problem';
import type { ApiToken } from '../../store';

/** Without an expiry a token lasts 90 days; none lasts more than a year. */
const DEFAULT_DAYS = 90;
const MAX_DAYS = 366;
const DAY_MS = 86_400_000;

const tokenBody = ({ userId: _userId, ...t }: ApiToken): TokenBody => t;

export function tokensRouter(deps: AppDeps): Router {
  const { store, clock, config } = deps;
  const router = Router();
  const holders = requireUser('admin', 'analyst');
  const noStore = (res: Response) => res.set('Cache-Control', 'no-store');

  router.get('/api/tokens', holders, async (_req, res) => {
    noStore(res).json((await store.listApiTokens(currentUser(res).id)).map(tokenBody) satisfies TokenBody[]);
  });

  router.post('/api/tokens', holders, async (req, res) => {
    const body = parseBody(newTokenBody, await readJsonBody(req, config.bodyLimitBytes), 'new token');
    const now = clock();
    const expires =
      body.expiresAt === undefined ? now.getTime() + DEFAULT_DAYS * DAY_MS : Date.parse(body.expiresAt);
    if (expires <= now.getTime() || expires > now.getTime() + MAX_DAYS * DAY_MS)
      throw new Problem('invalid-request', 'A token expires within a year from now.', [
        { question: 'expiresAt', message: 'must be in the future and at most a year away' },
      ]);
    const token = newApiToken();
    const user = currentUser(res);
    const made = await store.addApiToken({
      userId: user.id,
      name: body.name,
      tokenSha256: apiTokenDigest(token),
      createdAt: now.toISOString(),
      expiresAt: new Date(expires).toISOString(),
    });
    await audit(deps, req, res, 'token-created', {
      token: made.id,
      name: made.name,
      expiresAt: made.expiresAt,
    });
    noStore(res)
      .status(201)
      .json({ ...tokenBody(made), token } satisfies NewTokenBody);
  });

  router.delete('/api/tokens/:id', holders, async (req, res) => {
    const id = Number(req.params.id);
    const user = currentUser(res);
    const outcome = Number.isSafeInteger(id)
      ? await store.revokeApiToken(user.id, id, clock().toISOString())
      : 'not-found';
    if (outcome === 'not-found')
      throw new Problem('token-not-found', `You have no API token ${String(req.params.id)}.`);
    if (outcome === 'revoked') await audit(deps, req, res, 'token-revoked', { token: id });
    res.status(204).end();
  });

  return router;
}
