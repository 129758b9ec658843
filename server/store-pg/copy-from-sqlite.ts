// Moving house: copies a SQLite database (the default engine's file) into an empty PostgreSQL database, in one
// transaction, and proves the copy equal before it commits: the rows of every copied table, a sha256 over every
// response (all its columns, its contact details and its record key, in insertion order) read back from
// PostgreSQL, and the answer counts (rebuilt on PostgreSQL from the copied responses with their own record keys, so
// the cell keys of disclosure control come out identical) key by key against SQLite's. Anything else refuses
// before a row is written: a database that is not empty, or SQLite rows of a kind this engine does not hold yet.
import { createHash } from 'node:crypto';
import Cursor from 'pg-cursor';
import type { CountPlan } from '../store/count-types';
import { openReadOnly, type Db } from '../store/db';
import type { NewResponse } from '../store/types';
import { createPgAnswerCounts } from './answer-counts';
import { CODING_DERIVED, CODING_TABLES, copyCoding, verifyCoding } from './copy-coding';
import { copyDesk, DESK_TABLES, rejectedIds, verifyDesk } from './copy-desk';
import { openPostgresStore } from './index';
import type { PoolClient } from './pool';

/** Tables copied as they are, in an order that keeps foreign keys satisfied; `identity`: ids kept. */
const PLAIN_TABLES: { table: string; columns: string[]; identity?: boolean; booleans?: string[] }[] = [
  { table: 'survey_versions', columns: ['survey_id', 'version', 'sha256', 'published_at'] },
  {
    table: 'survey_definitions',
    columns: ['survey_id', 'version', 'definition', 'published_at', 'published_by'],
  },
  { table: 'survey_closures', columns: ['survey_id', 'closed_at'] },
  {
    table: 'briefings',
    columns: [
      'slug',
      'survey_id',
      'region',
      'city',
      'city_kk',
      'city_ru',
      'city_en',
      'date',
      'title_kk',
      'title_ru',
      'title_en',
      'opens_at',
      'closes_at',
      'closed_at',
      'created_at',
      'updated_at',
      'demo',
    ],
    booleans: ['demo'],
  },
  {
    table: 'users',
    columns: [
      'id',
      'email',
      'role',
      'regions',
      'password_hash',
      'created_at',
      'disabled_at',
      'last_sign_in_at',
      'must_change_password',
    ],
    identity: true,
    booleans: ['must_change_password'],
  },
  { table: 'sessions', columns: ['id', 'user_id', 'created_at', 'expires_at', 'last_seen_at', 'revoked_at'] },
  { table: 'audit_log', columns: ['id', 'at', 'actor', 'action', 'address', 'details'], identity: true },
];

/** SQLite tables that are derived (rebuilt here or by the server) or bookkeeping: not copied, nothing lost. */
const DERIVED = new Set([
  'schema_migrations',
  'answer_counts',
  'answer_count_changes', // SQLite's count cache bookkeeping (0031)
  'answer_records',
  'answer_texts',
  'export_lines',
  'export_line_layouts',
  'count_plans',
  'readiness_probes',
  'sign_in_failures', // windows of minutes: the copy starts them afresh
  'response_contacts', // copied with the responses
  ...CODING_DERIVED,
]);

const RESPONSE_COLUMNS = [
  'id',
  'survey_id',
  'version',
  'locale',
  'region',
  'briefing',
  'started_at',
  'submitted_at',
  'answers',
  'content_hash',
  'record_key',
  'demo',
  'duplicate_of',
];

export class CopyRefused extends Error {}

export interface CopyReport {
  tables: { table: string; rows: number }[];
  responses: number;
  /** sha256 over every response, equal on both sides. */
  checksum: string;
  /** Count keys (survey, version, region, briefing, day) compared, all equal. */
  countKeys: number;
  seconds: number;
}

type Row = Record<string, unknown>;

/** One line per response for the checksum: every column, contact details and record key included. */
const responseLine = (r: Row) =>
  JSON.stringify([...RESPONSE_COLUMNS.map((c) => (c === 'demo' ? Boolean(r[c]) : r[c])), r.contacts ?? null]);

export async function copySqliteToPostgres(
  sqliteFile: string,
  url: string,
  {
    countPlans,
    progress,
  }: { countPlans: readonly CountPlan[]; progress?: (copied: number, total: number) => void },
): Promise<CopyReport> {
  const started = performance.now();
  const sqlite = openReadOnly(sqliteFile);
  try {
    refuseUncopiable(sqlite);
    const store = await openPostgresStore(url, { countPlans, poolSize: 2 });
    try {
      const client = await store.pool.connect();
      try {
        await refuseNonEmpty(client);
        await client.query('BEGIN');
        const tables = [];
        for (const spec of PLAIN_TABLES)
          tables.push({ table: spec.table, rows: await copyTable(sqlite, client, spec) });
        const counts = createPgAnswerCounts(store.pool, countPlans, () => store.shard);
        const { responses, checksum } = await copyResponses(sqlite, client, counts.countBatch, progress);
        tables.push({ table: 'responses', rows: responses });
        const coding = await copyCoding(sqlite, client);
        tables.push(...coding.map(({ table, rows }) => ({ table, rows })));
        const desk = await copyDesk(sqlite, client);
        tables.push(...desk.map(({ table, rows }) => ({ table, rows })));
        await verifyTables(sqlite, client, tables);
        const readBack = await checksumOfPostgres(client);
        if (readBack !== checksum)
          throw new Error(
            `the responses read back from PostgreSQL differ from SQLite's (sha256 ${readBack} ≠ ${checksum})`,
          );
        const countKeys = await verifyCounts(sqlite, client, countPlans);
        await verifyCoding(sqlite, client, coding);
        await verifyDesk(client, desk);
        await client.query('COMMIT');
        return { tables, responses, checksum, countKeys, seconds: (performance.now() - started) / 1000 };
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    } finally {
      await store.close();
    }
  } finally {
    sqlite.close();
  }
}

function refuseUncopiable(sqlite: Db): void {
  const copied = new Set([
    ...PLAIN_TABLES.map((t) => t.table),
    'responses',
    ...CODING_TABLES,
    ...DESK_TABLES,
  ]);
  const names = sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .pluck()
    .all() as string[];
  const left = names
    .filter((n) => !copied.has(n) && !DERIVED.has(n))
    .map((n) => ({ n, rows: (sqlite.prepare(`SELECT count(*) FROM "${n}"`).pluck().get() as number) ?? 0 }))
    .filter((t) => t.rows > 0);
  if (left.length > 0)
    throw new CopyRefused(
      `the SQLite database holds data the PostgreSQL engine does not keep yet: ` +
        `${left.map((t) => `${t.n} (${t.rows} rows)`).join(', ')}; nothing was copied`,
    );
}

async function refuseNonEmpty(client: PoolClient): Promise<void> {
  const { rows } = await client.query<{ t: string; n: number }>(
    `SELECT 'responses' AS t, count(*) AS n FROM responses UNION ALL SELECT 'survey_versions', count(*) FROM survey_versions
     UNION ALL SELECT 'briefings', count(*) FROM briefings UNION ALL SELECT 'users', count(*) FROM users
     UNION ALL SELECT 'audit_log', count(*) FROM audit_log`,
  );
  const full = rows.filter((r) => r.n > 0);
  if (full.length > 0)
    throw new CopyRefused(
      `the PostgreSQL database is not empty (${full.map((r) => `${r.t}: ${r.n} rows`).join(', ')}); ` +
        'store copy writes only into an empty one, and wrote nothing',
    );
}

async function copyTable(
  sqlite: Db,
  client: PoolClient,
  { table, columns, identity, booleans = [] }: (typeof PLAIN_TABLES)[number],
): Promise<number> {
  const rows = sqlite.prepare(`SELECT ${columns.join(', ')} FROM ${table} ORDER BY rowid`).all() as Row[];
  const PAGE = 1000;
  for (let i = 0; i < rows.length; i += PAGE) {
    const page = rows.slice(i, i + PAGE);
    const params: unknown[] = [];
    const tuples = page.map((row) => {
      const marks = columns.map((c) => {
        params.push(booleans.includes(c) ? row[c] === 1 : row[c]);
        return `$${params.length}`;
      });
      return `(${marks.join(', ')})`;
    });
    await client.query(
      `INSERT INTO ${table} (${columns.join(', ')}) ${identity ? 'OVERRIDING SYSTEM VALUE' : ''} VALUES ${tuples.join(', ')}`,
      params,
    );
  }
  // The next id made on PostgreSQL continues after the copied ones.
  if (identity && rows.length > 0)
    await client.query(
      `SELECT setval(pg_get_serial_sequence('${table}', 'id'), (SELECT max(id) FROM ${table}))`,
    );
  return rows.length;
}

async function copyResponses(
  sqlite: Db,
  client: PoolClient,
  countBatch: ReturnType<typeof createPgAnswerCounts>['countBatch'],
  progress?: (copied: number, total: number) => void,
): Promise<{ responses: number; checksum: string }> {
  const total = sqlite.prepare('SELECT count(*) FROM responses').pluck().get() as number;
  const hash = createHash('sha256');
  const page = sqlite.prepare(
    `SELECT r.rowid AS rowid, ${RESPONSE_COLUMNS.map((c) => `r.${c}`).join(', ')}, c.answers AS contacts
     FROM responses r LEFT JOIN response_contacts c ON c.response_id = r.id
     WHERE r.rowid > ? ORDER BY r.rowid LIMIT 2000`,
  );
  // Rejected responses are in no count (their review is copied after them): counted as SQLite's kept counts are.
  const rejected = rejectedIds(sqlite);
  let copied = 0;
  for (let after = 0; ;) {
    const rows = page.all(after) as Row[];
    if (rows.length === 0) break;
    after = rows.at(-1)!.rowid as number;
    const col = (c: string) => rows.map((r) => (c === 'demo' ? r.demo === 1 : r[c]));
    // In insertion order (WITH ORDINALITY), so that seq keeps SQLite's rowid order.
    const { rows: inserted } = await client.query<{ id: string; seq: number }>(
      `INSERT INTO responses (${RESPONSE_COLUMNS.join(', ')})
       SELECT ${RESPONSE_COLUMNS.join(', ')} FROM unnest($1::text[], $2::text[], $3::int[], $4::text[], $5::text[],
         $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::bigint[], $12::boolean[], $13::text[])
         WITH ORDINALITY AS t(${RESPONSE_COLUMNS.join(', ')}, n)
       ORDER BY n RETURNING id, seq`,
      RESPONSE_COLUMNS.map(col),
    );
    const seqOf = new Map(inserted.map((r) => [r.id, r.seq]));
    const withContacts = rows.filter((r) => r.contacts !== null);
    if (withContacts.length > 0)
      await client.query(
        'INSERT INTO response_contacts (response_id, answers) SELECT * FROM unnest($1::text[], $2::text[])',
        [withContacts.map((r) => r.id), withContacts.map((r) => r.contacts)],
      );
    await countBatch(
      client,
      rows
        .filter((r) => !rejected.has(r.id as string))
        .map((r) => ({
          response: asNewResponse(r),
          recordKey: r.record_key as number,
          seq: seqOf.get(r.id as string)!,
          duplicateOf: r.duplicate_of as string | null,
        })),
    );
    for (const r of rows) hash.update(`${responseLine(r)}\n`);
    copied += rows.length;
    progress?.(copied, total);
  }
  return { responses: copied, checksum: hash.digest('hex') };
}

const asNewResponse = (r: Row): NewResponse => ({
  id: r.id as string,
  surveyId: r.survey_id as string,
  version: r.version as number,
  locale: r.locale as NewResponse['locale'],
  region: r.region as string,
  briefing: r.briefing as string | null,
  startedAt: r.started_at as string | null,
  submittedAt: r.submitted_at as string,
  answers: JSON.parse(r.answers as string) as Record<string, unknown>,
  contacts: null,
  contentHash: r.content_hash as string,
});

async function verifyTables(
  sqlite: Db,
  client: PoolClient,
  tables: { table: string; rows: number }[],
): Promise<void> {
  for (const { table } of tables) {
    const inSqlite = sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
    const { rows } = await client.query<{ n: number }>(`SELECT count(*) AS n FROM ${table}`);
    if (rows[0]!.n !== inSqlite)
      throw new Error(`${table}: ${inSqlite} rows in SQLite, ${rows[0]!.n} in PostgreSQL after the copy`);
  }
}

/** The same checksum, from PostgreSQL's rows in insertion order (a cursor: flat memory at a million). */
async function checksumOfPostgres(client: PoolClient): Promise<string> {
  const hash = createHash('sha256');
  const cursor = client.query(
    new Cursor<Row>(
      `SELECT ${RESPONSE_COLUMNS.map((c) => `r.${c}`).join(', ')}, c.answers AS contacts
       FROM responses r LEFT JOIN response_contacts c ON c.response_id = r.id ORDER BY r.seq`,
    ),
  );
  try {
    for (let rows = await cursor.read(2000); rows.length > 0; rows = await cursor.read(2000))
      for (const r of rows) hash.update(`${responseLine(r)}\n`);
  } finally {
    await cursor.close();
  }
  return hash.digest('hex');
}

/** Every count key's responses and vector, summed over PostgreSQL's shards, equal to SQLite's row. */
async function verifyCounts(sqlite: Db, client: PoolClient, plans: readonly CountPlan[]): Promise<number> {
  const planned = new Set(plans.map((p) => `${p.surveyId}\u0000${p.version}`));
  const key = (r: Row) => [r.survey_id, r.version, r.region, r.briefing, r.day].join('\u0000');
  const inSqlite = new Map<string, Row>();
  for (const r of sqlite
    .prepare('SELECT survey_id, version, region, briefing, day, responses, counts FROM answer_counts')
    .all() as Row[])
    if (planned.has(`${r.survey_id}\u0000${r.version}`) && (r.responses as number) > 0)
      inSqlite.set(key(r), r);
  const { rows } = await client.query<Row>(
    'SELECT survey_id, version, region, briefing, day, responses, counts FROM answer_counts',
  );
  if (rows.length !== inSqlite.size)
    throw new Error(`answer counts: ${inSqlite.size} keys in SQLite, ${rows.length} in PostgreSQL`);
  for (const r of rows) {
    const s = inSqlite.get(key(r));
    if (!s || s.responses !== r.responses || !(s.counts as Buffer).equals(r.counts as Buffer))
      throw new Error(
        `answer counts differ at ${key(r).replaceAll('\u0000', ' ')} (SQLite: run recount first?)`,
      );
  }
  return rows.length;
}
