// Accounts for tests: make a user through the store, sign in through the API, and send signed-in requests
// the way the workspace does (session cookie plus a same-origin Origin header, which the CSRF check requires).
import { hashPassword } from '../../server/domain/passwords';
import type { Role, Store, User } from '../../server/store';

export interface TestAccount {
  email: string;
  role: Role;
  /** Omitted or null: all regions. */
  regions?: string[] | null;
  password: string;
}

// scrypt costs ~0.2 s per hash by design; tests mostly share a few passwords, so each is hashed once per file.
const hashes = new Map<string, Promise<string>>();

export async function createUser(store: Store, account: TestAccount): Promise<User> {
  let hash = hashes.get(account.password);
  if (!hash) hashes.set(account.password, (hash = hashPassword(account.password)));
  const user = await store.addUser({
    email: account.email.toLowerCase(),
    role: account.role,
    regions: account.regions ?? null,
    passwordHash: await hash,
    createdAt: new Date().toISOString(),
  });
  if (!user) throw new Error(`createUser: ${account.email} already exists`);
  return user;
}

/** Signs in and returns the Cookie header value to send (`saualnama_session=…`); throws unless the answer is 204. */
export async function signIn(url: string, email: string, password: string): Promise<string> {
  const res = await fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: new URL(url).origin },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 204)
    throw new Error(`signIn ${email}: expected 204, got ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('saualnama_session='));
  if (!cookie) throw new Error(`signIn ${email}: no saualnama_session cookie in the reply`);
  return cookie.split(';')[0]!;
}

/** fetch(url + path) as the signed-in user: sends the cookie and this server's own Origin. */
export function fetchAs(
  url: string,
  cookie: string,
  path: string,
  init: RequestInit = {},
): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set('cookie', cookie);
  if (!headers.has('origin')) headers.set('origin', new URL(url).origin);
  return fetch(`${url}${path}`, { ...init, headers });
}

/** A JSON body sent as the signed-in user (`POST`, `PATCH`…). */
export function sendJson(
  url: string,
  cookie: string,
  method: string,
  path: string,
  body: unknown,
): Promise<Response> {
  return fetchAs(url, cookie, path, {
    method,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}
