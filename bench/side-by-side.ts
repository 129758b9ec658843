// The two engines side by side (issue 15 item 6), one table: ingest of `roadmap-needs` at 10 and 50 connections,
// the full default CSV over HTTP, the summary and the crosstab by region, at 100,000 responses (and 1,000,000 with
// BENCH_EXPORT_1M=1), each against the real server as a child process on SQLite and on PostgreSQL
// (DATABASE_URL). PostgreSQL gets the same data as SQLite through the real `npm run cli -- store copy`, which is
// timed too (bench/data-sets.ts keeps both between runs). Run: `DATABASE_URL=postgres://… npm run bench --
// side-by-side`. Prints a Markdown table and the load averages; asserts nothing.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeMachine } from './machine';
import { download, loadAverage, signIn, startServer } from './child-server';
import { ADMIN, postgresTwin, sqliteDataSet, storedResponses, type PostgresTwin } from './data-sets';
import { DURATION_S, ingestBoth, makeBodies } from './ingest-run';

const databaseUrl = process.env.DATABASE_URL || undefined;
const SIZES = [100_000, ...(process.env.BENCH_EXPORT_1M === '1' ? [1_000_000] : [])];
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const SURVEY = '/api/surveys/roadmap-needs';
const n = (x: number) => x.toLocaleString('en-US');
const short = (x: number) => (x >= 1_000_000 ? `${x / 1_000_000}M` : `${x / 1000}k`);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

interface Row {
  benchmark: string;
  SQLite: string;
  PostgreSQL: string;
  goal: string;
  /** The 1-minute load average when the row's last figure was taken. */
  load: string;
}
const rows: Row[] = [];
function put(benchmark: string, engine: 'SQLite' | 'PostgreSQL', figure: string, goal: string): void {
  let row = rows.find((r) => r.benchmark === benchmark);
  if (!row) rows.push((row = { benchmark, SQLite: '—', PostgreSQL: '—', goal, load: '' }));
  row[engine] = figure;
  row.load = loadAverage().split(' ')[0]!;
}

/** Median wall time of `runs` GETs after one warm-up; gzip for JSON, as a browser asks. */
async function medianMs(url: string, cookie: string, path: string, runs: number) {
  const times: number[] = [];
  for (let i = 0; i <= runs; i++) {
    const started = performance.now();
    const res = await fetch(`${url}${path}`, { headers: { cookie, 'accept-encoding': 'gzip' } });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
    if (i > 0) times.push(performance.now() - started);
  }
  return median(times);
}

/** CSV, summary and crosstab by region on one engine's server. */
async function readSide(engine: 'SQLite' | 'PostgreSQL', env: Record<string, string>, size: number) {
  const server = await startServer(env, { waitForLines: true });
  console.log(`  ${engine} server ready (${server.linesReady})`);
  try {
    const cookie = await signIn(server.url, ADMIN.email, ADMIN.password);
    await download(server.port, cookie, `${SURVEY}/export.csv?region=KZ-10`); // warm-up: JIT, caches
    const csvRuns = size <= 100_000 ? 3 : 1;
    const seconds: number[] = [];
    let bytes = 0;
    for (let i = 0; i < csvRuns; i++) {
      const d = await download(server.port, cookie, `${SURVEY}/export.csv`);
      if (d.status !== 200) throw new Error(`export.csv answered ${d.status}`);
      seconds.push(d.totalMs / 1000);
      bytes = d.bytes;
    }
    const csvGoal = size === 100_000 ? '≤ 0.75 s SQLite, ≤ 1.5 s PostgreSQL' : '—';
    const runs = csvRuns > 1 ? `, median of ${csvRuns}` : '';
    put(
      `CSV export ${short(size)} over HTTP (s)`,
      engine,
      `${median(seconds).toFixed(2)} s (${(bytes / 2 ** 20).toFixed(0)} MiB${runs})`,
      csvGoal,
    );
    const summary = await medianMs(server.url, cookie, `${SURVEY}/summary`, RUNS);
    put(`summary ${short(size)} (median ms)`, engine, `${summary.toFixed(1)} ms`, '≤ 100 ms');
    const crosstab = await medianMs(
      server.url,
      cookie,
      `${SURVEY}/crosstab?question=top_needs&by=region`,
      RUNS,
    );
    put(`crosstab by region ${short(size)} (median ms)`, engine, `${crosstab.toFixed(1)} ms`, '≤ 50 ms');
  } finally {
    await server.stop();
  }
}

console.log(`side by side on ${describeMachine()}; load average at the start ${loadAverage()}`);
if (!databaseUrl)
  console.log(
    'DATABASE_URL is not set: SQLite only (set DATABASE_URL=postgres://… for the PostgreSQL column)',
  );

const bodies = makeBodies(Number(process.env.BENCH_BODIES ?? 6_000 * DURATION_S));
for (const r of await ingestBoth(bodies, databaseUrl)) {
  const goal =
    r.connections === 50 ? 'SQLite ≥ 3,000/s, p99 ≤ 50 ms; PostgreSQL ≥ 2,000/s, p99 ≤ 100 ms' : '—';
  const lost = r['not 2xx'] > 0 ? `, ${n(r['not 2xx'])} not 2xx` : '';
  put(
    `ingest, ${r.connections} connections (responses/s, p99)`,
    r.engine === 'sqlite' ? 'SQLite' : 'PostgreSQL',
    `${n(r['responses/s'])}/s, p99 ${r['p99 ms']} ms${lost}`,
    goal,
  );
}

for (const size of SIZES) {
  const dataDir = sqliteDataSet(size);
  const responses = storedResponses(dataDir);
  console.log(`\n${n(responses)} responses in ${dataDir}; load average ${loadAverage()}`);
  let twin: PostgresTwin | undefined;
  if (databaseUrl) {
    // 100k is copied afresh each run (the copy is one of the figures); a kept 1M copy is reused.
    twin = await postgresTwin(databaseUrl, dataDir, size, { fresh: size === 100_000 });
    const when = twin.copiedAt.slice(0, 16).replace('T', ' ');
    put(
      `store copy ${short(size)} SQLite → PostgreSQL (s)`,
      'PostgreSQL',
      `${twin.copySeconds.toFixed(1)} s, proved equal (copied ${when} UTC)`,
      'proved equal',
    );
    console.log(`  ${twin.proof}`);
  }
  await readSide('SQLite', { DATA_DIR: dataDir }, size);
  // Its own empty DATA_DIR: the PostgreSQL server must not lean on the SQLite folder for anything.
  if (twin)
    await readSide(
      'PostgreSQL',
      { DATA_DIR: mkdtempSync(join(tmpdir(), 'saualnama-bench-')), DATABASE_URL: twin.url },
      size,
    );
}

const header = ['benchmark', 'SQLite', 'PostgreSQL', 'goal', 'load'] as const;
console.log(
  `\n| ${header.join(' | ')} |\n|${header.map(() => ' --- ').join('|')}|\n` +
    rows.map((r) => `| ${header.map((h) => r[h]).join(' | ')} |`).join('\n'),
);
console.log(
  `\nmachine: ${describeMachine()}; app server, database and load generator share it; ` +
    `load average at the end ${loadAverage()} (the load column: 1-minute load when the row was taken)`,
);
