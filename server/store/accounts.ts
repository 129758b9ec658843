// Workspace users and their sessions. The store keeps hashes only: password hashes made by the HTTP layer and
// sha256 digests of session tokens; it never sees a password or a raw token.
import type { Db } from './db';

/** The one list of roles: the users table's CHECK, the API's contract and the session all take it from here. */
export const ROLES = ['admin', 'analyst', 'author'] as const;
export type Role = (typeof ROLES)[number];

export interface User {
  id: number;
  email: string;
  role: Role;
  /** Region codes the user may read; null means all 20. */
  regions: string[] | null;
  createdAt: string;
  disabledAt: string | null;
  /** The last successful sign-in; null when the user never signed in. */
  lastSignInAt: string | null;
  /** The password was set by an admin (a one-time password): the user must choose their own before anything else. */
  mustChangePassword: boolean;
}

export interface NewUser {
  email: string;
  role: Role;
  regions: readonly string[] | null;
  passwordHash: string;
  createdAt: string;
  /** True for a one-time password made by an admin; false (the default) for one its user chose (the CLI). */
  mustChangePassword?: boolean;
}

/** Only the fields given change; `regions: null` widens to all regions, `disabled` sets or clears disabled_at. */
export interface UserChanges {
  role?: Role;
  regions?: readonly string[] | null;
  passwordHash?: string;
  /** With passwordHash: true for a one-time password an admin set, false (the default) for one the user chose. */
  mustChangePassword?: boolean;
  disabled?: boolean;
}

export type UpdateUserOutcome =
  | { status: 'updated'; user: User }
  | { status: 'not-found' }
  /** The change would leave no enabled admin, so nobody could manage users any more; nothing was changed. */
  | { status: 'last-admin' };

export interface NewSession {
  /** sha256 (hex) of the cookie's token. */
  id: string;
  userId: number;
  createdAt: string;
  expiresAt: string;
}

/** A session that is neither revoked nor of a disabled user; expiry is for the caller to judge with its clock. */
export interface ActiveSession {
  id: string;
  user: User;
  createdAt: string;
  expiresAt: string;
  lastSeenAt: string;
}

interface UserRow {
  id: number;
  email: string;
  role: Role;
  regions: string | null;
  password_hash: string;
  created_at: string;
  disabled_at: string | null;
  last_sign_in_at: string | null;
  must_change_password: 0 | 1;
}

function toUser(row: UserRow): User {
  return {
    id: row.id,
    email: row.email,
    role: row.role,
    regions: row.regions === null ? null : (JSON.parse(row.regions) as string[]),
    createdAt: row.created_at,
    disabledAt: row.disabled_at,
    lastSignInAt: row.last_sign_in_at,
    mustChangePassword: row.must_change_password === 1,
  };
}

const regionsJson = (regions: readonly string[] | null): string | null =>
  regions === null ? null : JSON.stringify(regions);

class LastAdminError extends Error {}

export function createAccountStore(db: Db) {
  const countAll = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM users');
  const countAdmins = db.prepare<[], { n: number }>(
    "SELECT count(*) AS n FROM users WHERE role = 'admin' AND disabled_at IS NULL",
  );
  const insertUser = db.prepare<Record<string, unknown>, UserRow>(`INSERT INTO users
    (email, role, regions, password_hash, created_at, must_change_password)
    VALUES (@email, @role, @regions, @passwordHash, @createdAt, @mustChangePassword)
    ON CONFLICT (email) DO NOTHING RETURNING *`);
  const selectById = db.prepare<[number], UserRow>('SELECT * FROM users WHERE id = ?');
  const selectByEmail = db.prepare<[string], UserRow>('SELECT * FROM users WHERE email = ?');
  const selectAll = db.prepare<[], UserRow>('SELECT * FROM users ORDER BY email');
  const updateRole = db.prepare('UPDATE users SET role = ? WHERE id = ?');
  const updateRegions = db.prepare('UPDATE users SET regions = ? WHERE id = ?');
  const updatePassword = db.prepare('UPDATE users SET password_hash = ? WHERE id = ?');
  const updateNewPassword = db.prepare(
    'UPDATE users SET password_hash = ?, must_change_password = ? WHERE id = ?',
  );
  const updateSignedIn = db.prepare('UPDATE users SET last_sign_in_at = ? WHERE id = ?');
  const updateDisabled = db.prepare('UPDATE users SET disabled_at = ? WHERE id = ?');

  const insertSession = db.prepare(`INSERT INTO sessions (id, user_id, created_at, expires_at, last_seen_at)
    VALUES (@id, @userId, @createdAt, @expiresAt, @createdAt)`);
  type SessionRow = UserRow & {
    session_id: string;
    session_created_at: string;
    expires_at: string;
    last_seen_at: string;
  };
  const selectSession = db.prepare<[string], SessionRow>(
    `SELECT u.*, s.id AS session_id, s.created_at AS session_created_at, s.expires_at, s.last_seen_at
     FROM sessions s JOIN users u ON u.id = s.user_id
     WHERE s.id = ? AND s.revoked_at IS NULL AND u.disabled_at IS NULL`,
  );
  const touch = db.prepare('UPDATE sessions SET last_seen_at = ? WHERE id = ? AND revoked_at IS NULL');
  const revokeOne = db.prepare('UPDATE sessions SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL');
  const revokeAllOfUser = db.prepare(
    'UPDATE sessions SET revoked_at = @now WHERE user_id = @userId AND revoked_at IS NULL AND id IS NOT @except',
  );
  const deleteEnded = db.prepare('DELETE FROM sessions WHERE expires_at < ?');

  const update = db.transaction(
    (id: number, changes: UserChanges, now: string, keepSession: string | null): User => {
      const before = selectById.get(id);
      if (!before) throw new RangeError('no such user');
      if (changes.role !== undefined) updateRole.run(changes.role, id);
      if (changes.regions !== undefined) updateRegions.run(regionsJson(changes.regions), id);
      if (changes.passwordHash !== undefined)
        updateNewPassword.run(changes.passwordHash, changes.mustChangePassword ? 1 : 0, id);
      if (changes.disabled !== undefined)
        updateDisabled.run(changes.disabled ? (before.disabled_at ?? now) : null, id);
      const wasActiveAdmin = before.role === 'admin' && before.disabled_at === null;
      if (wasActiveAdmin && countAdmins.get()!.n === 0) throw new LastAdminError();
      // A new password or a disabled account ends every session, except (for a new password) the one making the change.
      if (changes.disabled === true) revokeAllOfUser.run({ now, userId: id, except: null });
      else if (changes.passwordHash !== undefined)
        revokeAllOfUser.run({ now, userId: id, except: keepSession });
      return toUser(selectById.get(id)!);
    },
  );

  return {
    countUsers(): number {
      return countAll.get()!.n;
    },
    /** Returns undefined when the email is taken (emails compare case-insensitively). */
    addUser(user: NewUser): User | undefined {
      const row = insertUser.get({
        ...user,
        regions: regionsJson(user.regions),
        mustChangePassword: user.mustChangePassword ? 1 : 0,
      });
      return row && toUser(row);
    },
    getUser(id: number): User | undefined {
      const row = selectById.get(id);
      return row && toUser(row);
    },
    /** The user and their password hash, for sign-in; disabled users are returned too, for the caller to refuse. */
    getUserCredentials(email: string): { user: User; passwordHash: string } | undefined {
      const row = selectByEmail.get(email);
      return row && { user: toUser(row), passwordHash: row.password_hash };
    },
    listUsers(): User[] {
      return selectAll.all().map(toUser);
    },
    /** All changes in one transaction; `keepSession` survives a password change (the admin changing their own). */
    updateUser(
      id: number,
      changes: UserChanges,
      now: string,
      keepSession: string | null = null,
    ): UpdateUserOutcome {
      try {
        return { status: 'updated', user: update(id, changes, now, keepSession) };
      } catch (error) {
        if (error instanceof RangeError) return { status: 'not-found' };
        if (error instanceof LastAdminError) return { status: 'last-admin' };
        throw error;
      }
    },

    /** The same password under new scrypt parameters: unlike a new password, it ends no session. */
    rehashPassword(id: number, passwordHash: string): void {
      updatePassword.run(passwordHash, id);
    },

    recordSignIn(id: number, now: string): void {
      updateSignedIn.run(now, id);
    },

    /** Also forgets sessions whose absolute end has passed, so the table holds only live and recent ones. */
    addSession(session: NewSession): void {
      deleteEnded.run(session.createdAt);
      insertSession.run(session);
    },
    getActiveSession(id: string): ActiveSession | undefined {
      const row = selectSession.get(id);
      if (!row) return undefined;
      return {
        id: row.session_id,
        user: toUser(row),
        createdAt: row.session_created_at,
        expiresAt: row.expires_at,
        lastSeenAt: row.last_seen_at,
      };
    },
    touchSession(id: string, now: string): void {
      touch.run(now, id);
    },
    revokeSession(id: string, now: string): void {
      revokeOne.run(now, id);
    },
  };
}
