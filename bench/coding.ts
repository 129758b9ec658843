// Coding benchmark: with demo data (BENCH_RESPONSES, default 1,000,000, made by `npm run cli -- demo`), codes
// BENCH_CODED (default 50,000) answers to roadmap_proposals with five codes, then times what the issue sets goals for:
// one coding write as the route does it (the codes' transaction, then its audit line; each commit fsynced), goal
// ≤ 50 ms; and code counts by region for the question, goal ≤ 100 ms. BENCH_DATA_DIR keeps the data between runs.
// Prints; asserts nothing.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { boot } from '../server/boot';
import type { AnswerToCode, CodebookCode } from '../server/store';
import { describeMachine } from './machine';

const ROOT = resolve(import.meta.dirname, '..');
const SURVEYS = join(ROOT, 'surveys');
const SURVEY = 'roadmap-needs';
const QUESTION = 'roadmap_proposals';
const RESPONSES = Number(process.env.BENCH_RESPONSES ?? 1_000_000);
const CODED = Number(process.env.BENCH_CODED ?? 50_000);
const WRITES = 200;
const keep = process.env.BENCH_DATA_DIR;
const dataDir = keep ? resolve(keep) : mkdtempSync(join(tmpdir(), 'saualnama-bench-coding-'));
const n = (x: number) => x.toLocaleString('en-US');
const ms = (x: number) => `${x.toFixed(1)} ms`;
const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.floor(q * (xs.length - 1))]!;

console.log(`machine: ${describeMachine()}`);
let started = performance.now();
/** Responses the kept data folder already holds (a read-only look; the demo's rerun would regenerate them all). */
function alreadyStored(): number {
  const file = join(dataDir, 'saualnama.db');
  if (!existsSync(file)) return 0;
  const db = new Database(file, { readonly: true });
  const row = db.prepare('SELECT count(*) AS n FROM responses WHERE survey_id = ?').get(SURVEY) as {
    n: number;
  };
  db.close();
  return row.n;
}
if (alreadyStored() < RESPONSES) {
  const demo = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'server/cli/main.ts', 'demo', '--responses', String(RESPONSES), '--survey', SURVEY],
    {
      cwd: ROOT,
      env: { ...process.env, DATA_DIR: dataDir, SURVEYS_DIR: SURVEYS },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  if (demo.status !== 0) throw new Error(`npm run cli -- demo failed (exit ${demo.status})`);
}
console.log(
  `data: ${n(RESPONSES)} demo responses in ${dataDir} (${((performance.now() - started) / 1000).toFixed(0)} s)`,
);

const { store } = await boot({ dataDir, surveysDir: SURVEYS });
const at = new Date().toISOString();
const codes: CodebookCode[] = [];
for (const code of ['premises', 'training', 'funding', 'staff', 'other']) {
  const found = await store.getCode(SURVEY, QUESTION, code);
  if (found) {
    codes.push(found);
    continue;
  }
  const added = await store.addCode({
    surveyId: SURVEY,
    question: QUESTION,
    code,
    labels: { kk: code, ru: code, en: code },
    description: '',
    parent: null,
    rules: [],
    at,
  });
  if (!added.ok) throw new Error(added.refusal);
  codes.push(added.code);
}

// The answers not coded yet: the first CODED get a code each (one transaction per code), the rest are for timing.
const uncoded: AnswerToCode[] = [];
for await (const { answer } of store.iterateUncodedTexts({ surveyId: SURVEY }, QUESTION, QUESTION))
  uncoded.push(answer);
const existing = (await store.tallyCodes({ surveyId: SURVEY }, QUESTION)).reduce(
  (s, r) => s + (r.codeId === 0 ? r.n : 0),
  0,
);
const timed = uncoded.splice(0, WRITES);
const toCode = uncoded.splice(0, Math.max(0, CODED - existing));
started = performance.now();
for (const [i, code] of codes.entries())
  await store.codeAnswers(
    toCode.filter((_, j) => j % codes.length === i),
    QUESTION,
    code.id,
    'bench@example.kz',
    at,
  );
console.log(
  `coded: ${n(existing + toCode.length)} answers of ${QUESTION} (${n(uncoded.length + timed.length)} left uncoded); ` +
    `${n(toCode.length)} coded now in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);

// One write as PUT /api/responses/:id/codes/:question does it: look the answer up, replace its codes, audit.
const writes: number[] = [];
for (const answer of timed) {
  const t0 = performance.now();
  const found = (await store.getAnswerToCode(answer.responseId, QUESTION))!;
  await store.setAnswerCodes(
    found,
    QUESTION,
    1,
    [{ codeId: codes[0]!.id, span: null }],
    'bench@example.kz',
    at,
  );
  await store.recordAudit({
    at,
    actor: 'bench@example.kz',
    action: 'answer-coded',
    address: null,
    details: {},
  });
  writes.push(performance.now() - t0);
}
console.log(
  `coding write (lookup, codes, audit; two fsynced commits), ${writes.length} writes: ` +
    `median ${ms(quantile(writes, 0.5))}, p95 ${ms(quantile(writes, 0.95))}, max ${ms(Math.max(...writes))} (goal ≤ 50 ms)`,
);

for (const [label, filter] of [
  ['all regions', { surveyId: SURVEY }],
  ['one region (KZ-10)', { surveyId: SURVEY, regions: ['KZ-10'] }],
] as const) {
  const times: number[] = [];
  for (let i = 0; i < 21; i++) {
    const t0 = performance.now();
    await store.tallyCodes(filter, QUESTION);
    times.push(performance.now() - t0);
  }
  console.log(
    `code counts by region, ${label}: median ${ms(quantile(times, 0.5))}, max ${ms(Math.max(...times))} (goal ≤ 100 ms)`,
  );
}
console.log(
  `load average: ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
await store.close();
if (!keep) rmSync(dataDir, { recursive: true, force: true });
