// Which database stands behind a test's data folder. On SQLite (the default) it is the file in the folder; with
// SAUALNAMA_TEST_ENGINE=postgres (vitest.integration-pg.config.ts) it is a PostgreSQL schema made for the folder on
// first use and kept while the folder is: a server restarted on the folder, a CLI command or a child server run on
// it find the same data there, as they find the same file on SQLite. The config's setup file drops what is left.
import { freshSchema, type TestSchema } from './postgres';

export const onPostgres = () => process.env.SAUALNAMA_TEST_ENGINE === 'postgres';

const schemas = new Map<string, Promise<TestSchema>>();

/** The DATABASE_URL behind `dataDir`: null on SQLite; on PostgreSQL the folder's own schema, made on first use. */
export async function databaseUrlFor(dataDir: string): Promise<string | null> {
  if (!onPostgres()) return null;
  let schema = schemas.get(dataDir);
  if (!schema) schemas.set(dataDir, (schema = freshSchema()));
  return (await schema).url;
}

/** What a child process (the CLI, `server/main.ts`) needs to open the data behind `dataDir`. */
export async function databaseEnv(dataDir: string): Promise<Record<string, string>> {
  const url = await databaseUrlFor(dataDir);
  return { DATA_DIR: dataDir, ...(url !== null && { DATABASE_URL: url }) };
}

/** Drops the schema behind `dataDir`, if it has one (as removing the folder removes the SQLite file). */
export async function dropDatabaseOf(dataDir: string): Promise<void> {
  const schema = schemas.get(dataDir);
  schemas.delete(dataDir);
  await (await schema)?.drop();
}

/** Drops every schema still made for a folder (the end of a test file). */
export async function dropAllDatabases(): Promise<void> {
  await Promise.all([...schemas.keys()].map(dropDatabaseOf));
}
