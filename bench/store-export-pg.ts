// Export reads on PostgreSQL through the store's cursor (server/store-pg/export-reader.ts), no HTTP: `roadmap-needs`
// demo responses (100,000; BENCH_EXPORT_N to change), stored with their CSV lines, then read as rows (the JSON answers
// every export format but the default CSV flattens) and as stored lines (the default CSV), with the reader's time,
// rows/s and the process's peak RSS growth; then a question-by-question table and a text search over them.
// PostgreSQL: TEST_DATABASE_URL or the tests' database (.test-database-url), in a schema made and dropped here.
// Run: BENCH_EXPORT_N=100000 nice -n 5 node --import tsx bench/store-export-pg.ts
import { randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { projectionPlansOf } from '../exports/projections';
import { loadCatalog } from '../server/catalog/load';
import { demoPlan, demoResponse } from '../server/cli/demo/generate';
import type { NewResponse } from '../server/store';
import { openPostgresStore } from '../server/store-pg';
import { freshSchema, testDatabaseUrl } from '../test/support/postgres';
import { describeMachine } from './machine';

const N = Number(process.env.BENCH_EXPORT_N ?? 100_000);
const { catalog } = loadCatalog(join(import.meta.dirname, '..', 'surveys'));
const survey = catalog.surveys.find((s) => s.id === 'roadmap-needs')!;
const plan = demoPlan(survey);
const plans = projectionPlansOf(catalog.surveys);
const layout = plans.lineRenderers!.find((r) => r.surveyId === 'roadmap-needs')!.key;
const BASE = Array.from({ length: 2000 }, (_, i) => demoResponse(plan, 11, i).response);

const made = (n: number): NewResponse => {
  const base = BASE[n % BASE.length]!;
  return { ...base, id: randomUUID(), briefing: null, contentHash: `bench-${n}` };
};

console.log(`PostgreSQL export reads, roadmap-needs, ${N.toLocaleString('en')} responses`);
console.log(describeMachine());
console.log(`PostgreSQL: ${testDatabaseUrl().replace(/:[^:@/]*@/, ':…@')}`);
const schema = await freshSchema();
const store = await openPostgresStore(schema.url, { projections: plans, poolSize: 4 });
try {
  await store.publishVersions(
    survey.versions.map((v) => ({ surveyId: v.surveyId, version: v.version, sha256: v.sha256 })),
    new Date().toISOString(),
  );
  let started = performance.now();
  for (let from = 0; from < N; from += 2000)
    await store.insertResponses(Array.from({ length: Math.min(2000, N - from) }, (_, k) => made(from + k)));
  console.log(
    `stored in ${((performance.now() - started) / 1000).toFixed(1)} s (bulk, with counts, texts, lines)`,
  );

  const measure = async (what: string, read: () => AsyncIterable<unknown[]>) => {
    const rss = process.memoryUsage().rss;
    let peak = 0;
    let rows = 0;
    started = performance.now();
    let first = 0;
    for await (const batch of read()) {
      if (rows === 0) first = performance.now() - started;
      rows += batch.length;
      peak = Math.max(peak, process.memoryUsage().rss - rss);
    }
    const s = (performance.now() - started) / 1000;
    console.log(
      `| ${what} | ${rows.toLocaleString('en')} | ${first.toFixed(0)} | ${s.toFixed(2)} | ` +
        `${Math.round(rows / s).toLocaleString('en')} | ${(peak / 2 ** 20).toFixed(0)} |`,
    );
  };
  console.log(
    '| read | rows | first batch ms | total s | rows/s | RSS growth MiB |\n| --- | --- | --- | --- | --- | --- |',
  );
  const reader = await store.openExportReader();
  try {
    await measure('rows (JSON answers)', () =>
      reader.rows({ surveyId: 'roadmap-needs' }, { contacts: false }),
    );
    await measure('rows with contacts', () => reader.rows({ surveyId: 'roadmap-needs' }, { contacts: true }));
    await measure('stored CSV lines', () => reader.lines({ surveyId: 'roadmap-needs' }, layout));
  } finally {
    await reader.close();
  }
  const single = survey.versions.at(-1)!;
  const by = plans
    .countPlans!.find((p) => p.surveyId === 'roadmap-needs' && p.version === single.version)!
    .questions.find((q) => q.kind === 'single')!;
  const target = plans
    .countPlans!.find((p) => p.surveyId === 'roadmap-needs' && p.version === single.version)!
    .questions.find((q) => q.kind === 'multi')!;
  started = performance.now();
  await store.tallyAnswersByAnswer({ surveyId: 'roadmap-needs' }, by.name, [target.name]);
  console.log(`crosstab ${by.name} × ${target.name}: ${(performance.now() - started).toFixed(0)} ms`);
  const textKey = plans.countPlans!.find((p) => p.surveyId === 'roadmap-needs')!.texts[0]!;
  started = performance.now();
  const found = await store.listTextAnswers({
    filter: { surveyId: 'roadmap-needs' },
    key: textKey,
    search: 'жоқ',
    offset: 0,
    limit: 50,
  });
  console.log(
    `text search "жоқ" in ${textKey}: ${found.answers.length} shown, ${(performance.now() - started).toFixed(0)} ms`,
  );
  console.log(
    `load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
} finally {
  await store.close();
  await schema.drop();
}
