// Applies the numbered .sql migrations in order, each in its own transaction, recording name and sha256.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from './db';

const MIGRATIONS_DIR = join(import.meta.dirname, 'migrations');

export interface AppliedMigration {
  name: string;
  sha256: string;
}

/** The migration files in the order they apply (also what GET /readyz expects the database to have recorded). */
export function migrationNames(dir = MIGRATIONS_DIR): string[] {
  return readdirSync(dir)
    .filter((f) => /^\d{4}-[a-z0-9-]+\.sql$/.test(f))
    .sort();
}

export function migrate(db: Db, dir = MIGRATIONS_DIR): AppliedMigration[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    name TEXT PRIMARY KEY, sha256 TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT`);
  const recorded = new Map(
    (db.prepare('SELECT name, sha256 FROM schema_migrations').all() as AppliedMigration[]).map((m) => [
      m.name,
      m.sha256,
    ]),
  );
  const files = migrationNames(dir);
  const applied: AppliedMigration[] = [];
  const record = db.prepare('INSERT INTO schema_migrations (name, sha256, applied_at) VALUES (?, ?, ?)');
  for (const name of files) {
    const sql = readFileSync(join(dir, name), 'utf8');
    const sha256 = createHash('sha256').update(sql).digest('hex');
    const known = recorded.get(name);
    if (known !== undefined) {
      // An applied migration is history: editing it would leave old and new databases different.
      if (known !== sha256)
        throw new Error(`migration ${name} changed after it was applied; add a new one instead`);
      continue;
    }
    db.transaction(() => {
      db.exec(sql);
      record.run(name, sha256, new Date().toISOString());
    })();
    applied.push({ name, sha256 });
  }
  return applied;
}
