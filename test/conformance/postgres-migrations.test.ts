// PostgreSQL only: its own numbered migrations, recorded with their sha256; an applied migration that no longer
// matches its record stops the store from opening, and two stores opening at once migrate once.
import { afterEach, describe, expect, it } from 'vitest';
import { openPostgresStore } from '../../server/store-pg';
import { migrationNames } from '../../server/store-pg/migrate';
import { freshSchema, type TestSchema } from '../support/postgres';

let schema: TestSchema | undefined;
afterEach(() => schema?.drop());

describe('PostgreSQL migrations', () => {
  it('apply once when two stores open at the same moment, each recorded with its sha256', async () => {
    schema = await freshSchema();
    const [a, b] = await Promise.all([openPostgresStore(schema.url), openPostgresStore(schema.url)]);
    const { rows } = await a.pool.query<{ name: string; sha256: string }>(
      'SELECT name, sha256 FROM schema_migrations ORDER BY name',
    );
    expect(rows.map((r) => r.name)).toEqual(migrationNames());
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.sha256))).toBe(true);
    await Promise.all([a.close(), b.close()]);
  });

  it('refuse to open a database whose applied migration differs from the file', async () => {
    schema = await freshSchema();
    const store = await openPostgresStore(schema.url);
    await store.pool.query(`UPDATE schema_migrations SET sha256 = repeat('0', 64) WHERE name = $1`, [
      migrationNames()[0],
    ]);
    await store.close();
    await expect(openPostgresStore(schema.url)).rejects.toThrow(
      `PostgreSQL migration ${migrationNames()[0]} changed after it was applied; add a new one instead`,
    );
  });
});
