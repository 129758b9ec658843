// Starts the real app on an ephemeral port with a fresh SQLite file in a temp dir; closes and cleans up. With
// SAUALNAMA_TEST_ENGINE=postgres (vitest.integration-pg.config.ts) the data folder's PostgreSQL schema instead
// (test-database.ts: fresh for a fresh folder, the same one for a server restarted on a folder).
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { boot, type Booted } from '../../server/boot';
import { DEFAULT_CONFIG, type AppConfig } from '../../server/http/deps';
import { createLogger } from '../../server/log';
import { serve } from '../../server/serve';
import { databaseUrlFor, dropDatabaseOf } from './test-database';

export const FIXTURE_SURVEYS = resolve(import.meta.dirname, '../fixtures/surveys');
export const REPO_SURVEYS = resolve(import.meta.dirname, '../../surveys');
export const CLIENT_DIR = resolve(import.meta.dirname, '../../dist/client');

export interface TestServer {
  url: string;
  dataDir: string;
  /** The PostgreSQL schema's URL on the integration-pg run; null on SQLite. */
  databaseUrl: string | null;
  surveysDir: string;
  store: Booted['store'];
  /** Error lines the app logged (message and error), e.g. unexpected errors; tests check none leaked. */
  logged: string[];
  /** Every line of the server's JSON log, parsed, in order (requests, errors, notices). */
  logLines: Record<string, unknown>[];
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
  const databaseUrl = await databaseUrlFor(dataDir);
  const { store, catalog, updates } = await boot({ dataDir, databaseUrl, surveysDir, writerThread: true });
  const logged: string[] = [];
  const logLines: Record<string, unknown>[] = [];
  // The production logger, writing into memory: pino hands its sink one JSON line per call.
  const logger = createLogger({
    write(line: string) {
      const entry = JSON.parse(line) as Record<string, unknown> & { err?: { message?: string } };
      logLines.push(entry);
      if (entry.level === 'error') logged.push(`${String(entry.msg)} ${entry.err?.message ?? ''}`);
    },
  });
  // Wired by the same code as `npm start` (server/serve.ts), the stored-CSV-line filler and request log included.
  const serving = await serve({
    store,
    catalog,
    updates,
    clock: options.clock ?? (() => new Date()),
    config: { ...DEFAULT_CONFIG, clientDir: CLIENT_DIR, ...options.config },
    logger,
    port: options.port ?? 0,
    host: '127.0.0.1',
  });
  return {
    url: serving.url,
    dataDir,
    databaseUrl,
    surveysDir,
    store,
    logged,
    logLines,
    http: serving.server,
    async close() {
      await serving.stop({ force: true });
      await store.close();
      if (options.dataDir) return;
      rmSync(dataDir, { recursive: true, force: true });
      await dropDatabaseOf(dataDir);
    },
  };
}
