// Opens the same store and catalog the server uses, from DATA_DIR and SURVEYS_DIR.
import { resolve } from 'node:path';
import { boot, type Booted } from '../boot';

export function openFromEnv(): Booted {
  return boot({
    dataDir: resolve(process.env.DATA_DIR ?? 'data'),
    surveysDir: resolve(process.env.SURVEYS_DIR ?? 'surveys'),
  });
}
