// Who is asking, and what they may read: the session cookie, the CSRF rule for unsafe requests, and the named
// permission predicates that every route reading responses (CSV, charts, text lists, counts) uses the same way.
import { createHash, randomBytes } from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';
import { isRegionCode, REGION_CODES } from '../catalog/regions';
import type { Role, User } from '../store';
import type { AppDeps } from './deps';
import { isStorageFault, Problem } from '../domain/problem';

/** The roles are the store's (server/store/accounts.ts: ROLES), declared once. */
export type { Role };
export interface SessionUser {
  id: number;
  email: string;
  role: Role;
  /** null = all 20 regions */
  regions: readonly string[] | null;
  /**
   * Signed in with a one-time password: only replacing it (and signing out) is allowed until then. Optional so that
   * other ways of being someone (a test's fixed user, a token) need not say it: absent means no.
   */
  mustChangePassword?: boolean;
}

export const SESSION_COOKIE = 'saualnama_session';
/** A session unused for this long ends: a laptop left open at a briefing does not stay signed in overnight. */
export const SESSION_IDLE_MS = 12 * 3_600_000;
/** A session ends this long after sign-in however much it is used: a stolen cookie stops working within a week. */
export const SESSION_MAX_MS = 7 * 24 * 3_600_000;
/** last_seen_at is written at most this often, so that browsing the workspace is not one fsync per request. */
const TOUCH_EVERY_MS = 5 * 60_000;

const TOKEN = /^[A-Za-z0-9_-]{43}$/; // 32 random bytes in base64url
const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The database keeps only this digest, so a leaked copy of it holds no usable cookie. */
const sessionIdOf = (token: string) => createHash('sha256').update(token).digest('hex');

function readSessionToken(req: Request): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === SESSION_COOKIE) return part.slice(eq + 1).trim();
  }
  return undefined;
}

function originOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const origin = new URL(url).origin;
    return origin === 'null' ? undefined : origin;
  } catch {
    return undefined;
  }
}

/**
 * This server's origin: PUBLIC_URL when set (behind a proxy the Host header may be the proxy's upstream name), else
 * from the Host header and scheme; `req.protocol` is https on a TLS socket, or from X-Forwarded-Proto of a proxy
 * trusted by TRUST_PROXY.
 */
const ownOrigin = (req: Request, publicUrl: string | null) =>
  publicUrl ?? originOf(`${req.protocol}://${req.headers.host ?? ''}`);

/** Same-origin check on Origin, or Referer when a browser sent no Origin; neither present counts as foreign. */
function isSameOrigin(req: Request, publicUrl: string | null): boolean {
  const own = ownOrigin(req, publicUrl);
  const claimed =
    originOf(req.headers.origin) ?? (req.headers.origin ? undefined : originOf(req.headers.referer));
  return own !== undefined && claimed === own;
}

/** Secure on a TLS request, and always when the public address is https (TLS ends at the proxy). */
const cookieOptions = (req: Request, publicUrl: string | null) =>
  ({
    httpOnly: true,
    sameSite: 'strict',
    path: '/',
    secure: req.secure || publicUrl?.startsWith('https:') === true,
  }) as const;

/**
 * Registered before every router. Refuses cross-site unsafe requests that carry the cookie (403), then loads the
 * session's user into res.locals. A missing, unknown or ended session is not an error here: public routes do not
 * care, and requireUser answers 401.
 */
export function sessionMiddleware({
  store,
  clock,
  config,
}: Pick<AppDeps, 'store' | 'clock' | 'config'>): RequestHandler {
  const { publicUrl } = config;
  return async (req, res, next) => {
    const token = readSessionToken(req);
    const unsafe = UNSAFE_METHODS.has(req.method);
    if (unsafe && token !== undefined && !isSameOrigin(req, publicUrl))
      throw new Problem(
        'cross-site-request',
        'Signed-in changes must come from this site: the Origin (or Referer) header must match this server.',
      );
    // Signing in carries no cookie, but a foreign page must not sign a visitor into another account either.
    if (
      unsafe &&
      req.path === '/api/session' &&
      (req.headers.origin || req.headers.referer) &&
      !isSameOrigin(req, publicUrl)
    )
      throw new Problem('cross-site-request', 'Sign in from this site’s own pages.');
    if (token === undefined || !TOKEN.test(token)) return next();

    const session = await store.getActiveSession(sessionIdOf(token));
    const now = clock();
    if (!session) return next();
    const t = now.getTime();
    if (t >= Date.parse(session.expiresAt) || t - Date.parse(session.lastSeenAt) >= SESSION_IDLE_MS)
      return next();
    if (t - Date.parse(session.lastSeenAt) >= TOUCH_EVERY_MS) {
      try {
        await store.touchSession(session.id, now.toISOString());
      } catch (error) {
        // On a full disk or a read-only file a reader keeps reading; the idle clock is just not moved on this time.
        if (!isStorageFault(error)) throw error;
      }
    }
    // The user's row is read on every request: a role, regions or disabled state changed by an admin applies at once.
    const { id, email, role, regions, mustChangePassword } = session.user;
    res.locals.user = { id, email, role, regions, mustChangePassword } satisfies SessionUser;
    res.locals.sessionId = session.id;
    next();
  };
}

/** Creates a session for a user who just proved their password, and sets the cookie. */
export async function startSession(
  { store, clock, config }: Pick<AppDeps, 'store' | 'clock' | 'config'>,
  req: Request,
  res: Response,
  user: User,
) {
  const token = randomBytes(32).toString('base64url');
  const now = clock();
  await store.addSession({
    id: sessionIdOf(token),
    userId: user.id,
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + SESSION_MAX_MS).toISOString(),
  });
  res.cookie(SESSION_COOKIE, token, { ...cookieOptions(req, config.publicUrl), maxAge: SESSION_MAX_MS });
}

/** Revokes the current session, if any, and clears the cookie. */
export async function endSession(
  { store, clock, config }: Pick<AppDeps, 'store' | 'clock' | 'config'>,
  req: Request,
  res: Response,
) {
  const sessionId = currentSessionId(res);
  if (sessionId !== undefined) await store.revokeSession(sessionId, clock().toISOString());
  res.clearCookie(SESSION_COOKIE, cookieOptions(req, config.publicUrl));
}

/** The session id (sha256 of the token) of a signed-in request. */
export function currentSessionId(res: Response): string | undefined {
  return res.locals.sessionId as string | undefined;
}

/**
 * 401 problem without a session; 403 when the role is not among `roles` (none given = any signed-in user), and 403
 * while the user still has a one-time password an admin gave them.
 */
export function requireUser(...roles: Role[]): RequestHandler {
  return (_req, res, next) => {
    const user = res.locals.user as SessionUser | undefined;
    if (!user) throw new Problem('unauthenticated', 'Sign in to the workspace first (POST /api/session).');
    if (user.mustChangePassword)
      throw new Problem(
        'password-change-required',
        'Your password was set by an admin: choose your own first (POST /api/users/me/password).',
      );
    if (roles.length > 0 && !roles.includes(user.role))
      throw new Problem(
        'forbidden',
        `This needs the role ${roles.join(' or ')}; your account is ${user.role}.`,
      );
    next();
  };
}

/** Any signed-in user, one who must still replace a one-time password included: who am I, and the new password. */
export const requireSession: RequestHandler = (_req, res, next) => {
  if (!res.locals.user)
    throw new Problem('unauthenticated', 'Sign in to the workspace first (POST /api/session).');
  next();
};

/** The signed-in user; only after requireUser (otherwise it answers 401 rather than guess). */
export function currentUser(res: Response): SessionUser {
  const user = res.locals.user as SessionUser | undefined;
  if (!user) throw new Problem('unauthenticated', 'Sign in to the workspace first (POST /api/session).');
  return user;
}

export function canReadRegion(user: SessionUser, region: string): boolean {
  return user.regions === null ? isRegionCode(region) : user.regions.includes(region);
}

/**
 * The regions a query may read: the requested ones (all 20 when none requested) intersected with the user's scope;
 * throws a 403 Problem naming the region when a requested region is outside the scope (and a 400 when it is not
 * one of the 20 codes at all).
 */
export function readableRegions(user: SessionUser, requested: readonly string[] | undefined): string[] {
  if (requested === undefined || requested.length === 0)
    return REGION_CODES.filter((code) => canReadRegion(user, code));
  const unknown = requested.filter((code) => !isRegionCode(code));
  if (unknown.length > 0)
    throw new Problem('invalid-request', `Unknown region code ${unknown.map((c) => `"${c}"`).join(', ')}.`, [
      { question: 'region', message: 'must be region codes such as KZ-10 (the 20 ISO 3166-2:KZ codes)' },
    ]);
  const outside = requested.filter((code) => !canReadRegion(user, code));
  if (outside.length > 0)
    throw new Problem(
      'forbidden',
      `Your account may not read region ${outside.join(', ')}; it may read ${user.regions?.join(', ') ?? 'all regions'}.`,
    );
  return [...new Set(requested)];
}

/**
 * Who sees exact counts, the one rule every aggregate (summary, crosstab, coverage, briefing counts, live screen,
 * text counts) follows: a reader who may download the single responses of every region the numbers are drawn from
 * (an admin; an analyst, for the regions on their account) gets exact counts, as the CSV would give them anyway.
 * Everyone else (authors, or anyone reading beyond the regions they may download) gets counts perturbed by the
 * cell key method (exports/aggregates/disclosure.ts).
 */
export function seesExactCounts(user: SessionUser, regions: readonly string[]): boolean {
  if (user.role === 'admin') return true;
  if (user.role !== 'analyst') return false;
  return regions.every((region) => canReadRegion(user, region));
}

export function canExportPersonalData(user: SessionUser): boolean {
  return user.role === 'admin';
}

export function canManageUsers(user: SessionUser): boolean {
  return user.role === 'admin';
}
