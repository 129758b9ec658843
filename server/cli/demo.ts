// `demo --responses N [--survey roadmap-needs] [--seed S] [--workers W]`: synthetic, validated responses for demos
// and benchmarks, written through store.insertResponses with the server's own durability (synchronous=FULL).
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DATABASE_FILE } from '../boot';
import { MAX_RESPONSES } from './demo/generate';
import { progressBar } from './demo/progress';
import { defaultWorkers, runDemo } from './demo/run';
import { cliConfig, openFromEnv } from './open';

export const USAGE =
  'usage: demo --responses N [--survey roadmap-needs] [--seed S] [--workers W] [--batch 5000]\n' +
  '       demo --remove   (removes every response and briefing a demo run wrote, and nothing else)';

function count(value: string | undefined, name: string, min: number, max: number): number | string {
  const n = Number(value);
  return Number.isInteger(n) && n >= min && n <= max
    ? n
    : `--${name} must be a whole number from ${min} to ${max.toLocaleString('en-US')}`;
}

function fileSize(path: string): number {
  return [path, `${path}-wal`].reduce((sum, f) => sum + (existsSync(f) ? statSync(f).size : 0), 0);
}

export async function demoCommand(args: string[]): Promise<number> {
  const { values: v } = parseArgs({
    args,
    options: {
      responses: { type: 'string' },
      survey: { type: 'string', default: 'roadmap-needs' },
      seed: { type: 'string', default: '1' },
      workers: { type: 'string' },
      batch: { type: 'string', default: '5000' },
      remove: { type: 'boolean', default: false },
    },
  });
  if (v.remove) {
    if (v.responses !== undefined) {
      console.error(`--remove takes no --responses\n${USAGE}`);
      return 2;
    }
    return removeDemo();
  }
  const responses = count(v.responses, 'responses', 1, MAX_RESPONSES);
  const seed = count(v.seed, 'seed', 0, 2 ** 32 - 1);
  const workers = v.workers === undefined ? defaultWorkers() : count(v.workers, 'workers', 0, 16);
  const batchSize = count(v.batch, 'batch', 1, 100_000);
  const problems = [responses, seed, workers, batchSize].filter((x) => typeof x === 'string');
  if (v.responses === undefined || problems.length > 0) {
    console.error([...problems, USAGE].join('\n'));
    return 2;
  }
  const config = cliConfig();
  const { dataDir } = config;
  const { store, catalog } = await openFromEnv(config);
  try {
    const summary = await runDemo({
      store,
      catalog,
      surveysDir: config.surveysDir,
      surveyId: v.survey,
      count: responses as number,
      seed: seed as number,
      workers: workers as number,
      batchSize: batchSize as number,
      progress: progressBar('demo', responses as number),
    });
    const n = (x: number) => x.toLocaleString('en-US');
    const rate = Math.round((summary.created + summary.duplicates) / summary.seconds);
    console.log(
      `demo: ${n(responses as number)} responses to ${v.survey} (seed ${n(seed as number)}) in ${summary.seconds.toFixed(1)} s, ${n(rate)}/s: ` +
        `${n(summary.created)} new, ${n(summary.duplicates)} already stored by an earlier run with this seed; ` +
        `${summary.briefingsAdded} demo briefings added. Every response passed the survey's validator; each batch is ` +
        // Durable as the server's own writes: SQLite's FULL sync, PostgreSQL's COMMIT after the WAL flush.
        `one transaction, committed durably as the server's are.`,
    );
    return 0;
  } finally {
    await store.close();
    const db = join(dataDir, DATABASE_FILE);
    if (existsSync(db)) console.log(`database ${db}: ${(fileSize(db) / 1024 ** 2).toFixed(0)} MB`);
  }
}

/** `demo --remove`: the same removal as the workspace's button (store/demo-data.ts). */
async function removeDemo(): Promise<number> {
  const { store } = await openFromEnv(cliConfig());
  try {
    const removed = await store.removeDemoData();
    const n = (x: number) => x.toLocaleString('en-US');
    console.log(
      `demo data removed: ${n(removed.responses)} responses and ${n(removed.briefings)} briefings` +
        (removed.surveys.length > 0 ? `; answer counts of ${removed.surveys.join(', ')} rebuilt` : ''),
    );
    if (removed.keptBriefings.length > 0)
      console.log(`kept demo briefings that real answers use: ${removed.keptBriefings.join(', ')}`);
    return 0;
  } finally {
    await store.close();
  }
}
