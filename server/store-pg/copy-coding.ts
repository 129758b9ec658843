// Moving house, the coding part (store copy, copy-from-sqlite.ts): codebooks with their ids, the coded answers, their
// codes and the chosen quotes, each row's response found by its id (SQLite's rowid becomes PostgreSQL's seq). Then
// proved equal: a sha256 over every row of each table on both sides (the response's id standing for its row
// number), and every question's code counts with their key sums per region, summed on PostgreSQL as the engine does
// on read, against the same sums over SQLite's coded answers.
import { createHash } from 'node:crypto';
import Cursor from 'pg-cursor';
import { countDay } from '../store/answer-counts';
import type { Db } from '../store/db';
import type { PoolClient } from './pool';

interface Spec {
  table: string;
  /** Columns other than the response's, with their PostgreSQL array types for unnest. */
  columns: [name: string, type: string][];
  /** The table refers to a response (SQLite: response_rowid; PostgreSQL: response_seq). */
  byResponse: boolean;
  /** Row order for the checksum: text columns compared bytewise on both sides. */
  order: string[];
  /** The row carries its response's count dimensions (migration 0008), taken from the SQLite response. */
  dimensions?: boolean;
}

const SPECS: Spec[] = [
  {
    table: 'coding_codes',
    columns: [
      ['id', 'int'],
      ['survey_id', 'text'],
      ['question', 'text'],
      ['code', 'text'],
      ['label_kk', 'text'],
      ['label_ru', 'text'],
      ['label_en', 'text'],
      ['description', 'text'],
      ['parent_id', 'int'],
      ['rules', 'text'],
      ['created_at', 'text'],
      ['updated_at', 'text'],
    ],
    byResponse: false,
    order: ['id'],
  },
  {
    table: 'coded_answers',
    columns: [
      ['survey_id', 'text'],
      ['question', 'text'],
      ['pass', 'int'],
      ['coder', 'text'],
      ['coded_at', 'text'],
    ],
    byResponse: true,
    order: ['survey_id', 'question', 'pass', 'response'],
    dimensions: true,
  },
  {
    table: 'answer_codes',
    columns: [
      ['survey_id', 'text'],
      ['question', 'text'],
      ['pass', 'int'],
      ['code_id', 'int'],
      ['span_start', 'int'],
      ['span_end', 'int'],
    ],
    byResponse: true,
    order: ['survey_id', 'question', 'pass', 'response', 'code_id'],
    dimensions: true,
  },
  {
    table: 'coding_quotes',
    columns: [
      ['code_id', 'int'],
      ['chosen_by', 'text'],
      ['chosen_at', 'text'],
      ['small_region_confirmed', 'boolean'],
    ],
    byResponse: true,
    order: ['code_id', 'response'],
  },
];

/** The coding tables the copy takes. */
export const CODING_TABLES = SPECS.map((s) => s.table);
/** SQLite's kept code counts: PostgreSQL sums them from the coded answers on read, so there is nothing to copy. */
export const CODING_DERIVED = ['coding_counts'];

type Row = Record<string, unknown>;
const PAGE = 5000;

const names = (spec: Spec) => spec.columns.map(([n]) => n);
/** A row as one line for the checksum; SQLite's 0/1 booleans as booleans. */
const line = (spec: Spec, row: Row) =>
  JSON.stringify([
    ...spec.columns.map(([n, type]) => (type === 'boolean' ? Boolean(row[n]) : row[n])),
    spec.byResponse ? row.response_id : null,
  ]);

function sqliteRows(sqlite: Db, spec: Spec): IterableIterator<Row> {
  const cols = names(spec).map((n) => `x.${n}`);
  const order = spec.order.map((o) => (o === 'response' ? 'x.response_rowid' : `x.${o}`)).join(', ');
  return (
    spec.byResponse
      ? sqlite.prepare(
          `SELECT ${cols.join(', ')}, r.id AS response_id, r.version AS d_version, r.region AS d_region,
             coalesce(r.briefing, '') AS d_briefing, r.submitted_at AS d_submitted_at, r.record_key AS d_record_key
           FROM ${spec.table} x
           JOIN responses r ON r.rowid = x.response_rowid ORDER BY ${order}`,
        )
      : sqlite.prepare(`SELECT ${cols.join(', ')} FROM ${spec.table} x ORDER BY ${order}`)
  ).iterate() as IterableIterator<Row>;
}

async function insertPage(client: PoolClient, spec: Spec, rows: Row[]): Promise<void> {
  const cols = names(spec);
  const arrays = spec.columns.map(([n, type]) => rows.map((r) => (type === 'boolean' ? r[n] === 1 : r[n])));
  const types = spec.columns.map(([, type]) => type);
  if (spec.dimensions) {
    arrays.push(
      ...(['d_version', 'd_region', 'd_briefing', 'd_record_key'] as const).map((d) => rows.map((r) => r[d])),
      rows.map((r) => countDay(r.d_submitted_at as string)),
    );
    cols.push('version', 'region', 'briefing', 'record_key', 'day');
    types.push('int', 'text', 'text', 'bigint', 'text');
  }
  if (spec.byResponse) {
    arrays.push(rows.map((r) => r.response_id));
    types.push('text');
  }
  const unnest = `unnest(${types.map((t, i) => `$${i + 1}::${t}[]`).join(', ')})`;
  await client.query(
    spec.byResponse
      ? `INSERT INTO ${spec.table} (${cols.join(', ')}, response_seq)
         SELECT ${cols.map((c) => `x.${c}`).join(', ')}, r.seq
         FROM ${unnest} AS x(${cols.join(', ')}, response_id) JOIN responses r ON r.id = x.response_id`
      : `INSERT INTO ${spec.table} (${cols.join(', ')}) SELECT * FROM ${unnest}`,
    arrays,
  );
}

/** Copies the coding tables (after the responses, in the copy's transaction); returns each table's rows. */
export async function copyCoding(
  sqlite: Db,
  client: PoolClient,
): Promise<{ table: string; rows: number; sha256: string }[]> {
  const copied = [];
  for (const spec of SPECS) {
    const hash = createHash('sha256');
    let rows = 0;
    let page: Row[] = [];
    // A page is written before the next is read; parents may come after their children in id order, which one
    // statement's foreign-key check (at its end) allows only within a page: codebooks are far below a page.
    for (const row of sqliteRows(sqlite, spec)) {
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
    copied.push({ table: spec.table, rows, sha256: hash.digest('hex') });
  }
  // Codes made on PostgreSQL continue after the copied ids.
  await client.query(
    `SELECT setval(pg_get_serial_sequence('coding_codes', 'id'), coalesce(max(id), 0) + 1, false) FROM coding_codes`,
  );
  return copied;
}

/** Every copied table's rows read back from PostgreSQL hash as SQLite's did; then the code counts agree. */
export async function verifyCoding(
  sqlite: Db,
  client: PoolClient,
  copied: readonly { table: string; sha256: string }[],
): Promise<void> {
  for (const spec of SPECS) {
    const cols = names(spec).map((n) => `x.${n}`);
    const order = spec.order
      .map((o) =>
        o === 'response'
          ? 'x.response_seq'
          : spec.columns.find(([n]) => n === o)?.[1] === 'text'
            ? `x.${o} COLLATE "C"`
            : `x.${o}`,
      )
      .join(', ');
    const sql = spec.byResponse
      ? `SELECT ${cols.join(', ')}, r.id AS response_id FROM ${spec.table} x
         JOIN responses r ON r.seq = x.response_seq ORDER BY ${order}`
      : `SELECT ${cols.join(', ')} FROM ${spec.table} x ORDER BY ${order}`;
    const hash = createHash('sha256');
    const cursor = client.query(new Cursor<Row>(sql));
    try {
      for (let rows = await cursor.read(PAGE); rows.length > 0; rows = await cursor.read(PAGE))
        for (const row of rows) hash.update(`${line(spec, row)}\n`);
    } finally {
      await cursor.close();
    }
    const expected = copied.find((c) => c.table === spec.table)!.sha256;
    const readBack = hash.digest('hex');
    if (readBack !== expected)
      throw new Error(
        `${spec.table} read back from PostgreSQL differs from SQLite's (sha256 ${readBack} ≠ ${expected})`,
      );
  }
  await verifyCodeCounts(sqlite, client);
}

/** Pass-1 coded answers (code 0) and tags per code, per survey, question and region: answers and key sums. */
const SQLITE_CODE_COUNTS = `
  SELECT a.survey_id, a.question, r.region, 0 AS code_id, count(*) AS n, sum(r.record_key) AS keys
  FROM coded_answers a JOIN responses r ON r.rowid = a.response_rowid WHERE a.pass = 1 GROUP BY 1, 2, 3
  UNION ALL
  SELECT c.survey_id, c.question, r.region, c.code_id, count(*), sum(r.record_key)
  FROM answer_codes c JOIN responses r ON r.rowid = c.response_rowid WHERE c.pass = 1 GROUP BY 1, 2, 3, 4`;
/** The same from the rows' own count columns, as tallyCodes sums them. */
const POSTGRES_CODE_COUNTS = `
  SELECT survey_id, question, region, 0 AS code_id, count(*) AS n, sum(record_key) AS keys
  FROM coded_answers WHERE pass = 1 GROUP BY 1, 2, 3
  UNION ALL
  SELECT survey_id, question, region, code_id, count(*), sum(record_key)
  FROM answer_codes WHERE pass = 1 GROUP BY 1, 2, 3, 4`;

async function verifyCodeCounts(sqlite: Db, client: PoolClient): Promise<void> {
  const key = (r: Row) => [r.survey_id, r.question, r.region, r.code_id].join(' ');
  const inSqlite = new Map((sqlite.prepare(SQLITE_CODE_COUNTS).all() as Row[]).map((r) => [key(r), r]));
  const { rows } = await client.query<Row>(POSTGRES_CODE_COUNTS);
  if (rows.length !== inSqlite.size)
    throw new Error(`code counts: ${inSqlite.size} cells in SQLite, ${rows.length} in PostgreSQL`);
  for (const r of rows) {
    const s = inSqlite.get(key(r));
    if (!s || s.n !== r.n || s.keys !== r.keys) throw new Error(`code counts differ at ${key(r)}`);
  }
}
