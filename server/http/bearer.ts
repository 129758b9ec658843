// `Authorization: Bearer <token>`: personal read-only API tokens for scripts (R, Python, curl). A token stands for its
// account (role and regions as they are now) on the export routes and responses.jsonl, for GET only; anything else
// with a token is refused, so a leaked token can never change data, and tokens never ride in a cookie. Every use
// is written to the audit log (`token-used`).
import { createHash, randomBytes } from 'node:crypto';
import type { RequestHandler } from 'express';
import { Problem } from '../domain/problem';
import { audit } from './audit';
import type { SessionUser } from './auth';
import type { AppDeps } from './deps';

/** What a token looks like: a fixed prefix (a secret scanner can spot it) and 32 random bytes. */
const TOKEN_PREFIX = 'snm_';
const TOKEN = /^snm_[A-Za-z0-9_-]{43}$/;

export const newApiToken = () => `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
/** The database keeps only this digest. */
export const apiTokenDigest = (token: string) => createHash('sha256').update(token).digest('hex');

/** The routes a token may read: downloads of answers and the JSON-lines feed, nothing else. */
const TOKEN_ROUTES =
  /^\/api\/surveys\/[^/]+\/(export\.(csv|zip|xlsx)|dictionary\.csv|syntax\.(sps|do|R)|repeats\/[^/]+\.csv|responses\.jsonl)$/;

/** Registered after sessionMiddleware: a request with a bearer token is that token's account, and only that. */
export function bearerMiddleware(deps: Pick<AppDeps, 'store' | 'clock' | 'config'>): RequestHandler {
  return async (req, res, next) => {
    const header = req.headers.authorization;
    if (header === undefined) return next();
    const [scheme, token = ''] = header.trim().split(/\s+/, 2);
    // Another scheme (a proxy's Basic password) is not ours to judge.
    if (scheme?.toLowerCase() !== 'bearer') return next();
    // Whatever a cookie said, this request is the token's: a token never borrows a session's rights.
    delete res.locals.user;
    delete res.locals.sessionId;
    if (!TOKEN.test(token)) {
      res.set('WWW-Authenticate', 'Bearer error="invalid_token"');
      throw new Problem('invalid-token', 'This is not an API token of this server.');
    }
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !TOKEN_ROUTES.test(req.path))
      throw new Problem(
        'token-read-only',
        'An API token reads export files and responses.jsonl (GET); every change needs the workspace.',
      );
    const now = deps.clock().toISOString();
    const found = await deps.store.useApiToken(apiTokenDigest(token), now);
    const user = found && (await deps.store.getUser(found.userId));
    if (!found || !user || user.disabledAt !== null) {
      res.set('WWW-Authenticate', 'Bearer error="invalid_token"');
      throw new Problem(
        'invalid-token',
        'This token is unknown, revoked or expired: make a new one in the workspace.',
      );
    }
    res.locals.user = {
      id: user.id,
      email: user.email,
      role: user.role,
      regions: user.regions,
    } satisfies SessionUser;
    res.locals.apiToken = found.id;
    await audit(deps, req, res, 'token-used', { token: found.id, name: found.name, path: req.path });
    next();
  };
}
