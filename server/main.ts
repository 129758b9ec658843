// Entry point of `npm start`: read the environment (server/config.ts), boot, listen; stop cleanly on SIGTERM/SIGINT.
import { resolve } from 'node:path';
import { configureExportWorkers } from '../exports/parallel';
import { boot, StartupError } from './boot';
import { CONFIG_DEFAULTS, ConfigError, readConfig, type Config } from './config';
import { startupAddressWarning } from './domain/public-address';
import { appConfigOf } from './http/deps';
import { listenFailure } from './listen-failure';
import { createLogger } from './log';
import { serve, type Serving } from './serve';

let settings: Config;
try {
  settings = readConfig();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(`saualnama: ${error.message}`);
  process.exit(1);
}
const { port, host, dataDir, databaseUrl, surveysDir } = settings;
const clientDir = resolve(import.meta.dirname, '..', 'dist', 'client');
const config = appConfigOf(settings, clientDir);
configureExportWorkers({
  workers: settings.exportWorkers,
  youngGenerationMb: settings.exportWorkerYoungMb,
});

const logger = createLogger();

let booted;
try {
  booted = await boot({
    dataDir,
    databaseUrl,
    surveysDir,
    batchWindowMs: settings.groupCommitWindowMs,
    writerThread: true,
  });
} catch (error) {
  if (error instanceof StartupError) {
    console.error(`saualnama: ${error.message}`);
    process.exit(1);
  }
  throw error;
}
const { store, catalog, updates, warnings, refusals } = booted;
// Start-up diagnostics of the survey files are for the operator reading the terminal, as plain lines on stderr;
// stdout carries the JSON log only.
for (const w of warnings) console.warn(`warning: ${w}`);
// The server serves the other surveys; each refused file is named with its reason (admins also see the list).
for (const r of refusals) console.error(`refused (left out, the rest is served): ${r}`);
if ((await store.countUsers()) === 0) {
  // The CLI must open the same database (and surveys) as this server, so the command carries them when set. The
  // PostgreSQL address is named, not printed: it holds a password, and this line goes to the log.
  const quote = (s: string) => (/^[\w./:-]+$/.test(s) ? s : `'${s.replaceAll("'", "'\\''")}'`);
  const env = [
    databaseUrl !== null
      ? 'DATABASE_URL=<the same as this server> '
      : dataDir !== resolve(CONFIG_DEFAULTS.dataDir)
        ? `DATA_DIR=${quote(dataDir)} `
        : '',
    surveysDir !== resolve(CONFIG_DEFAULTS.surveysDir) ? `SURVEYS_DIR=${quote(surveysDir)} ` : '',
  ].join('');
  logger.info(
    `No users yet: the workspace needs a first admin. Create one with: ${env}npm run cli -- users add <your email> --role admin`,
  );
}

let serving: Serving;
try {
  serving = await serve({ store, catalog, updates, config, clock: () => new Date(), logger, port, host });
} catch (error) {
  await store.close();
  console.error(`saualnama: ${listenFailure(error, host, port)}`);
  process.exit(1);
}
const surveys = catalog.surveys.map((s) => `${s.id} v${s.newest.version}`).join(', ') || 'none';
// The password, if the URL has one, never reaches the log.
const dataIn = databaseUrl ? `PostgreSQL at ${databaseUrl.replace(/\/\/[^@/]*@/, '//…@')}` : dataDir;
logger.info(`saualnama listening on ${serving.url} (data in ${dataIn}; surveys: ${surveys})`);
// On stderr as plain lines, like the survey files' warnings: the operator must read it before printing posters.
const addressWarning = startupAddressWarning(config.publicUrl, host);
if (addressWarning) console.warn(`warning: ${addressWarning.replaceAll('\n', '\n  ')}`);

/**
 * Stops accepting connections, lets requests in flight finish, writes anything still queued, closes the database
 * (SQLite checkpoints the WAL into the file and removes it) and exits 0. Exits 1 if a client holds a connection
 * for 10 s.
 */
let stopping = false;
function shutdown(signal: string): void {
  if (stopping) return;
  stopping = true;
  logger.info(`${signal}: finishing requests in flight, then closing the database`);
  void serving.stop().then(async () => {
    await store.close();
    logger.info('database closed; bye');
    process.exit(0);
  });
  setTimeout(() => {
    logger.error('connections still open after 10 s; exiting without waiting for them');
    process.exit(1);
  }, 10_000).unref();
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
