// What the routes are given: the store, the catalog, a clock and settings. Tests inject their own.
import type { Catalog } from '../catalog/load';
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
}

export interface AppDeps {
  store: Store;
  catalog: Catalog;
  clock: () => Date;
  config: AppConfig;
  log: (message: string, error?: unknown) => void;
}

export const DEFAULT_CONFIG: Omit<AppConfig, 'clientDir'> = {
  bodyLimitBytes: 256 * 1024,
  // 200 phones behind one NAT send at once, then a steady trickle; see README "Rate limits".
  responsesRateLimit: { burst: 300, perSecond: 10 },
  // Five, as statistics offices commonly use: fewer respondents in a cell could be told apart in a small region.
  smallCellThreshold: 5,
  // Three days: a briefing on Friday whose phones only find a network again on Monday still gets its answers.
  closedGraceMs: 72 * 3_600_000,
  trustProxy: 0,
  publicUrl: null,
};
