// What the routes are given: the store, the catalog, a clock and settings. Tests inject their own.
import type { CatalogUpdates } from '../catalog-updates';
import type { Catalog } from '../catalog/load';
import { CONFIG_DEFAULTS, type Config } from '../config';
import { CLOSED_GRACE_MS, RESPONSE_BODY_LIMIT_BYTES } from '../domain/response-limits';
import type { Store } from '../store';
import type { RateLimit } from './rate-limit';

export interface AppConfig {
  /** Largest accepted request body, in bytes. */
  bodyLimitBytes: number;
  responsesRateLimit: RateLimit;
  /** Built client (dist/client); pages answer 503 when it is missing. */
  clientDir: string;
  /** Aggregates show no count of 1 … k−1 respondents (small-cell suppression); the dashboard prints "< k". */
  smallCellThreshold: number;
  /** How long after a survey closes it still takes answers begun before the closing (phones that were offline). */
  closedGraceMs: number;
  /**
   * TRUST_PROXY: how many reverse proxies stand in front (0: none, clients connect directly). Their X-Forwarded-For
   * and X-Forwarded-Proto are believed, and only theirs; see client-address.ts.
   */
  trustProxy: number;
  /**
   * PUBLIC_URL's origin (e.g. https://saualnama.example.kz) or null. When set, signed-in unsafe requests must come
   * from exactly this origin (CSRF check), and an https address makes the session cookie Secure and adds HSTS.
   */
  publicUrl: string | null;
  /** HOST, where the server listens: on loopback only, no phone in the hall can open its links. */
  listenHost: string;
}

export interface AppDeps {
  store: Store;
  catalog: Catalog;
  /** Absent in tests that hand the app a fixed catalog: publishing then answers 503. */
  updates?: CatalogUpdates;
  clock: () => Date;
  config: AppConfig;
  log: (message: string, error?: unknown) => void;
}

export const DEFAULT_CONFIG: Omit<AppConfig, 'clientDir'> = {
  bodyLimitBytes: RESPONSE_BODY_LIMIT_BYTES,
  responsesRateLimit: CONFIG_DEFAULTS.responsesRateLimit,
  // Five, as statistics offices commonly use: fewer respondents in a cell could be told apart in a small region.
  smallCellThreshold: 5,
  closedGraceMs: CLOSED_GRACE_MS,
  trustProxy: CONFIG_DEFAULTS.trustProxy,
  publicUrl: CONFIG_DEFAULTS.publicUrl,
  listenHost: CONFIG_DEFAULTS.host,
};

/** The routes' settings from the environment's (server/config.ts). */
export function appConfigOf(config: Config, clientDir: string): AppConfig {
  return {
    ...DEFAULT_CONFIG,
    clientDir,
    responsesRateLimit: config.responsesRateLimit,
    trustProxy: config.trustProxy,
    publicUrl: config.publicUrl,
    listenHost: config.host,
  };
}
