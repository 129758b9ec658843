// PostgreSQL's numbered migrations (server/store-pg/migrations/), applied in name order, each in its own transaction
// and recorded with its sha256, as SQLite's are. Several app servers may start at once: an advisory lock lets one
// migrate while the others wait, then find everything applied.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Pool } from './pool';

const MIGRATIONS_DIR = join(import.meta.dirname, 'migrations');
/** pg_advisory_lock's key for migrating this schema. */
const MIGRATION_LOCK = "hashtext(current_schema() || ':migrations')";

export interface AppliedMigration {
  name: string;
  sha256: string;
}

export function migrationNames(dir = MIGRATIONS_DIR): string[] {
  return readdirSync(dir)
    .filter((f) => /^\d{4}-[a-z0-9-]+\.sql$/.test(f))
    .sort();
}

export async function migrate(pool: Pool, dir = MIGRATIONS_DIR): Promise<AppliedMigration[]> {
  const client = await pool.connect();
  try {
    await client.query(`SELECT pg_advisory_lock(${MIGRATION_LOCK})`);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      name text PRIMARY KEY, sha256 text NOT NULL, applied_at text NOT NULL)`);
    const { rows } = await client.query<AppliedMigration>('SELECT name, sha256 FROM schema_migrations');
    const recorded = new Map(rows.map((m) => [m.name, m.sha256]));
    const applied: AppliedMigration[] = [];
    for (const name of migrationNames(dir)) {
      const sql = readFileSync(join(dir, name), 'utf8');
      const sha256 = createHash('sha256').update(sql).digest('hex');
      const known = recorded.get(name);
      if (known !== undefined) {
        // An applied migration is history: editing it would leave old and new databases different.
        if (known !== sha256)
          throw new Error(`PostgreSQL migration ${name} changed after it was applied; add a new one instead`);
        continue;
      }
      try {
        await client.query('BEGIN');
        await client.query(sql);
        await client.query('INSERT INTO schema_migrations (name, sha256, applied_at) VALUES ($1, $2, $3)', [
          name,
          sha256,
          new Date().toISOString(),
        ]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      }
      applied.push({ name, sha256 });
    }
    return applied;
  } finally {
    await client.query(`SELECT pg_advisory_unlock(${MIGRATION_LOCK})`).catch(() => {});
    client.release();
  }
}
