// A data folder filled by `npm run cli -- demo`, run as the operator runs it (its own process, the repository's
// surveys whatever SURVEYS_DIR the test run has), for tests that need realistic volumes of answers.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { expect } from 'vitest';
import { runCli } from './cli';
import { makeTempDir, REPO_SURVEYS } from './server';

const ROOT = resolve(import.meta.dirname, '../..');

/** A new temp folder holding `responses` demo responses made from `seed`; the caller removes it. */
export function demoDataDir(responses: number, seed: number): string {
  const dataDir = makeTempDir();
  const { SURVEYS_DIR: _ignored, ...env } = process.env;
  const demo = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      'server/cli/main.ts',
      'demo',
      '--responses',
      String(responses),
      '--seed',
      String(seed),
    ],
    { cwd: ROOT, env: { ...env, DATA_DIR: dataDir }, encoding: 'utf8', timeout: 120_000 },
  );
  expect(demo.status, demo.stderr).toBe(0);
  return dataDir;
}

/**
 * The same on either engine: on the integration-pg run the demo goes into the new folder's PostgreSQL schema
 * (test-database.ts), where a server started on the folder finds it. Not spawnSync: a server may be serving.
 */
export async function demoData(responses: number, seed: number): Promise<string> {
  const dataDir = makeTempDir();
  const demo = await runCli(['demo', '--responses', String(responses), '--seed', String(seed)], {
    dataDir,
    surveysDir: REPO_SURVEYS,
    timeout: 120_000,
  });
  expect(demo.status, demo.stderr).toBe(0);
  return dataDir;
}
