// Starts the real app on an ephemeral port with a fresh SQLite file in a temp dir; closes and cleans up.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createApp } from '../../server/app';
import { boot, type Booted } from '../../server/boot';
import { answerClientErrors } from '../../server/http/client-errors';
import { DEFAULT_CONFIG, type AppConfig } from '../../server/http/deps';

export const FIXTURE_SURVEYS = resolve(import.meta.dirname, '../fixtures/surveys');
export const REPO_SURVEYS = resolve(import.meta.dirname, '../../surveys');
export const CLIENT_DIR = resolve(import.meta.dirname, '../../dist/client');

export interface TestServer {
  url: string;
  dataDir: string;
  surveysDir: string;
  store: Booted['store'];
  /** Log lines the app wrote (unexpected errors); tests check none leaked. */
  logged: string[];
  /** The node server, for tests that cut a request off mid-way. */
  http: Server;
  close(): Promise<void>;
}

export function makeTempDir(prefix = 'saualnama-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A private copy of a surveys folder, so a test may edit files without touching the fixtures. */
export function copySurveys(from = FIXTURE_SURVEYS): string {
  const dir = makeTempDir('saualnama-surveys-');
  cpSync(from, dir, { recursive: true });
  return dir;
}

export async function startServer(
  options: {
    surveysDir?: string;
    dataDir?: string;
    config?: Partial<AppConfig>;
    clock?: () => Date;
    /** A fixed port, to restart a server where a browser expects it; ephemeral by default. */
    port?: number;
  } = {},
): Promise<TestServer> {
  const dataDir = options.dataDir ?? makeTempDir();
  const surveysDir = options.surveysDir ?? FIXTURE_SURVEYS;
  const { store, catalog } = boot({ dataDir, surveysDir });
  const logged: string[] = [];
  const app = createApp({
    store,
    catalog,
    clock: options.clock ?? (() => new Date()),
    config: { ...DEFAULT_CONFIG, clientDir: CLIENT_DIR, ...options.config },
    log: (message, error) => logged.push(`${message} ${String(error)}`),
  });
  const server = createServer(app);
  answerClientErrors(server);
  server.listen(options.port ?? 0, '127.0.0.1');
  await new Promise<void>((ok) => server.once('listening', ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    dataDir,
    surveysDir,
    store,
    logged,
    http: server,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((ok) => server.close(() => ok()));
      store.close();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
