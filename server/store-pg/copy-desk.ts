// Moving house, the analysts' desk (store copy, copy-from-sqlite.ts): review statuses, the record of contact
// erasures and personal API tokens (their ids kept, digests only, as SQLite holds them). Then proved equal: a
// sha256 over every row of each table, read back from PostgreSQL in the same order as from SQLite (text keys
// compared byte-wise on both sides). The demo marks travel with their rows (responses.demo, briefings.demo).
import { createHash } from 'node:crypto';
import type { Db } from '../store/db';
import type { PoolClient } from './pool';

interface Spec {
  table: string;
  columns: [name: string, type: string][];
  /** The key the checksum reads the rows in. */
  order: string;
  /** Ids kept (an identity column), the sequence moved past them. */
  identity?: boolean;
}

const SPECS: Spec[] = [
  {
    table: 'response_reviews',
    columns: [
      ['response_id', 'text'],
      ['status', 'text'],
      ['note', 'text'],
      ['reviewed_at', 'text'],
      ['reviewed_by', 'text'],
    ],
    order: 'response_id',
  },
  {
    table: 'contact_erasures',
    columns: [
      ['response_id', 'text'],
      ['erased_at', 'text'],
      ['erased_by', 'text'],
    ],
    order: 'response_id',
  },
  {
    table: 'api_tokens',
    columns: [
      ['id', 'bigint'],
      ['user_id', 'bigint'],
      ['name', 'text'],
      ['token_sha256', 'text'],
      ['created_at', 'text'],
      ['expires_at', 'text'],
      ['revoked_at', 'text'],
      ['last_used_at', 'text'],
    ],
    order: 'id',
    identity: true,
  },
];

/** The desk's tables the copy takes (after users and responses). */
export const DESK_TABLES = SPECS.map((s) => s.table);

/** SQLite's rejected responses: the copy counts every response but these, as SQLite's kept counts do. */
export const rejectedIds = (sqlite: Db): Set<string> =>
  new Set(
    sqlite
      .prepare("SELECT response_id FROM response_reviews WHERE status = 'rejected'")
      .pluck()
      .all() as string[],
  );

type Row = Record<string, unknown>;
const PAGE = 5000;
const names = (spec: Spec) => spec.columns.map(([n]) => n);
const line = (spec: Spec, row: Row) => JSON.stringify(names(spec).map((n) => row[n] ?? null));
/** Rows in the key's byte order on both engines (SQLite's default collation is binary). */
const orderBy = (spec: Spec, pg: boolean) =>
  spec.columns.find(([n]) => n === spec.order)![1] === 'text' && pg
    ? `${spec.order} COLLATE "C"`
    : spec.order;

async function insertPage(client: PoolClient, spec: Spec, rows: Row[]): Promise<void> {
  const cols = names(spec);
  await client.query(
    `INSERT INTO ${spec.table} (${cols.join(', ')}) ${spec.identity ? 'OVERRIDING SYSTEM VALUE' : ''}
     SELECT * FROM unnest(${spec.columns.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ')})`,
    cols.map((c) => rows.map((r) => r[c])),
  );
}

/** Copies the desk's tables in the copy's transaction; returns each table's rows and checksum. */
export async function copyDesk(
  sqlite: Db,
  client: PoolClient,
): Promise<{ table: string; rows: number; sha256: string }[]> {
  const copied = [];
  for (const spec of SPECS) {
    const hash = createHash('sha256');
    let rows = 0;
    let page: Row[] = [];
    const read = sqlite.prepare(
      `SELECT ${names(spec).join(', ')} FROM ${spec.table} ORDER BY ${orderBy(spec, false)}`,
    );
    for (const row of read.iterate() as IterableIterator<Row>) {
      hash.update(`${line(spec, row)}\n`);
      page.push(row);
      if (page.length === PAGE) {
        await insertPage(client, spec, page);
        rows += page.length;
        page = [];
      }
    }
    if (page.length > 0) await insertPage(client, spec, page);
    rows += page.length;
    // Tokens made on PostgreSQL continue after the copied ids.
    if (spec.identity)
      await client.query(
        `SELECT setval(pg_get_serial_sequence('${spec.table}', 'id'), coalesce(max(id), 0) + 1, false)
         FROM ${spec.table}`,
      );
    copied.push({ table: spec.table, rows, sha256: hash.digest('hex') });
  }
  return copied;
}

/** Every desk table read back from PostgreSQL hashes as SQLite's did. */
export async function verifyDesk(
  client: PoolClient,
  copied: readonly { table: string; sha256: string }[],
): Promise<void> {
  for (const spec of SPECS) {
    const hash = createHash('sha256');
    const { rows } = await client.query<Row>(
      `SELECT ${names(spec).join(', ')} FROM ${spec.table} ORDER BY ${orderBy(spec, true)}`,
    );
    for (const row of rows) hash.update(`${line(spec, row)}\n`);
    const expected = copied.find((c) => c.table === spec.table)!.sha256;
    const readBack = hash.digest('hex');
    if (readBack !== expected)
      throw new Error(
        `${spec.table} read back from PostgreSQL differs from SQLite's (sha256 ${readBack} ≠ ${expected})`,
      );
  }
}
