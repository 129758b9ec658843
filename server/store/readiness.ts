// What GET /readyz asks of the store: can the database take a committed write, and are all migrations applied?
import type { Db } from './db';
import type { StoreReadiness } from './interface/readiness-store';
import { migrationNames } from './migrate';

export function createReadinessProbe(db: Db, migrationsDir?: string) {
  const expected = migrationNames(migrationsDir);
  return {
    /** One small committed write (an fsync with synchronous=FULL) and a look at schema_migrations. */
    probeReadiness(now: string): StoreReadiness {
      let writeError: unknown = null;
      let applied = new Set<string>();
      try {
        // Prepared per call: a closed or broken connection must surface here as an error, not at start-up.
        db.prepare(
          `INSERT INTO readiness_probes (id, probed_at) VALUES (1, @now)
           ON CONFLICT (id) DO UPDATE SET probed_at = excluded.probed_at`,
        ).run({ now });
      } catch (error) {
        writeError = error;
      }
      try {
        const rows = db.prepare('SELECT name FROM schema_migrations').pluck().all() as string[];
        applied = new Set(rows);
      } catch (error) {
        writeError ??= error;
      }
      return { writeError, missingMigrations: expected.filter((name) => !applied.has(name)) };
    },
  };
}
