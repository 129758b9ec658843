// Entry point of `npm start`: read the environment (server/config.ts), boot, listen; stop cleanly on SIGTERM/SIGINT.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { configureExportWorkers } from '../exports/parallel';
import { createApp } from './app';
import { boot, StartupError } from './boot';
import { CONFIG_DEFAULTS, ConfigError, readConfig, type Config } from './config';
import { startExportLineFiller } from './export-line-filler';
import { endLiveStreams } from './http/briefing-live';
import { answerClientErrors } from './http/client-errors';
import { appConfigOf } from './http/deps';

let settings: Config;
try {
  settings = readConfig();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(`saualnama: ${error.message}`);
  process.exit(1);
}
const { port, host, dataDir, surveysDir } = settings;
const clientDir = resolve(import.meta.dirname, '..', 'dist', 'client');
const config = appConfigOf(settings, clientDir);
configureExportWorkers({
  workers: settings.exportWorkers,
  youngGenerationMb: settings.exportWorkerYoungMb,
});

function log(message: string, error?: unknown): void {
  console.error(`${new Date().toISOString()} ${message}`, error ?? '');
}

let booted;
try {
  booted = boot({ dataDir, surveysDir, batchWindowMs: settings.groupCommitWindowMs });
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
    dataDir !== resolve(CONFIG_DEFAULTS.dataDir) ? `DATA_DIR=${quote(dataDir)} ` : '',
    surveysDir !== resolve(CONFIG_DEFAULTS.surveysDir) ? `SURVEYS_DIR=${quote(surveysDir)} ` : '',
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
