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

async function fetchJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  const res = await fetch(path, {
    ...SAME_ORIGIN,
    headers: { accept: 'application/json' },
    signal: signal ?? null,
  });
  if (!res.ok) throw new HttpError(res.status, await readProblem(res));
  return (await res.json()) as T;
}

/**
 * Answers asked for at page open (main.tsx, before React renders), each handed to the first getJson of its path.
 * Only while fresh: a page that first needs it later (after signing in, say) asks again.
 */
const early = new Map<string, { at: number; answer: Promise<unknown> }>();
const EARLY_FOR_MS = 10_000;

/** Starts a GET now that a component will make soon; its answer (or failure) is also returned. */
export function askEarly<T>(path: string): Promise<T> {
  const answer = fetchJson<T>(path);
  // Whoever takes it handles a failure; until then it must not count as unhandled.
  answer.catch(() => undefined);
  early.set(path, { at: performance.now(), answer });
  return answer;
}

/** The early answer for `path` if one is fresh; a failed one (asked before signing in) is asked for again. */
function takeEarly<T>(path: string, signal?: AbortSignal): Promise<T> | null {
  const asked = early.get(path);
  early.delete(path);
  if (!asked || performance.now() - asked.at > EARLY_FOR_MS) return null;
  const answer = (asked.answer as Promise<T>).catch(() => fetchJson<T>(path, signal));
  if (!signal) return answer;
  // The early request cannot be aborted, but its reader can stop waiting, as it would for its own request.
  return new Promise<T>((resolve, reject) => {
    const stop = () => reject(signal.reason);
    if (signal.aborted) return stop();
    signal.addEventListener('abort', stop, { once: true });
    answer.then(resolve, reject).finally(() => signal.removeEventListener('abort', stop));
  });
}

/** GET a JSON body as the signed-in user; a non-2xx reply throws HttpError (401: the session ended). */
export function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  return takeEarly<T>(path, signal) ?? fetchJson<T>(path, signal);
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
