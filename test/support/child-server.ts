// The real server as an operator runs it (`node --import tsx server/main.ts`) in a child process, for the tests that
// kill it or stop it: crash safety and graceful shutdown. Resolves once it prints the address it listens on.
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { exitOf } from './child-exit';
import { databaseEnv } from './test-database';

export const ROOT = resolve(import.meta.dirname, '../..');

export interface ChildServer {
  url: string;
  child: ChildProcess;
  /** Resolves when the process has ended, with its exit code (null when killed by a signal) and signal. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Everything it wrote to stdout and stderr so far, for failure messages. */
  output(): string;
}

/**
 * `wrap`: a command the server runs under, e.g. `['strace', '-f', …]` for the fsync probe. On the integration-pg
 * run, the server gets the PostgreSQL schema behind `env.DATA_DIR` as DATABASE_URL.
 */
export async function spawnServer(
  env: Record<string, string>,
  timeoutMs = 30_000,
  wrap: readonly string[] = [],
): Promise<ChildServer> {
  const database = env.DATA_DIR === undefined ? {} : await databaseEnv(env.DATA_DIR);
  const command = [...wrap, process.execPath, '--import', 'tsx', 'server/main.ts'];
  const child = spawn(command[0]!, command.slice(1), {
    cwd: ROOT,
    // PORT 0: the system picks a free port and the server prints it. A burst limit no test reaches: these tests
    // post from one address at full speed, which the real limit is there to stop.
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      RATE_LIMIT_BURST: '1000000000',
      ...database,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = exitOf(child);
  return new Promise((ok, fail) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      fail(new Error(`the server did not start within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /listening on (http:\/\/[\d.]+:\d+)/.exec(output)?.[1];
      if (url) {
        clearTimeout(timer);
        ok({ url, child, exited, output: () => output });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      fail(new Error(`the server exited (${code ?? signal}) before listening:\n${output}`));
    });
  });
}
