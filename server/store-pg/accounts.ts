// Workspace users and sessions on PostgreSQL, shared by every app server: a session made on one server is valid on
// all, and a disabled user's sessions stop everywhere at once. Hashes only, as in server/store/accounts.ts.
import type {
  ActiveSession,
  NewSession,
  NewUser,
  Role,
  UpdateUserOutcome,
  User,
  UserChanges,
} from '../store/accounts';
import { inTransaction, type Pool } from './pool';

interface UserRow {
  id: number;
  email: string;
  role: Role;
  regions: string | null;
  password_hash: string;
  created_at: string;
  disabled_at: string | null;
  last_sign_in_at: string | null;
  must_change_password: boolean;
}

const toUser = (row: UserRow): User => ({
  id: row.id,
  email: row.email,
  role: row.role,
  regions: row.regions === null ? null : (JSON.parse(row.regions) as string[]),
  createdAt: row.created_at,
  disabledAt: row.disabled_at,
  lastSignInAt: row.last_sign_in_at,
  mustChangePassword: row.must_change_password,
});

const regionsJson = (regions: readonly string[] | null): string | null =>
  regions === null ? null : JSON.stringify(regions);

class LastAdminError extends Error {}
class NoSuchUserError extends Error {}

export function createPgAccounts(pool: Pool) {
  const one = async <T extends object>(sql: string, params: unknown[]): Promise<T | undefined> =>
    (await pool.query<T>(sql, params)).rows[0];

  return {
    async countUsers(): Promise<number> {
      return (await one<{ n: number }>('SELECT count(*) AS n FROM users', []))!.n;
    },
    async addUser(user: NewUser): Promise<User | undefined> {
      const row = await one<UserRow>(
        `INSERT INTO users (email, role, regions, password_hash, created_at, must_change_password)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING RETURNING *`,
        [
          user.email,
          user.role,
          regionsJson(user.regions),
          user.passwordHash,
          user.createdAt,
          user.mustChangePassword === true,
        ],
      );
      return row && toUser(row);
    },
    async getUser(id: number): Promise<User | undefined> {
      const row = await one<UserRow>('SELECT * FROM users WHERE id = $1', [id]);
      return row && toUser(row);
    },
    async getUserCredentials(email: string): Promise<{ user: User; passwordHash: string } | undefined> {
      const row = await one<UserRow>('SELECT * FROM users WHERE lower(email) = lower($1)', [email]);
      return row && { user: toUser(row), passwordHash: row.password_hash };
    },
    async listUsers(): Promise<User[]> {
      return (await pool.query<UserRow>('SELECT * FROM users ORDER BY email')).rows.map(toUser);
    },
    /** All changes in one transaction; the last enabled admin is kept (the row lock serialises two admins' edits). */
    async updateUser(
      id: number,
      changes: UserChanges,
      now: string,
      keepSession: string | null = null,
    ): Promise<UpdateUserOutcome> {
      try {
        const user = await inTransaction(pool, async (client) => {
          // Every admin row locked: two servers demoting the last two admins at once cannot both succeed.
          await client.query("SELECT id FROM users WHERE role = 'admin' ORDER BY id FOR UPDATE");
          const before = (await client.query<UserRow>('SELECT * FROM users WHERE id = $1 FOR UPDATE', [id]))
            .rows[0];
          if (!before) throw new NoSuchUserError();
          if (changes.role !== undefined)
            await client.query('UPDATE users SET role = $1 WHERE id = $2', [changes.role, id]);
          if (changes.regions !== undefined)
            await client.query('UPDATE users SET regions = $1 WHERE id = $2', [
              regionsJson(changes.regions),
              id,
            ]);
          if (changes.passwordHash !== undefined)
            await client.query(
              'UPDATE users SET password_hash = $1, must_change_password = $2 WHERE id = $3',
              [changes.passwordHash, changes.mustChangePassword === true, id],
            );
          if (changes.disabled !== undefined)
            await client.query('UPDATE users SET disabled_at = $1 WHERE id = $2', [
              changes.disabled ? (before.disabled_at ?? now) : null,
              id,
            ]);
          if (before.role === 'admin' && before.disabled_at === null) {
            const { rows } = await client.query<{ n: number }>(
              "SELECT count(*) AS n FROM users WHERE role = 'admin' AND disabled_at IS NULL",
            );
            if (rows[0]!.n === 0) throw new LastAdminError();
          }
          if (changes.disabled === true)
            await client.query(
              'UPDATE sessions SET revoked_at = $1 WHERE user_id = $2 AND revoked_at IS NULL',
              [now, id],
            );
          else if (changes.passwordHash !== undefined)
            await client.query(
              `UPDATE sessions SET revoked_at = $1
               WHERE user_id = $2 AND revoked_at IS NULL AND id IS DISTINCT FROM $3`,
              [now, id, keepSession],
            );
          return toUser((await client.query<UserRow>('SELECT * FROM users WHERE id = $1', [id])).rows[0]!);
        });
        return { status: 'updated', user };
      } catch (error) {
        if (error instanceof NoSuchUserError) return { status: 'not-found' };
        if (error instanceof LastAdminError) return { status: 'last-admin' };
        throw error;
      }
    },
    async rehashPassword(id: number, passwordHash: string): Promise<void> {
      await pool.query('UPDATE users SET password_hash = $1 WHERE id = $2', [passwordHash, id]);
    },
    async recordSignIn(id: number, now: string): Promise<void> {
      await pool.query('UPDATE users SET last_sign_in_at = $1 WHERE id = $2', [now, id]);
    },
    /** Also forgets sessions whose absolute end has passed. */
    async addSession(session: NewSession): Promise<void> {
      await inTransaction(pool, async (client) => {
        await client.query('DELETE FROM sessions WHERE expires_at < $1', [session.createdAt]);
        await client.query(
          `INSERT INTO sessions (id, user_id, created_at, expires_at, last_seen_at) VALUES ($1, $2, $3, $4, $3)`,
          [session.id, session.userId, session.createdAt, session.expiresAt],
        );
      });
    },
    async getActiveSession(id: string): Promise<ActiveSession | undefined> {
      const row = await one<
        UserRow & { session_id: string; session_created_at: string; expires_at: string; last_seen_at: string }
      >(
        `SELECT u.*, s.id AS session_id, s.created_at AS session_created_at, s.expires_at, s.last_seen_at
         FROM sessions s JOIN users u ON u.id = s.user_id
         WHERE s.id = $1 AND s.revoked_at IS NULL AND u.disabled_at IS NULL`,
        [id],
      );
      if (!row) return undefined;
      return {
        id: row.session_id,
        user: toUser(row),
        createdAt: row.session_created_at,
        expiresAt: row.expires_at,
        lastSeenAt: row.last_seen_at,
      };
    },
    async touchSession(id: string, now: string): Promise<void> {
      await pool.query('UPDATE sessions SET last_seen_at = $1 WHERE id = $2 AND revoked_at IS NULL', [
        now,
        id,
      ]);
    },
    async revokeSession(id: string, now: string): Promise<void> {
      await pool.query('UPDATE sessions SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL', [now, id]);
    },
  };
}
