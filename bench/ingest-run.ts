// The ingest runs of bench/ingest.ts and bench/side-by-side.ts: the real server as a child process, autocannon
// posting distinct realistic `roadmap-needs` responses (the demo generator's, made before the clock starts) to
// POST /api/surveys/roadmap-needs/responses at 10 and 50 connections; SQLite in a fresh DATA_DIR, PostgreSQL in a
// fresh schema of DATABASE_URL's database (dropped afterwards).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { loadCatalog } from '../server/catalog/load';
import { demoPlan, demoSubmission } from '../server/cli/demo/generate';
import { withSchema } from '../test/support/postgres';
import { loadAverage, ROOT, startServer } from './child-server';

const SURVEYS = join(ROOT, 'surveys');
export const DURATION_S = Number(process.env.BENCH_SECONDS ?? 10);
export const CONNECTIONS = [10, 50];

export function makeBodies(count: number): string[] {
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

export interface IngestRow {
  engine: string;
  connections: number;
  'responses/s': number;
  'p50 ms': number;
  'p99 ms': number;
  'max ms': number;
  stored: number;
  'not 2xx': number;
  /** The 1-minute load average when the run ended. */
  load: string;
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
  const row: IngestRow = {
    engine,
    connections,
    'responses/s': Math.round(result['2xx'] / DURATION_S),
    'p50 ms': result.latency.p50,
    'p99 ms': result.latency.p99,
    'max ms': result.latency.max,
    stored: result['2xx'],
    'not 2xx': result.non2xx + result.errors + result.timeouts,
    load: loadAverage().split(' ')[0]!,
  };
  return { row, used: i - from };
}

/** Runs both connection counts against one server; a fresh store per engine, bodies never repeated within it. */
async function bench(engine: string, env: Record<string, string>, bodies: string[]): Promise<IngestRow[]> {
  const server = await startServer({
    ...env,
    SURVEYS_DIR: SURVEYS,
    // One load generator is one address: lift the per-address limit that protects the public form.
    RATE_LIMIT_BURST: '1000000000',
    RATE_LIMIT_PER_SECOND: '1000000000',
  });
  const rows: IngestRow[] = [];
  try {
    let next = 0;
    for (const connections of CONNECTIONS) {
      const { row, used } = await run(engine, server.port, connections, bodies, next);
      rows.push(row);
      next += used;
    }
  } finally {
    await server.stop();
  }
  return rows;
}

/** SQLite always; PostgreSQL too when `databaseUrl` is given. */
export async function ingestBoth(bodies: string[], databaseUrl: string | undefined): Promise<IngestRow[]> {
  const rows: IngestRow[] = [];
  const dataDir = mkdtempSync(join(tmpdir(), 'saualnama-bench-'));
  try {
    rows.push(...(await bench('sqlite', { DATA_DIR: dataDir }, bodies)));
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  if (!databaseUrl) return rows;
  const schema = `bench_ingest_${randomBytes(4).toString('hex')}`;
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
  return rows;
}
