// What an integration test reads (or, to stage a fault, writes) behind the store's back, on either engine: the
// SQLite file in the data folder (database-file.ts), or on the integration-pg run the folder's PostgreSQL schema
// (test-database.ts). The SQL given here must mean the same on both: plain SELECTs, UPDATEs and DELETEs on the
// tables the two engines share by name, with `?` placeholders.
import { createHash } from 'node:crypto';
import pg from 'pg';
import { openSqliteStore, type ResponseFilter, type Store, type StoredResponse } from '../../server/store';
import { openPostgresStore } from '../../server/store-pg';
import { responseWhere } from '../../server/store-pg/responses';
import { toResponse, type ResponseRow } from '../../server/store/response-row';
import { ANSWER_TABLES } from './db-check';
import { countStoredResponses, databaseFileIn, openDatabaseFile, storedResponses } from './database-file';
import { databaseUrlFor } from './test-database';

/** `?` placeholders numbered as PostgreSQL wants them ($1, $2, …), outside quoted strings. */
const numbered = (sql: string) => {
  let n = 0;
  return sql.replace(/'[^']*'|\?/g, (m) => (m === '?' ? `$${++n}` : m));
};

async function onSchema<T>(url: string, use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

type Query = <T = Record<string, unknown>>(sql: string, params?: readonly unknown[]) => Promise<T[]>;

/** Runs `use` with one connection to the database behind `dataDir` (a statement that selects nothing gives []). */
async function withQuery<T>(dataDir: string, use: (query: Query) => Promise<T>): Promise<T> {
  const url = await databaseUrlFor(dataDir);
  if (url !== null)
    return onSchema(url, (c) =>
      use(
        async <R>(sql: string, params: readonly unknown[] = []) =>
          (await c.query(numbered(sql), [...params])).rows as R[],
      ),
    );
  const db = openDatabaseFile(databaseFileIn(dataDir));
  try {
    // Awaited before closing: `use` may query again after its first await.
    return await use(async <R>(sql: string, params: readonly unknown[] = []) => {
      const statement = db.prepare(sql);
      if (statement.reader) return statement.all(...params) as R[];
      statement.run(...params);
      return [];
    });
  } finally {
    db.close();
  }
}

/** The rows `sql` selects in the database behind `dataDir`; a statement that selects nothing gives []. */
export function queryRows<T = Record<string, unknown>>(
  dataDir: string,
  sql: string,
  params: readonly unknown[] = [],
): Promise<T[]> {
  return withQuery(dataDir, (query) => query<T>(sql, params));
}

/** The one number `sql` selects (a count), as a JavaScript number on both engines (PostgreSQL's bigint is text). */
export async function queryNumber(
  dataDir: string,
  sql: string,
  params: readonly unknown[] = [],
): Promise<number> {
  const [row] = await queryRows(dataDir, sql, params);
  return Number(Object.values(row ?? {})[0]);
}

/** The stored responses that match `filter`, in submission order (then insertion). */
export async function readStoredResponses(
  dataDir: string,
  filter: ResponseFilter,
): Promise<StoredResponse[]> {
  const url = await databaseUrlFor(dataDir);
  if (url === null) return storedResponses(databaseFileIn(dataDir), filter);
  const { sql, params } = responseWhere(filter);
  return onSchema(url, async (c) =>
    (
      await c.query<ResponseRow>(`SELECT * FROM responses WHERE ${sql} ORDER BY submitted_at, seq`, params)
    ).rows.map(toResponse),
  );
}

/** How many stored responses match `filter`. */
export async function countResponsesIn(dataDir: string, filter: ResponseFilter): Promise<number> {
  const url = await databaseUrlFor(dataDir);
  if (url === null) return countStoredResponses(databaseFileIn(dataDir), filter);
  const { sql, params } = responseWhere(filter);
  return onSchema(url, async (c) =>
    Number(
      (await c.query<{ n: string }>(`SELECT count(*) AS n FROM responses WHERE ${sql}`, params)).rows[0]!.n,
    ),
  );
}

/** sha256 over every row of the answer tables (db-check.ts): equal before and after means nothing changed. */
export async function answerTablesHash(dataDir: string): Promise<string> {
  const hash = createHash('sha256');
  await withQuery(dataDir, async (query) => {
    for (const table of ANSWER_TABLES) {
      hash.update(`\u0000${table}\u0000`);
      // Sorted here: PostgreSQL returns rows in no fixed order, and no column order is a key on both engines.
      const rows = (await query(`SELECT * FROM ${table}`)).map((row) =>
        JSON.stringify(row, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('base64') : v)),
      );
      for (const row of rows.sort()) hash.update(row);
    }
  });
  return hash.digest('hex');
}

/** A store of the test's own on the database behind `dataDir` (the caller closes it). */
export async function openStoreOf(dataDir: string): Promise<Store> {
  const url = await databaseUrlFor(dataDir);
  return url === null ? openSqliteStore(databaseFileIn(dataDir)) : openPostgresStore(url);
}
