// `npm run cli -- …` as an operator runs it: a child process on a data folder, its output collected. Never
// spawnSync while a test server lives in this process: a blocked event loop fires the server's keep-alive timers
// late, closing sockets just as fetch reuses them.
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { databaseEnv } from './test-database';

const ROOT = resolve(import.meta.dirname, '../..');

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** On the integration-pg run, the CLI gets the PostgreSQL schema behind `dataDir` as DATABASE_URL. */
export async function runCli(
  args: readonly string[],
  options: {
    dataDir: string;
    surveysDir?: string;
    env?: Record<string, string>;
    input?: string;
    timeout?: number;
  },
): Promise<CliResult> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/cli/main.ts', ...args], {
    cwd: ROOT,
    env: {
      ...process.env,
      ...(await databaseEnv(options.dataDir)),
      ...(options.surveysDir && { SURVEYS_DIR: options.surveysDir }),
      ...options.env,
    },
    timeout: options.timeout ?? 30_000,
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  child.stdin.end(options.input ?? '');
  return new Promise((ok) => child.once('close', (status) => ok({ status, stdout, stderr })));
}
