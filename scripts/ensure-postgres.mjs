// The PostgreSQL engine's tests (the store conformance suite, the integration tests on PostgreSQL, the two-server
// test) need a real PostgreSQL server, never a stand-in. As root on Debian: install `postgresql` when it is missing,
// start the newest cluster, make a throw-away role and database, and write their URL to `.test-database-url`
// (test/support/postgres.ts reads it; TEST_DATABASE_URL overrides it). Then connect once: if PostgreSQL cannot be
// reached, stop with a message that says how to get it. Never skip: a run without PostgreSQL is not a green run.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';

export const URL_FILE = join(import.meta.dirname, '..', '.test-database-url');
const ROLE = 'saualnama_test';
const DEFAULT_URL = (port) => `postgres://${ROLE}:${ROLE}@127.0.0.1:${port}/${ROLE}`;
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };

const run = (command, args) => execFileSync(command, args, { encoding: 'utf8', env }).trim();
const quiet = (command, args) => {
  try {
    return run(command, args);
  } catch {
    return undefined;
  }
};

/** Debian's clusters as `pg_lsclusters` lists them: version, name, port, status. */
function clusters() {
  const out = quiet('pg_lsclusters', ['--no-header']);
  if (out === undefined) return undefined;
  return out
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [version, name, port, status] = line.split(/\s+/);
      return { version, name, port: Number(port), status };
    });
}

/** As root: the package, a running cluster, the role and the database. Returns the URL, or undefined. */
function prepareAsRoot() {
  if (clusters() === undefined && existsSync('/usr/bin/apt-get')) {
    console.error('PostgreSQL is missing; installing Debian’s postgresql');
    execFileSync('apt-get', ['update'], { stdio: 'inherit', env });
    execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'postgresql'], {
      stdio: 'inherit',
      env,
    });
  }
  const list = clusters();
  if (!list || list.length === 0) return undefined;
  // The newest installed major version (Debian 12: 15).
  const cluster = list.sort((a, b) => Number(b.version) - Number(a.version))[0];
  if (cluster.status !== 'online') {
    console.error(`starting PostgreSQL ${cluster.version} (${cluster.name})`);
    execFileSync('pg_ctlcluster', [cluster.version, cluster.name, 'start'], { stdio: 'inherit' });
  }
  const psql = (sql) =>
    run('runuser', ['-u', 'postgres', '--', 'psql', '-p', String(cluster.port), '-tAqc', sql]);
  if (psql(`SELECT 1 FROM pg_roles WHERE rolname = '${ROLE}'`) !== '1')
    psql(`CREATE ROLE ${ROLE} LOGIN PASSWORD '${ROLE}'`);
  if (psql(`SELECT 1 FROM pg_database WHERE datname = '${ROLE}'`) !== '1')
    psql(`CREATE DATABASE ${ROLE} OWNER ${ROLE}`);
  return DEFAULT_URL(cluster.port);
}

async function reachable(url) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    await client.end().catch(() => {});
  }
}

let url = process.env.TEST_DATABASE_URL;
if (!url && isRoot) {
  url = prepareAsRoot();
  if (url) writeFileSync(URL_FILE, `${url}\n`);
}
if (!url && existsSync(URL_FILE)) url = readFileSync(URL_FILE, 'utf8').trim();
const failure = url ? await reachable(url) : 'no database given';
if (failure !== undefined) {
  console.error(
    `The PostgreSQL tests need a PostgreSQL server they can reach, and there is none (${failure}).\n` +
      `  As root on Debian/Ubuntu this command installs and starts one itself (apt-get install -y postgresql).\n` +
      `  Otherwise: start PostgreSQL, make a role and an empty database it owns, and set\n` +
      `  TEST_DATABASE_URL=postgres://user:password@127.0.0.1:5432/database (each test works in a schema of its own).`,
  );
  process.exit(1);
}
console.error(`PostgreSQL for the tests: ${url.replace(/:[^:@/]*@/, ':…@')}`);
