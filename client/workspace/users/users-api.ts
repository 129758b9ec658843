// The Users section's requests: GET/POST /api/users and PATCH /api/users/:id, as the signed-in admin.
import type { UserBody, UserWithPasswordBody } from '../../../server/http/contract/accounts';
import { readProblem } from '../../lib/api';
import { getJson, HttpError, SAME_ORIGIN, type Role } from '../../lib/workspace-api';

export type { UserBody, UserWithPasswordBody };

export const listUsers = () => getJson<UserBody[]>('/api/users');

async function send(method: string, path: string, body: unknown): Promise<UserWithPasswordBody> {
  const res = await fetch(path, {
    ...SAME_ORIGIN,
    method,
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new HttpError(res.status, await readProblem(res));
  return (await res.json()) as UserWithPasswordBody;
}

/** No password: the server makes a one-time one and returns it, this once. */
export const addUser = (user: { email: string; role: Role; regions: string[] | null }) =>
  send('POST', '/api/users', user);

export interface UserChange {
  role?: Role;
  regions?: string[] | null;
  disabled?: boolean;
  resetPassword?: true;
}

export const changeUser = (id: number, change: UserChange) => send('PATCH', `/api/users/${id}`, change);
