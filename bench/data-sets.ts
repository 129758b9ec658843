// The benchmarks' demo data sets, kept between runs in BENCH_EXPORT_DIR/<size> (a million responses take many
// minutes to make): SQLite folders made by `npm run cli -- demo`, with a bench admin, and their PostgreSQL twins
// made from them by the real `npm run cli -- store copy`, each in a schema of the bench's own.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { withSchema } from '../test/support/postgres';
import { ROOT } from './child-server';

export const DATA_ROOT = resolve(process.env.BENCH_EXPORT_DIR ?? join(tmpdir(), 'saualnama-bench-export'));
export const ADMIN = { email: 'bench@example.kz', password: 'bench export password 2024' };

/** Runs `npm run cli -- <args>` on `env` (SQLite unless env sets DATABASE_URL); returns its stdout. */
export function cli(env: Record<string, string>, args: string[], input?: string): string {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'server/cli/main.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: '', ...env },
    input,
    encoding: 'utf8',
    maxBuffer: 2 ** 26,
    stdio: [input ? 'pipe' : 'ignore', 'pipe', 'inherit'],
  });
  if (run.status !== 0) throw new Error(`cli ${args.join(' ')} exited with ${run.status}:\n${run.stdout}`);
  return run.stdout;
}

export function storedResponses(dataDir: string): number {
  const file = join(dataDir, 'saualnama.db');
  if (!existsSync(file)) return 0;
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM responses').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

/** The SQLite folder of `size` demo responses. The demo command is seeded and idempotent: a kept set is topped up. */
export function sqliteDataSet(size: number): string {
  const dataDir = join(DATA_ROOT, String(size));
  mkdirSync(dataDir, { recursive: true });
  if (storedResponses(dataDir) < size) {
    console.log(
      `generating ${size.toLocaleString('en')} demo responses in ${dataDir} (kept for later runs)…`,
    );
    const started = performance.now();
    process.stdout.write(cli({ DATA_DIR: dataDir }, ['demo', '--responses', String(size)]));
    console.log(`  generated in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  }
  const db = new Database(join(dataDir, 'saualnama.db'), { readonly: true });
  const hasAdmin =
    (db.prepare('SELECT count(*) AS n FROM users WHERE email = ?').get(ADMIN.email) as { n: number }).n > 0;
  db.close();
  if (!hasAdmin)
    cli(
      { DATA_DIR: dataDir },
      ['users', 'add', ADMIN.email, '--role', 'admin', '--password-stdin'],
      `${ADMIN.password}\n`,
    );
  return dataDir;
}

export interface PostgresTwin {
  /** DATABASE_URL with its connections in the twin's schema. */
  url: string;
  schema: string;
  responses: number;
  /** How long `store copy` took to copy and prove it equal, and when (a kept twin was copied by an earlier run). */
  copySeconds: number;
  copiedAt: string;
  /** The copy's own last line: responses, their sha256 and the count keys it proved equal. */
  proof: string;
}

/**
 * The PostgreSQL copy of a SQLite data set, in schema `bench_<size>` of `databaseUrl`'s database (the tests work
 * in schemas of their own, `t_…`: this leaves them alone). Copied afresh with `fresh`, or when the kept one is
 * missing or holds another number of responses; the copy's report is kept beside the SQLite file.
 */
export async function postgresTwin(
  databaseUrl: string,
  dataDir: string,
  size: number,
  { fresh }: { fresh: boolean },
): Promise<PostgresTwin> {
  const schema = `bench_${size}`;
  const url = withSchema(databaseUrl, schema);
  const record = join(dataDir, `postgres-twin-${schema}.json`);
  const want = storedResponses(dataDir);
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  try {
    if (!fresh && existsSync(record)) {
      const kept = JSON.parse(readFileSync(record, 'utf8')) as PostgresTwin;
      const have = await admin
        .query<{ n: string }>(`SELECT count(*) AS n FROM ${schema}.responses`)
        .then((r) => Number(r.rows[0]!.n))
        .catch(() => -1);
      if (have === want && kept.responses === want) return { ...kept, url };
    }
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.query(`CREATE SCHEMA ${schema}`);
  } finally {
    await admin.end();
  }
  console.log(`store copy of ${want.toLocaleString('en')} responses into schema ${schema}…`);
  const started = performance.now();
  // Exit 0 only when the copy was proved equal (rows, a sha256 of every response, every count key) and committed.
  const output = cli({ DATA_DIR: dataDir }, ['store', 'copy', '--to', url]);
  const twin: PostgresTwin = {
    url,
    schema,
    responses: want,
    copySeconds: (performance.now() - started) / 1000,
    copiedAt: new Date().toISOString(),
    proof: output.trim().split('\n').at(-1) ?? '',
  };
  writeFileSync(record, JSON.stringify({ ...twin, url: '' }, null, 2));
  return twin;
}
