// Store ingest, both engines side by side: `roadmap-needs` responses made by the demo generator (realistic, all
// distinct, validated), submitted straight to the store's group commit by 10 and 50 concurrent writers (each waits
// for its reply, then sends the next), for BENCH_SECONDS each. This measures the engines (batched transaction,
// counts, fsync), not HTTP: bench/ingest.ts measures the whole server. PostgreSQL: TEST_DATABASE_URL or the
// tests' database (.test-database-url), in a schema made and dropped here.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { countPlansOf } from '../exports/aggregates/count-plan';
import { lineRenderersOf } from '../exports/lines';
import { loadCatalog } from '../server/catalog/load';
import { demoPlan, demoResponse } from '../server/cli/demo/generate';
import { openSqliteStore, type NewResponse, type SubmitOutcome } from '../server/store';
import { openPostgresStore } from '../server/store-pg';
import { freshSchema, testDatabaseUrl } from '../test/support/postgres';
import { makeTempDir } from '../test/support/server';
import { describeMachine } from './machine';

const DURATION_S = Number(process.env.BENCH_SECONDS ?? 10);
const ROOT = join(import.meta.dirname, '..');
const { catalog } = loadCatalog(join(ROOT, 'surveys'));
const survey = catalog.surveys.find((s) => s.id === 'roadmap-needs')!;
const plan = demoPlan(survey);
const countPlans = countPlansOf(catalog.surveys);
const versions = survey.versions.map((v) => ({ surveyId: v.surveyId, version: v.version, sha256: v.sha256 }));

/**
 * Answer sets drawn before the runs (the generator validates each draw: too slow to sit in the timed loop), each
 * sent many times under a new id with a numbered free text, so that no two stored responses are alike.
 */
const BASE = Array.from({ length: 3000 }, (_, i) => demoResponse(plan, 7, i).response);
const textKey = (answers: Record<string, unknown>) =>
  Object.keys(answers).find((k) => typeof answers[k] === 'string' && k !== 'region' && k !== 'role');
let made = 0;
function next(): NewResponse {
  const base = BASE[made % BASE.length]!;
  const n = made++;
  const key = textKey(base.answers) ?? 'bench_note';
  return {
    ...base,
    id: randomUUID(),
    briefing: null,
    answers: { ...base.answers, [key]: `${String(base.answers[key] ?? '')} (${n})` },
    contentHash: `bench-${n}`,
  };
}

interface Engine {
  name: string;
  submit(r: NewResponse): Promise<SubmitOutcome>;
  close(): Promise<void>;
}

async function run(engine: Engine, connections: number) {
  const latencies: number[] = [];
  const until = performance.now() + DURATION_S * 1000;
  const writer = async () => {
    while (performance.now() < until) {
      const r = next();
      const started = performance.now();
      const outcome = await engine.submit(r);
      if (outcome.status !== 'created') throw new Error(`expected created, got ${outcome.status}`);
      latencies.push(performance.now() - started);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: connections }, writer));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!;
  return { perSecond: latencies.length / seconds, p50: at(0.5), p99: at(0.99) };
}

async function sqlite(): Promise<Engine> {
  const store = openSqliteStore(join(makeTempDir('saualnama-bench-'), 'saualnama.db'), {
    projections: { countPlans, lineRenderers: lineRenderersOf(catalog.surveys) },
  });
  await store.publishVersions(versions, new Date().toISOString());
  return { name: 'SQLite', submit: (r) => store.submitResponse(r), close: async () => store.close() };
}

async function postgres(): Promise<Engine> {
  const schema = await freshSchema();
  const store = await openPostgresStore(schema.url, { countPlans });
  await store.publishVersions(versions, new Date().toISOString());
  return {
    name: 'PostgreSQL',
    submit: (r) => store.submitResponse(r),
    async close() {
      await store.close();
      await schema.drop();
    },
  };
}

const sample = JSON.stringify(demoResponse(plan, 7, 0).response.answers).length;
console.log(`store ingest, roadmap-needs (answers ~${sample} bytes of JSON), ${DURATION_S} s per run`);
console.log(describeMachine());
console.log(`PostgreSQL: ${testDatabaseUrl().replace(/:[^:@/]*@/, ':…@')}`);
const rows: string[] = [];
for (const open of [sqlite, postgres]) {
  const engine = await open();
  for (const connections of [10, 50]) {
    const r = await run(engine, connections);
    rows.push(
      `| ${engine.name} | ${connections} | ${Math.round(r.perSecond).toLocaleString('en')} | ` +
        `${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} |`,
    );
  }
  await engine.close();
}
console.log('| engine | writers | responses/s | p50 ms | p99 ms |\n| --- | --- | --- | --- | --- |');
for (const row of rows) console.log(row);
