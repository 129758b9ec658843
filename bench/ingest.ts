// Ingest benchmark: the real server as a child process, autocannon posting distinct, valid responses to
// POST /responses at 10 and 50 connections. Prints responses/s and latency percentiles.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import autocannon from 'autocannon';
import { describeMachine } from './machine';

const ROOT = resolve(import.meta.dirname, '..');
const PORT = 18_000 + Math.floor(Math.random() * 1000);
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 10);

/** A valid answer set for the example survey; varied so no two bodies are alike. */
function answers(i: number) {
  const regions = ['KZ-10', 'KZ-55', 'KZ-63', 'KZ-71', 'KZ-75', 'KZ-79'];
  return {
    region: regions[i % regions.length],
    role: ['volunteer', 'ngo_staff', 'akimat'][i % 3],
    top_needs: [['funding'], ['training', 'premises'], []][i % 3],
    cooperation: 1 + (i % 5),
    proposal: `Ұсыныс №${i}: өңірлік Фронт-офисті күшейту`,
  };
}

async function startServer(dataDir: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(PORT),
      DATA_DIR: dataDir,
      SURVEYS_DIR: join(ROOT, 'test/fixtures/surveys'),
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

async function run(connections: number) {
  let i = 0;
  const result = await autocannon({
    url: `http://127.0.0.1:${PORT}/api/surveys/example/responses`,
    connections,
    duration: DURATION_S,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    requests: [
      {
        setupRequest: (req) => ({
          ...req,
          body: JSON.stringify({ id: randomUUID(), version: 1, locale: 'kk', data: answers(i++) }),
        }),
      },
    ],
  });
  const ok = result['2xx'];
  const bad = result.non2xx + result.errors + result.timeouts;
  return {
    connections,
    'responses/s': Math.round(ok / DURATION_S),
    'p50 ms': result.latency.p50,
    'p99 ms': result.latency.p99,
    'max ms': result.latency.max,
    stored: ok,
    'not 2xx': bad,
  };
}

const dataDir = mkdtempSync(join(tmpdir(), 'saualnama-bench-'));
const server = await startServer(dataDir);
try {
  console.log(
    `ingest: POST /api/surveys/example/responses, ${DURATION_S} s per run, synchronous=FULL + group commit`,
  );
  console.log(`machine: ${describeMachine()}`);
  const rows = [];
  for (const connections of [10, 50]) rows.push(await run(connections));
  console.table(rows);
} finally {
  server.kill('SIGTERM');
  rmSync(dataDir, { recursive: true, force: true });
}
