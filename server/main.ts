// Entry point of `npm start`: read the environment, boot, listen; stop cleanly on SIGTERM/SIGINT.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { createApp } from './app';
import { boot, StartupError } from './boot';
import { startExportLineFiller } from './export-line-filler';
import { endLiveStreams } from './http/briefing-live';
import { answerClientErrors } from './http/client-errors';
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
/** PUBLIC_URL as an origin (scheme, host, port): the address browsers use, e.g. https://saualnama.example.kz. */
function publicUrlFromEnv(): string | null {
  const raw = process.env.PUBLIC_URL;
  if (raw === undefined || raw === '') return null;
  let url: URL | undefined;
  try {
    url = new URL(raw);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
    console.error(
      `saualnama: PUBLIC_URL must be an http(s) address such as https://saualnama.example.kz, not "${raw}"`,
    );
    process.exit(1);
  }
  return url.origin;
}
const trustProxy = numberFromEnv('TRUST_PROXY', DEFAULT_CONFIG.trustProxy);
if (!Number.isInteger(trustProxy)) {
  console.error('saualnama: TRUST_PROXY is the number of reverse proxies in front of the server (0, 1, 2 …)');
  process.exit(1);
}
const config = {
  ...DEFAULT_CONFIG,
  clientDir,
  trustProxy,
  publicUrl: publicUrlFromEnv(),
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
const { store, catalog, warnings, refusals } = booted;
for (const w of warnings) console.warn(`warning: ${w}`);
// The server serves the other surveys; each refused file is named with its reason (admins also see the list).
for (const r of refusals) console.error(`refused (left out, the rest is served): ${r}`);
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
const lineFiller = startExportLineFiller(store, log, (rendered, seconds) =>
  console.log(
    `stored CSV lines ready: every response has one (${rendered} rendered in ${seconds.toFixed(1)} s)`,
  ),
);
let draining = false;
const server = createServer((req, res) => {
  // Once shutting down, every reply closes its connection, so keep-alive clients cannot hold the shutdown open.
  if (draining) res.setHeader('Connection', 'close');
  app(req, res);
});
answerClientErrors(server);
server.listen(port, host, () => {
  const surveys = catalog.surveys.map((s) => `${s.id} v${s.newest.version}`).join(', ') || 'none';
  // The bound port, not PORT: with PORT=0 (tests, several instances) the system chose it.
  const { port: bound } = server.address() as AddressInfo;
  console.log(`saualnama listening on http://${host}:${bound} (data in ${dataDir}; surveys: ${surveys})`);
});

/**
 * Stops accepting connections, lets requests in flight finish (a response's 201 comes only after its group commit,
 * so their commits are done by then), writes anything still queued, closes the database (SQLite checkpoints the
 * WAL into the file and removes it) and exits 0. Exits 1 if a client holds a connection for 10 s.
 */
function shutdown(signal: string): void {
  if (draining) return;
  draining = true;
  console.log(`${signal}: finishing requests in flight, then closing the database`);
  lineFiller.stop();
  server.close(() => {
    store.close();
    console.log('database closed; bye');
    process.exit(0);
  });
  // Live screens' streams never finish by themselves: end them, and their connections close as idle ones.
  endLiveStreams();
  // Connections whose request was in flight become idle once answered; close them as they do, not after keep-alive.
  server.closeIdleConnections();
  setInterval(() => server.closeIdleConnections(), 50).unref();
  setTimeout(() => {
    console.error('saualnama: connections still open after 10 s; exiting without waiting for them');
    process.exit(1);
  }, 10_000).unref();
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
