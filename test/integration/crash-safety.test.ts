// Crash safety, the way SQLite tests itself: the real server in a child process takes posts from many concurrent
// clients (new responses and retries) and is killed with SIGKILL at seeded random moments, once also during start-up;
// after each kill the database must hold every acknowledged response exactly once and nothing partial. Then the same
// for `npm run cli -- demo` killed midway. CRASH_SEED=<n> replays a run; the seed is printed.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { exampleAnswers } from '../support/answers';
import { exitOf } from '../support/child-exit';
import { ROOT, spawnServer } from '../support/child-server';
import { databaseHealth, recountReport, storedResponses } from '../support/db-check';
import { seededRandom } from '../support/seeded-random';
import { FIXTURE_SURVEYS, makeTempDir, REPO_SURVEYS } from '../support/server';

const SEED = Number(process.env.CRASH_SEED ?? Date.now() % 1_000_000);
const random = seededRandom(SEED);
const between = (min: number, max: number) => Math.floor(min + random() * (max - min));
const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));
const KILLS = 4;
const CLIENTS = 12;
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
console.log(`crash-safety: CRASH_SEED=${SEED}`);

interface Sent {
  body: { id: string; data: Record<string, unknown> } & Record<string, unknown>;
  acked: boolean;
}

/** A new response; a third of them leave contact details, which are stored apart in the same transaction. */
function newBody(): Sent['body'] {
  const contact = random() < 0.33;
  const data = exampleAnswers({
    region: ['KZ-10', 'KZ-55', 'KZ-71'][between(0, 3)],
    cooperation: between(1, 6),
    ...(contact && { consent: true, email: `r${between(0, 1e6)}@example.kz` }),
  });
  return { id: randomUUID(), version: 1, locale: 'ru', data };
}

/**
 * Posts until `stopped()`: mostly new responses, one in six a retry of an earlier one (acknowledged or not). An
 * acknowledged response retried must get 200: a 201 would mean the first acknowledgement was lost.
 */
async function client(url: string, sent: Map<string, Sent>, stopped: () => boolean, violations: string[]) {
  while (!stopped()) {
    const known = [...sent.values()];
    const retry = known.length > 0 && random() < 1 / 6 ? known[between(0, known.length)]! : undefined;
    const entry = retry ?? { body: newBody(), acked: false };
    const wasAcked = entry.acked;
    sent.set(entry.body.id, entry);
    let status: number;
    try {
      const res = await fetch(`${url}/api/surveys/example/responses`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(entry.body),
      });
      status = res.status;
      await res.arrayBuffer();
    } catch {
      continue; // killed while in flight: the outcome is unknown, and either is allowed
    }
    if (status === 201 || status === 200) entry.acked = true;
    else violations.push(`${entry.body.id}: answered ${status}`);
    if (wasAcked && status === 201)
      violations.push(`${entry.body.id}: acknowledged, then stored again (201 on retry)`);
  }
}

/** What must hold after every kill. */
async function expectConsistent(dataDir: string, sent: Map<string, Sent>, surveysDir: string) {
  expect(databaseHealth(dataDir)).toMatchObject({ integrity: 'ok', foreignKeyViolations: 0 });
  const stored = storedResponses(dataDir);
  for (const [id, { body, acked }] of sent) {
    const row = stored.get(id);
    if (acked) expect(row, `acknowledged ${id} is missing`).toBeDefined();
    if (!row) continue;
    const { email, ...answers } = body.data;
    expect(row.answers, id).toEqual(answers);
    expect(row.hasContacts, `contacts of ${id}`).toBe(email !== undefined);
  }
  for (const id of stored.keys()) expect(sent.has(id), `${id} stored but never sent`).toBe(true);
  // Counts moved with their responses: a rebuild from the responses finds nothing to change.
  expect(await recountReport(dataDir, surveysDir)).toMatchObject({
    keysDiffering: 0,
    recordChunksDiffering: 0,
  });
  return stored.size;
}

describe('crash safety', () => {
  it(`keeps every acknowledged response exactly once through ${KILLS} SIGKILLs under concurrent posts`, async () => {
    const dataDir = makeTempDir('saualnama-crash-');
    dirs.push(dataDir);
    const env = { DATA_DIR: dataDir, SURVEYS_DIR: FIXTURE_SURVEYS };

    // Killed at a random moment of its start-up (loading, migrating, publishing versions): the next start must work.
    const early = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      cwd: ROOT,
      env: { ...process.env, ...env, PORT: '0' },
      stdio: 'ignore',
    });
    await sleep(between(400, 3500));
    early.kill('SIGKILL');
    await exitOf(early);

    const sent = new Map<string, Sent>();
    const violations: string[] = [];
    const report: string[] = [];
    for (let round = 1; round <= KILLS; round++) {
      // Half the rounds batch writes for 3 ms, so that kills also land while a batch waits for company.
      const server = await spawnServer({ ...env, GROUP_COMMIT_WINDOW_MS: round % 2 === 0 ? '3' : '0' });
      let stopped = false;
      const clients = Array.from({ length: CLIENTS }, () =>
        client(server.url, sent, () => stopped, violations),
      );
      await sleep(between(300, 1500));
      server.child.kill('SIGKILL');
      expect((await server.exited).signal).toBe('SIGKILL');
      stopped = true;
      await Promise.all(clients);
      const acked = [...sent.values()].filter((s) => s.acked).length;
      const stored = await expectConsistent(dataDir, sent, FIXTURE_SURVEYS);
      report.push(`kill ${round}: ${acked} acknowledged, ${stored} stored, ${sent.size} sent`);
    }
    console.log(`crash-safety (seed ${SEED}): ${report.join('; ')}`);
    // Retries reached acknowledged responses of earlier rounds: every one of them answered 200, none 201.
    expect(violations).toEqual([]);
  }, 90_000);

  it('leaves whole demo batches when `npm run cli -- demo` is killed midway, and a second run completes it', async () => {
    const dataDir = makeTempDir('saualnama-crash-demo-');
    dirs.push(dataDir);
    const args = [
      '--import',
      'tsx',
      'server/cli/main.ts',
      'demo',
      '--responses',
      '800',
      '--batch',
      '100',
      '--seed',
      '5',
      '--workers',
      '0',
    ];
    const { SURVEYS_DIR: _ignored, ...parentEnv } = process.env;
    const run = () =>
      spawn(process.execPath, args, {
        cwd: ROOT,
        env: { ...parentEnv, DATA_DIR: dataDir },
        stdio: ['ignore', 'pipe', 'pipe'],
      });

    const first = run();
    let stderr = '';
    // Killed at a random moment after it starts writing (its first progress line). A run that ends before any
    // progress line (done already, or failed) must not leave this waiting forever: its exit ends the wait too.
    await new Promise<void>((ok) => {
      first.stderr.on('data', (c: Buffer) => ((stderr += c.toString()), /\d+%/.test(stderr) && ok()));
      first.once('exit', () => ok());
    });
    await sleep(between(0, 500));
    first.kill('SIGKILL');
    await exitOf(first);
    const health = databaseHealth(dataDir);
    expect(health).toMatchObject({ integrity: 'ok', foreignKeyViolations: 0 });
    // Each batch is one transaction: a multiple of the batch size, never a part of one.
    expect(health.responses % 100).toBe(0);
    expect(await recountReport(dataDir, REPO_SURVEYS)).toMatchObject({
      keysDiffering: 0,
      recordChunksDiffering: 0,
    });

    const second = run();
    let stdout = '';
    second.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    const { code } = await exitOf(second);
    expect(code, stdout).toBe(0);
    const n = (x: number) => x.toLocaleString('en-US');
    expect(stdout).toContain(`${n(800 - health.responses)} new, ${n(health.responses)} already stored`);
    expect(databaseHealth(dataDir)).toMatchObject({
      integrity: 'ok',
      foreignKeyViolations: 0,
      responses: 800,
    });
    console.log(
      `crash-safety: demo killed after ${health.responses} of 800 responses; the rerun added the rest`,
    );
    // Two CLI starts under tsx, 800 validated responses and a recount: over a minute on a busy two-core machine.
  }, 120_000);
});
