// The workspace's requests: the session (sign in, who is signed in, sign out), signed-in JSON reads, and the
// fetch options every request shares so that the server's CSRF check sees this site's own Origin.
import type { SessionBody } from '../../server/http/contract/accounts';
import { HttpError, readProblem, type Problem } from './api';

export type Session = SessionBody;
export type Role = Session['role'];
export { HttpError, type Problem };

/**
 * The server sends `Referrer-Policy: no-referrer`, under which the Fetch standard makes a POST or DELETE carry
 * `Origin: null` (Chromium sends the real origin to its own site anyway), and the CSRF check refuses `null`. A
 * request-level `same-origin` policy asks every browser for the real Origin on our own requests; nothing else changes.
 */
export const SAME_ORIGIN = {
  credentials: 'same-origin',
  referrerPolicy: 'same-origin',
} as const satisfies RequestInit;

/** GET a JSON body as the signed-in user; a non-2xx reply throws HttpError (401: the session ended). */
export async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  const res = await fetch(path, {
    ...SAME_ORIGIN,
    headers: { accept: 'application/json' },
    signal: signal ?? null,
  });
  if (!res.ok) throw new HttpError(res.status, await readProblem(res));
  return (await res.json()) as T;
}

/** Who is signed in, or null when nobody is (401). Other failures throw, so the page can offer a retry. */
export async function getSession(): Promise<Session | null> {
  try {
    return await getJson<Session>('/api/session');
  } catch (error) {
    if (error instanceof HttpError && error.status === 401) return null;
    throw error;
  }
}

export type SignInResult =
  | { ok: true }
  /** retryAfter: seconds from the Retry-After header of a 429, when given. */
  | { ok: false; status: number; problem: Problem | null; retryAfter: number | null };

export async function signIn(email: string, password: string): Promise<SignInResult> {
  const res = await fetch('/api/session', {
    ...SAME_ORIGIN,
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (res.ok) return { ok: true };
  const seconds = Number(res.headers.get('retry-after'));
  return {
    ok: false,
    status: res.status,
    problem: await readProblem(res),
    retryAfter: Number.isFinite(seconds) && seconds > 0 ? seconds : null,
  };
}

/** Ends the session on the server; the cookie is cleared even when the session had already ended. */
export async function signOut(): Promise<void> {
  const res = await fetch('/api/session', { ...SAME_ORIGIN, method: 'DELETE' });
  if (!res.ok && res.status !== 401) throw new HttpError(res.status, await readProblem(res));
}

/** True for a reply that means "sign in again": the session expired or was revoked while the page was open. */
export function isSignedOut(error: unknown): boolean {
  return error instanceof HttpError && error.status === 401;
}
