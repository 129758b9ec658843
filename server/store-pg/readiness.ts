// GET /readyz on PostgreSQL: one committed write (the primary takes writes: not a read-only replica, not a full
// disk) and the migrations the database lacks.
import type { StoreReadiness } from '../store';
import { migrationNames } from './migrate';
import type { Pool } from './pool';

export function createPgReadiness(pool: Pool) {
  const expected = migrationNames();
  return {
    async probeReadiness(now: string): Promise<StoreReadiness> {
      let writeError: unknown = null;
      let applied = new Set<string>();
      try {
        await pool.query(
          `INSERT INTO readiness_probes (id, probed_at) VALUES (1, $1)
           ON CONFLICT (id) DO UPDATE SET probed_at = EXCLUDED.probed_at`,
          [now],
        );
      } catch (error) {
        writeError = error;
      }
      try {
        const { rows } = await pool.query<{ name: string }>('SELECT name FROM schema_migrations');
        applied = new Set(rows.map((r) => r.name));
      } catch (error) {
        writeError ??= error;
      }
      return { writeError, missingMigrations: expected.filter((name) => !applied.has(name)) };
    },
  };
}
