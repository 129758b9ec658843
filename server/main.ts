// Entry point of `npm start`: read the environment, boot, listen; stop cleanly on SIGTERM/SIGINT.
import { createServer } from 'node:http';
import { resolve } from 'node:path';
import { createApp } from './app';
import { boot, StartupError } from './boot';
import { DEFAULT_CONFIG } from './http/deps';

const port = Number(process.env.PORT ?? 8080);
const host = process.env.HOST ?? '127.0.0.1';
const dataDir = resolve(process.env.DATA_DIR ?? 'data');
const surveysDir = resolve(process.env.SURVEYS_DIR ?? 'surveys');
const clientDir = resolve(import.meta.dirname, '..', 'dist', 'client');
const numberFromEnv = (name: string, fallback: number): number => {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) {
    console.error(`saualnama: ${name} must be a non-negative number, not "${raw}"`);
    process.exit(1);
  }
  return value;
};
const config = {
  ...DEFAULT_CONFIG,
  clientDir,
  responsesRateLimit: {
    burst: numberFromEnv('RATE_LIMIT_BURST', DEFAULT_CONFIG.responsesRateLimit.burst),
    perSecond: numberFromEnv('RATE_LIMIT_PER_SECOND', DEFAULT_CONFIG.responsesRateLimit.perSecond),
  },
};
const batchWindowMs = numberFromEnv('GROUP_COMMIT_WINDOW_MS', 0);

function log(message: string, error?: unknown): void {
  console.error(`${new Date().toISOString()} ${message}`, error ?? '');
}

let booted;
try {
  booted = boot({ dataDir, surveysDir, batchWindowMs });
} catch (error) {
  if (error instanceof StartupError) {
    console.error(`saualnama: ${error.message}`);
    process.exit(1);
  }
  throw error;
}
const { store, catalog, warnings } = booted;
for (const w of warnings) console.warn(`warning: ${w}`);
if (store.countUsers() === 0) {
  // The CLI must open the same data (and surveys) folder as this server, so the command carries them when set.
  const quote = (s: string) => (/^[\w./:-]+$/.test(s) ? s : `'${s.replaceAll("'", "'\\''")}'`);
  const env = [
    process.env.DATA_DIR ? `DATA_DIR=${quote(dataDir)} ` : '',
    process.env.SURVEYS_DIR ? `SURVEYS_DIR=${quote(surveysDir)} ` : '',
  ].join('');
  console.log(
    `No users yet: the workspace needs a first admin. Create one with:\n  ${env}npm run cli -- users add <your email> --role admin`,
  );
}

const app = createApp({ store, catalog, clock: () => new Date(), config, log });
const server = createServer(app).listen(port, host, () => {
  const surveys = catalog.surveys.map((s) => `${s.id} v${s.newest.version}`).join(', ') || 'none';
  console.log(`saualnama listening on http://${host}:${port} (data in ${dataDir}; surveys: ${surveys})`);
});

function shutdown(signal: string): void {
  console.log(`${signal}: finishing requests in flight, then closing the database`);
  server.close(() => {
    store.close();
    process.exit(0);
  });
  server.closeIdleConnections();
  // A client that keeps a connection open must not hold the shutdown forever.
  setTimeout(() => process.exit(1), 10_000).unref();
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
