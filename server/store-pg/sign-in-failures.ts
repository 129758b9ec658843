// The login throttle's failure counts on PostgreSQL (server/store/interface/sign-in-store.ts), shared by every app
// server. Each key is counted by one upsert, which holds the key's row lock until COMMIT: two servers counting the
// same email take turns, and the second sees the first's count. Keys are always counted in the caller's order
// (email, then address), so two attempts cannot wait on each other in a cycle.
import type { SignInKey, SignInLocked } from '../store/interface/sign-in-store';
import { inTransaction, type Pool } from './pool';

/** Thrown inside the transaction so that it rolls back the counts of the other keys. */
class Locked extends Error {
  constructor(readonly lock: SignInLocked) {
    super('locked');
  }
}

export function createPgSignInFailures(pool: Pool) {
  return {
    async countSignInFailure(
      keys: readonly SignInKey[],
      now: number,
      windowMs: number,
    ): Promise<SignInLocked | undefined> {
      // Windows that ran out go first, outside the transaction, skipping rows another attempt holds: deleting them
      // inside would wait on other servers' row locks while holding ours.
      await pool.query(
        `DELETE FROM sign_in_failures WHERE key IN (
           SELECT key FROM sign_in_failures WHERE window_start <= $1 LIMIT 1000 FOR UPDATE SKIP LOCKED)`,
        [now - windowMs],
      );
      try {
        await inTransaction(pool, async (client) => {
          for (const { key, limit } of keys) {
            const { rows } = await client.query<{ window_start: number; failures: number }>(
              `INSERT INTO sign_in_failures (key, window_start, failures) VALUES ($1, $2, 1)
               ON CONFLICT (key) DO UPDATE SET
                 failures = CASE WHEN $2 - sign_in_failures.window_start >= $3 THEN 1
                   ELSE sign_in_failures.failures + 1 END,
                 window_start = CASE WHEN $2 - sign_in_failures.window_start >= $3 THEN $2
                   ELSE sign_in_failures.window_start END
               RETURNING window_start, failures`,
              [key, now, windowMs],
            );
            const row = rows[0]!;
            if (row.failures > limit) throw new Locked({ key, windowStart: row.window_start });
          }
        });
        return undefined;
      } catch (error) {
        if (error instanceof Locked) return error.lock;
        throw error;
      }
    },
    async forgiveSignIn(cleared: string, takenBack: string): Promise<void> {
      await pool.query(
        `WITH cleared AS (DELETE FROM sign_in_failures WHERE key = $1)
         UPDATE sign_in_failures SET failures = greatest(0, failures - 1) WHERE key = $2`,
        [cleared, takenBack],
      );
    },
  };
}
