// Dashboard benchmark: with demo data (BENCH_RESPONSES, default 1,000,000, made by `npm run cli -- demo`), times
// summary, crosstab by region and by another question, coverage and text over HTTP as a signed-in admin (exact
// counts), the summary, crosstab and coverage again as an author (counts perturbed by the cell key method), and the
// cost of counting at insert. Goals: summary ≤ 100 ms, crosstab by region ≤ 50 ms, question × question ≤ 3 s.
// BENCH_DATA_DIR keeps the data between runs (a million responses take minutes to make). Prints; asserts nothing.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { countPlansOf } from '../exports/aggregates/count-plan';
import { createApp } from '../server/app';
import type { Catalog } from '../server/catalog/load';
import { boot, DATABASE_FILE } from '../server/boot';
import { DEFAULT_CONFIG } from '../server/http/deps';
import { hashPassword } from '../server/domain/passwords';
import { openSqliteStore, type NewResponse } from '../server/store';
import { countStoredResponses, storedResponses } from '../test/support/database-file';
import { describeMachine } from './machine';
import { fillSimple } from './summary-data';

const ROOT = resolve(import.meta.dirname, '..');
const SURVEYS = join(ROOT, 'surveys');
const SURVEY = 'roadmap-needs';
const RESPONSES = Number(process.env.BENCH_RESPONSES ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const keep = process.env.BENCH_DATA_DIR;
const dataDir = keep ? resolve(keep) : mkdtempSync(join(tmpdir(), 'saualnama-bench-summary-'));
const n = (x: number) => x.toLocaleString('en-US');

/** Responses of the survey already in the data folder. */
function stored(): number {
  if (!existsSync(join(dataDir, DATABASE_FILE))) return 0;
  return countStoredResponses(join(dataDir, DATABASE_FILE), { surveyId: SURVEY });
}

/**
 * Fills the data folder up to RESPONSES with the demo generator (idempotent per seed: a rerun adds what is missing);
 * if that fails, with plain synthetic data of the same shape (bench/summary-data.ts), and says so.
 */
async function ensureData(): Promise<string> {
  const have = stored();
  if (have >= RESPONSES) return `${n(have)} responses already in ${dataDir}`;
  const started = performance.now();
  const took = () => `${((performance.now() - started) / 1000).toFixed(0)} s`;
  if (process.env.BENCH_DATA !== 'simple') {
    console.log(`data: making ${n(RESPONSES)} demo responses in ${dataDir} (npm run cli -- demo) ...`);
    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'server/cli/main.ts', 'demo', '--responses', String(RESPONSES), '--survey', SURVEY],
      {
        cwd: ROOT,
        env: { ...process.env, DATA_DIR: dataDir, SURVEYS_DIR: SURVEYS },
        stdio: ['ignore', 'inherit', 'inherit'],
      },
    );
    if (run.status === 0) return `npm run cli -- demo made them in ${took()}`;
    console.log(
      `data: npm run cli -- demo failed (exit ${run.status}); filling up with plain synthetic data instead`,
    );
  }
  const { store, catalog } = await boot({ dataDir, surveysDir: SURVEYS });
  await fillSimple(
    store,
    catalog,
    SURVEY,
    RESPONSES,
    (done) => done % 100_000 === 0 && console.log(`data: ${n(done)} …`),
  );
  await store.close();
  return `bench/summary-data.ts filled up to ${n(RESPONSES)} in ${took()} (demo answers were ${n(have)} at the start)`;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function timeHttp(url: string, cookie: string, path: string) {
  const times: number[] = [];
  const cpu: number[] = [];
  let bytes = 0;
  let status = 0;
  for (let i = 0; i <= RUNS; i++) {
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    // gzip, as a browser asks: the time includes compressing the reply.
    const res = await fetch(`${url}${path}`, { headers: { cookie, 'accept-encoding': 'gzip' } });
    bytes = (await res.arrayBuffer()).byteLength;
    status = res.status;
    const used = process.cpuUsage(cpuStarted);
    // The first run warms the JIT and the page cache.
    if (i > 0) {
      times.push(performance.now() - started);
      cpu.push((used.user + used.system) / 1000);
    }
  }
  return { status, median: median(times), max: Math.max(...times), cpu: median(cpu), bytes };
}

/** CPU µs per response that counting adds, one transaction per 500 each way (wall time on a busy box says little). */
async function insertCost(catalog: Catalog, sample: NewResponse[]) {
  const plans = countPlansOf(catalog.surveys);
  const perResponse = async (withCounts: boolean) => {
    const dir = mkdtempSync(join(tmpdir(), 'saualnama-bench-i-'));
    const store = openSqliteStore(
      join(dir, DATABASE_FILE),
      withCounts ? { projections: { countPlans: plans } } : {},
    );
    await store.publishVersions(
      catalog.surveys.flatMap((s) =>
        s.versions.map((v) => ({ surveyId: s.id, version: v.version, sha256: v.sha256 })),
      ),
      'now',
    );
    for (const b of new Set(sample.map((r) => r.briefing).filter((b) => b !== null)))
      await store.addBriefing(
        {
          slug: b,
          surveyId: SURVEY,
          region: 'KZ-10',
          city: 'x',
          date: '2023-09-15',
          title: { kk: b, ru: b, en: b },
        },
        'now',
      );
    const started = process.cpuUsage();
    for (let i = 0; i < sample.length; i += 500) await store.insertResponses(sample.slice(i, i + 500));
    const used = process.cpuUsage(started);
    const us = (used.user + used.system) / sample.length;
    await store.close();
    rmSync(dir, { recursive: true, force: true });
    return us;
  };
  await perResponse(true); // warm-up
  const without = await perResponse(false);
  const withCounts = await perResponse(true);
  return { without, withCounts };
}

const made = await ensureData();
const { store, catalog } = await boot({ dataDir, surveysDir: SURVEYS });
const survey = catalog.getSurvey(SURVEY)!;
const total = countStoredResponses(join(dataDir, DATABASE_FILE), { surveyId: SURVEY });
const briefing =
  (await store.listBriefings()).find((b) => b.surveyId === SURVEY && b.region === 'KZ-10')?.slug ?? '';
await ensureUser();
const app = createServer(
  createApp({
    store,
    catalog,
    clock: () => new Date(),
    config: { ...DEFAULT_CONFIG, clientDir: join(ROOT, 'dist/client') },
    log: () => {},
  }),
);
app.listen(0, '127.0.0.1');
await new Promise((ok) => app.once('listening', ok));
const url = `http://127.0.0.1:${(app.address() as AddressInfo).port}`;
const cookie = await signIn();
const authorCookie = await signIn('bench-author@example.kz');

async function ensureUser() {
  for (const [email, role] of [
    ['bench@example.kz', 'admin'],
    ['bench-author@example.kz', 'author'],
  ] as const) {
    if (await store.getUserCredentials(email)) continue;
    await store.addUser({
      email,
      role,
      regions: null,
      passwordHash: await hashPassword('bench password'),
      createdAt: new Date().toISOString(),
    });
  }
}

async function signIn(email = 'bench@example.kz'): Promise<string> {
  const res = await fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url },
    body: JSON.stringify({ email, password: 'bench password' }),
  });
  if (res.status !== 204) throw new Error(`sign-in failed: ${res.status}`);
  return res.headers.getSetCookie()[0]!.split(';')[0]!;
}

const db = join(dataDir, DATABASE_FILE);
const size = [db, `${db}-wal`].reduce((s, f) => s + (existsSync(f) ? statSync(f).size : 0), 0);
const stats = new Database(db, { readonly: true });
const rowsOf = (table: string) => n(stats.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number);
console.log(
  `summary: ${n(total)} ${SURVEY} responses (v${survey.versions.map((v) => v.version).join(', v')}), ` +
    `database ${(size / 2 ** 30).toFixed(2)} GiB, ${rowsOf('answer_counts')} count rows, ${rowsOf('answer_records')} record chunks; ` +
    `median of ${RUNS} HTTP requests after one warm-up; CPU ms is this process's (server and client) CPU time per ` +
    `request, steadier than wall time on a busy machine`,
);
stats.close();
console.log(`data: ${made}`);
console.log(
  `machine: ${describeMachine()}; load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
if (RESPONSES < 1_000_000)
  console.log(`NOTE: BENCH_RESPONSES=${n(RESPONSES)}: the goals are stated for 1,000,000.`);

const base = `/api/surveys/${SURVEY}`;
const cases: [string, string, number, ('author' | 'admin')?][] = [
  ['summary', `${base}/summary`, 100],
  ['summary', `${base}/summary?region=KZ-10`, 100],
  ['summary', `${base}/summary?region=KZ-10,KZ-55,KZ-63,KZ-75`, 100],
  ['summary', `${base}/summary?version=2`, 100],
  ['summary', `${base}/summary?briefing=${briefing}`, 100],
  ['summary', `${base}/summary?from=2023-11-01&to=2024-01-31`, 100],
  ['summary', `${base}/summary?from=2023-09-20&to=2024-03-20&region=KZ-75,KZ-79&version=1`, 100],
  ['crosstab by region', `${base}/crosstab?question=top_needs&by=region`, 50],
  ['crosstab by region', `${base}/crosstab?question=problems_severity&by=region&from=2023-10-01`, 50],
  ['crosstab by region', `${base}/crosstab?question=role&by=region&version=2`, 50],
  ['question × question', `${base}/crosstab?question=top_needs&by=role`, 3000],
  ['question × question', `${base}/crosstab?question=problems_severity&by=settlement_type`, 3000],
  ['question × question', `${base}/crosstab?question=practices_used&by=activity_fields`, 3000],
  [
    'question × question',
    `${base}/crosstab?question=roadmap_vectors&by=front_office_exists&region=KZ-10`,
    3000,
  ],
  ['coverage', `${base}/coverage`, 100],
  ['text', `${base}/text/roadmap_proposals`, 100],
  ['text search', `${base}/text/roadmap_proposals?q=${encodeURIComponent('офис')}`, 3000],
  // A word nobody wrote: the search reads every text of the filter before it can say so.
  ['text search', `${base}/text/roadmap_proposals?q=${encodeURIComponent('жоқсөз')}`, 3000],
  // An author's numbers go through the perturbation table: the same sums, plus a lookup per cell.
  ['summary, author', `${base}/summary`, 100, 'author'],
  ['summary, author', `${base}/summary?from=2023-11-01&to=2024-01-31`, 100, 'author'],
  ['crosstab by region, author', `${base}/crosstab?question=top_needs&by=region`, 50, 'author'],
  ['crosstab by region, author', `${base}/crosstab?question=role&by=region&version=2`, 50, 'author'],
  ['coverage, author', `${base}/coverage`, 100, 'author'],
];
const rows = [];
for (const [kind, path, goal, as] of cases) {
  const t = await timeHttp(url, as === 'author' ? authorCookie : cookie, path);
  rows.push({
    kind,
    request: path.replace(base, ''),
    status: t.status,
    'median ms': +t.median.toFixed(1),
    'max ms': +t.max.toFixed(1),
    'CPU ms': +t.cpu.toFixed(1),
    'goal ms': goal,
    'JSON KB': Math.round(t.bytes / 1024),
    met: t.median <= goal ? 'yes' : 'NO',
  });
}
console.table(rows);

const sample: NewResponse[] = [];
for (const r of storedResponses(
  join(dataDir, DATABASE_FILE),
  { surveyId: SURVEY, from: '2023-10-01T00:00:00Z' },
  10_000,
)) {
  const i = sample.length;
  sample.push({
    ...r,
    id: `20000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    locale: r.locale as NewResponse['locale'],
    contacts: null,
    contentHash: `h${i}`,
  });
  if (sample.length === 10_000) break;
}
app.close();
await store.close();
const cost = await insertCost(catalog, sample);
console.log(
  `insert cost on ${n(sample.length)} ${SURVEY} responses (one transaction per 500, CPU time): ` +
    `${cost.without.toFixed(0)} µs each without counting, ${cost.withCounts.toFixed(0)} µs with (+${(cost.withCounts - cost.without).toFixed(0)} µs)`,
);
if (!keep) rmSync(dataDir, { recursive: true, force: true });
process.exit(0);
