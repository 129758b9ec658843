// The PostgreSQL the tests use: TEST_DATABASE_URL, else the throw-away database that scripts/ensure-postgres.mjs
// made and wrote to .test-database-url (npm test runs it first). Each test file works in a schema of its own, made
// here and dropped after, so test files (and several worktrees) can share one database at once. No PostgreSQL is a
// failure that says how to get one, never a skip.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import pg from 'pg';

const URL_FILE = resolve(import.meta.dirname, '../../.test-database-url');

export function testDatabaseUrl(): string {
  const fromEnv = process.env.TEST_DATABASE_URL;
  if (fromEnv) return fromEnv;
  if (existsSync(URL_FILE)) return readFileSync(URL_FILE, 'utf8').trim();
  throw new Error(
    'These tests need PostgreSQL: run `node scripts/ensure-postgres.mjs` (as root it installs and starts one and ' +
      'makes a throw-away database), or set TEST_DATABASE_URL=postgres://user:password@host:5432/database',
  );
}

/** `url` with every connection's search_path set to `schema`. */
export function withSchema(url: string, schema: string): string {
  const u = new URL(url);
  u.searchParams.set('options', `-c search_path=${schema}`);
  return u.toString();
}

export interface TestSchema {
  /** The database URL whose connections work in the new schema. */
  url: string;
  schema: string;
  /** Drops the schema and everything in it. */
  drop(): Promise<void>;
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `PostgreSQL at ${url.replace(/:[^:@/]*@/, ':…@')} cannot be reached (${(error as Error).message}): ` +
        'run `node scripts/ensure-postgres.mjs`, or set TEST_DATABASE_URL',
      { cause: error },
    );
  }
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A new empty schema in the test database. */
export async function freshSchema(): Promise<TestSchema> {
  const base = testDatabaseUrl();
  const schema = `t_${randomBytes(6).toString('hex')}`;
  await withClient(base, (c) => c.query(`CREATE SCHEMA ${schema}`));
  return {
    url: withSchema(base, schema),
    schema,
    drop: () => withClient(base, (c) => c.query(`DROP SCHEMA ${schema} CASCADE`)).then(() => {}),
  };
}
