// The CLI's settings (server/config.ts, the same environment the server reads) and the store and catalog they name.
import { boot, type Booted } from '../boot';
import { readConfig, type Config } from '../config';

/** Read when a command runs (once per process; in-process tests may set DATA_DIR between commands). */
export function cliConfig(): Config {
  return readConfig();
}

export function openFromEnv(config: Config = cliConfig()): Promise<Booted> {
  return boot({ dataDir: config.dataDir, databaseUrl: config.databaseUrl, surveysDir: config.surveysDir });
}
