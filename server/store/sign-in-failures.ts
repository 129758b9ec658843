// The login throttle's failure counts on SQLite (interface/sign-in-store.ts). Each call is one transaction on the
// one write connection, so the check and the count cannot be split by another request.
import type { Db } from './db';
import type { SignInKey, SignInLocked } from './interface/sign-in-store';

export function createSignInFailures(db: Db) {
  // One statement counts and reports: a window that has run out starts again at `now` with this failure.
  const count = db.prepare<
    { key: string; now: number; windowMs: number },
    { window_start: number; failures: number }
  >(
    `INSERT INTO sign_in_failures (key, window_start, failures) VALUES (@key, @now, 1)
     ON CONFLICT (key) DO UPDATE SET
       failures = CASE WHEN @now - window_start >= @windowMs THEN 1 ELSE failures + 1 END,
       window_start = CASE WHEN @now - window_start >= @windowMs THEN @now ELSE window_start END
     RETURNING window_start, failures`,
  );
  // Windows that ran out are of no use: without this, a flood of made-up emails would only grow the table.
  const purge = db.prepare('DELETE FROM sign_in_failures WHERE window_start <= @cutoff');
  const clear = db.prepare('DELETE FROM sign_in_failures WHERE key = ?');
  const takeBack = db.prepare('UPDATE sign_in_failures SET failures = max(0, failures - 1) WHERE key = ?');

  /** Thrown inside the transaction so that better-sqlite3 rolls the counts of the other keys back. */
  class Locked extends Error {
    constructor(readonly lock: SignInLocked) {
      super('locked');
    }
  }
  const countAll = db.transaction((keys: readonly SignInKey[], now: number, windowMs: number) => {
    purge.run({ cutoff: now - windowMs });
    for (const { key, limit } of keys) {
      const row = count.get({ key, now, windowMs })!;
      if (row.failures > limit) throw new Locked({ key, windowStart: row.window_start });
    }
  });

  return {
    countSignInFailure(keys: readonly SignInKey[], now: number, windowMs: number): SignInLocked | undefined {
      try {
        countAll(keys, now, windowMs);
        return undefined;
      } catch (error) {
        if (error instanceof Locked) return error.lock;
        throw error;
      }
    },
    forgiveSignIn: db.transaction((cleared: string, takenBack: string) => {
      clear.run(cleared);
      takeBack.run(takenBack);
    }),
  };
}
