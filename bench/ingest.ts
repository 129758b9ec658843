// Ingest benchmark (issue 15 item 6): the real server as a child process, autocannon posting the real instrument,
// `roadmap-needs`, to POST /api/surveys/roadmap-needs/responses at 10 and 50 connections. Every body is a distinct
// realistic response from the demo generator (~1.7 KB of answers in Kazakh, Russian or English; made before the
// clock starts), so validation, counts, the text index and the stored CSV lines all do their real work.
// Engines: SQLite in a fresh DATA_DIR always; PostgreSQL too when DATABASE_URL is set (in a fresh schema of that
// database, dropped afterwards). Prints one table with both, and the machine. Asserts nothing.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import autocannon from 'autocannon';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { loadCatalog } from '../server/catalog/load';
import { demoPlan, demoSubmission } from '../server/cli/demo/generate';
import { withSchema } from '../test/support/postgres';
import { describeMachine } from './machine';

const ROOT = resolve(import.meta.dirname, '..');
const SURVEYS = join(ROOT, 'surveys');
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = [10, 50];
/** Enough distinct bodies for the fastest engine's longest run, and some. */
const BODIES = Number(process.env.BENCH_BODIES ?? 6_000 * DURATION_S);

function makeBodies(count: number): string[] {
  const survey = loadCatalog(SURVEYS).catalog.getSurvey('roadmap-needs');
  if (!survey) throw new Error(`no roadmap-needs in ${SURVEYS}`);
  const plan = demoPlan(survey);
  const bodies: string[] = [];
  for (let i = 0; i < count; i++) {
    const s = demoSubmission(plan, 2024, i);
    // Without the demo's briefing: a fresh server has none, and a POST naming an unknown one is refused.
    bodies.push(
      JSON.stringify({
        id: s.id,
        version: s.version,
        locale: s.locale,
        startedAt: s.startedAt,
        data: s.data,
      }),
    );
  }
  return bodies;
}

async function startServer(port: number, env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: '',
      ...env,
      PORT: String(port),
      SURVEYS_DIR: SURVEYS,
      // One load generator is one address: lift the per-address limit that protects the public form.
      RATE_LIMIT_BURST: '1000000000',
      RATE_LIMIT_PER_SECOND: '1000000000',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((ok, fail) => {
    child.stdout!.on('data', (b: Buffer) => b.toString().includes('listening') && ok());
    child.once('exit', (code) => fail(new Error(`server exited with ${code}`)));
  });
  return child;
}

interface Row {
  engine: string;
  connections: number;
  'responses/s': number;
  'p50 ms': number;
  'p99 ms': number;
  'max ms': number;
  stored: number;
  'not 2xx': number;
}

async function run(engine: string, port: number, connections: number, bodies: string[], from: number) {
  let i = from;
  const result = await autocannon({
    url: `http://127.0.0.1:${port}/api/surveys/roadmap-needs/responses`,
    connections,
    duration: DURATION_S,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    requests: [{ setupRequest: (req) => ({ ...req, body: bodies[i++ % bodies.length] }) }],
  });
  if (i - from > bodies.length)
    console.warn(`${engine}: bodies reused (set BENCH_BODIES higher): 200s counted`);
  const row: Row = {
    engine,
    connections,
    'responses/s': Math.round(result['2xx'] / DURATION_S),
    'p50 ms': result.latency.p50,
    'p99 ms': result.latency.p99,
    'max ms': result.latency.max,
    stored: result['2xx'],
    'not 2xx': result.non2xx + result.errors + result.timeouts,
  };
  return { row, used: i - from };
}

/** Runs both connection counts against one server; a fresh store per engine, bodies never repeated within it. */
async function bench(engine: string, env: Record<string, string>, bodies: string[]): Promise<Row[]> {
  const port = 18_000 + Math.floor(Math.random() * 1000);
  const server = await startServer(port, env);
  const rows: Row[] = [];
  try {
    let next = 0;
    for (const connections of CONNECTIONS) {
      const { row, used } = await run(engine, port, connections, bodies, next);
      rows.push(row);
      next += used;
    }
  } finally {
    server.kill('SIGTERM');
    await new Promise((done) => server.once('exit', done));
  }
  return rows;
}

const bodies = makeBodies(BODIES);
const meanBytes = Math.round(bodies.reduce((n, b) => n + Buffer.byteLength(b), 0) / bodies.length);
const rows: Row[] = [];

const dataDir = mkdtempSync(join(tmpdir(), 'saualnama-bench-'));
try {
  rows.push(...(await bench('sqlite', { DATA_DIR: dataDir }, bodies)));
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}

const databaseUrl = process.env.DATABASE_URL;
if (databaseUrl) {
  const schema = `bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  const pgDir = mkdtempSync(join(tmpdir(), 'saualnama-bench-'));
  try {
    rows.push(
      ...(await bench(
        'postgres',
        { DATA_DIR: pgDir, DATABASE_URL: withSchema(databaseUrl, schema) },
        bodies,
      )),
    );
  } finally {
    await admin.query(`DROP SCHEMA ${schema} CASCADE`);
    await admin.end();
    rmSync(pgDir, { recursive: true, force: true });
  }
}

console.log(
  `ingest: POST /api/surveys/roadmap-needs/responses, ${bodies.length.toLocaleString('en-US')} distinct demo ` +
    `responses (mean body ${meanBytes} bytes), ${DURATION_S} s per run, app server, database and load generator ` +
    `on one machine${databaseUrl ? '' : ' (set DATABASE_URL=postgres://… to add PostgreSQL)'}`,
);
console.table(rows);
console.log(
  `machine: ${describeMachine()}, load average ${loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')}`,
);
