// Grid and repeat counts benchmark (issue 19 item 4): BENCH_REPEAT_RESPONSES (default 50,000) every-type responses
// (a grid, an item list, a dynamic panel with a grid inside, a dynamic matrix) stored under the count plan as it was
// before (questions only) and as it is (with the parts of grid and repeat answers): the insert time of each, the
// recount at start that a changed plan sets off, the summary's time, and the sizes of a count vector and a record.
// Prints figures and the machine; asserts nothing.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { countPlansOf } from '../exports/aggregates/count-plan';
import { summaryBody, surveyAggregates } from '../exports/aggregates/summary';
import type { VersionInput } from '../exports/questions';
import { REGION_CODES } from '../server/catalog/regions';
import { compileLayout } from '../server/store/count-layout';
import { openSqliteStore, type CountPlan, type NewResponse } from '../server/store';
import { describeMachine } from './machine';

const RESPONSES = Number(process.env.BENCH_REPEAT_RESPONSES ?? 50_000);
const version: VersionInput = {
  surveyId: 'every-type',
  version: 1,
  piiQuestions: new Set(),
  definition: JSON.parse(
    readFileSync(resolve(import.meta.dirname, '../test/fixtures/qtypes/every-type/v1.json'), 'utf8'),
  ) as VersionInput['definition'],
};
const plans = countPlansOf([{ versions: [version] }]);
const before: CountPlan[] = plans.map((p) => ({ ...p, questions: p.questions.filter((q) => !q.part) }));
const root = mkdtempSync(join(tmpdir(), 'saualnama-bench-grids-'));
const n = (x: number) => x.toLocaleString('en-US');
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

function answers(i: number): Record<string, unknown> {
  const practice = (k: number) => ({
    name: `Жастар орталығы ${i}-${k}`,
    who_runs: k % 2 ? 'group' : 'ngo',
    registered: (i + k) % 2 === 0,
    funding: ['grants'],
    ratings: { reach: { rating: 1 + ((i + k) % 5) }, cost: { rating: 1 + (i % 5) } },
  });
  return {
    region: REGION_CODES[i % REGION_CODES.length],
    knows_practices: true,
    best_practices: Array.from({ length: 1 + (i % 3) }, (_, k) => practice(k)),
    needs_table: Array.from({ length: 1 + (i % 2) }, (_, k) => ({ need: 'space', priority: 1 + (k % 3) })),
    channels_grid: { ngo: { used: true, quality: 1 + (i % 5), how: 'chat' }, akimat: { used: i % 2 === 0 } },
    team: { volunteers: 10 + (i % 90), staff: i % 5 },
  };
}

const start = Date.parse('2024-09-01T00:00:00Z');
const responses: NewResponse[] = Array.from({ length: RESPONSES }, (_, i) => {
  const data = answers(i);
  return {
    id: randomUUID(),
    surveyId: 'every-type',
    version: 1,
    locale: 'kk',
    region: String(data.region),
    briefing: null,
    startedAt: null,
    submittedAt: new Date(start + i * 60_000).toISOString(),
    answers: data,
    contacts: null,
    contentHash: `h${i}`,
  };
});

/** Stores every response under `countPlans`, in batches of 1,000; returns the file and the time taken. */
async function store(name: string, countPlans: CountPlan[]) {
  const file = join(root, `${name}.db`);
  const s = openSqliteStore(file, { projections: { countPlans } });
  await s.publishVersions([{ surveyId: 'every-type', version: 1, sha256: 'v1' }], '2024-09-01T00:00:00Z');
  const t = performance.now();
  for (let from = 0; from < RESPONSES; from += 1000)
    await s.insertResponses(responses.slice(from, from + 1000));
  const ms = performance.now() - t;
  await s.close();
  return { file, ms };
}

async function summaryMs(file: string, countPlans: CountPlan[]) {
  const s = openSqliteStore(file, { projections: { countPlans } });
  const ctx = surveyAggregates([version]);
  const filters = { regions: [], versions: [1], briefing: null, from: null, to: null };
  const times: number[] = [];
  // The first rounds warm the JIT up and are not counted.
  for (let i = -3; i < 7; i++) {
    const t = performance.now();
    const [all] = await s.tallyAnswers({ surveyId: 'every-type' }, { by: 'all' });
    summaryBody(ctx, 'every-type', filters, all?.versions ?? [], { exact: false, k: 5 });
    if (i >= 0) times.push(performance.now() - t);
  }
  await s.close();
  return times.sort((a, b) => a - b)[3]!;
}

console.log(
  `Grid and repeat counts benchmark on ${describeMachine()}, load average ${loadavg()[0]!.toFixed(1)}`,
);
const [oldLayout, newLayout] = [before[0]!, plans[0]!].map(compileLayout);
console.log(
  `  count plan: ${oldLayout!.plan.questions.length} → ${newLayout!.plan.questions.length} counted entries; ` +
    `vector ${n(oldLayout!.vectorLength)} → ${n(newLayout!.vectorLength)} int32 a key; ` +
    `record ${oldLayout!.recordLength} → ${newLayout!.recordLength} bytes a response`,
);
const old = await store('before', before);
const oldSummary = await summaryMs(old.file, before);
const fresh = await store('after', plans);
const newSummary = await summaryMs(fresh.file, plans);
console.log(
  `  ${n(RESPONSES)} responses stored: ${seconds(old.ms)} under the old plan, ${seconds(fresh.ms)} with parts`,
);
console.log(
  `  summary (tally + aggregates, median of 7): ${oldSummary.toFixed(1)} ms old plan, ${newSummary.toFixed(1)} ms with parts`,
);
const t = performance.now();
const reopened = openSqliteStore(old.file, { projections: { countPlans: plans } });
const rebuilt = performance.now() - t;
console.log(
  `  recount at start (plan changed): ${seconds(rebuilt)} for ${n(reopened.countsRebuilt[0]?.responses ?? 0)} responses`,
);
await reopened.close();
rmSync(root, { recursive: true, force: true });
