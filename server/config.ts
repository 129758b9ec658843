// The environment, read in one place: every variable the server and the CLI read, with its default and its check
// (zod). A bad value stops the program with one line naming the variable (ConfigError), never a stack trace.
import { resolve } from 'node:path';
import { z } from 'zod';

export interface Config {
  /** PORT: 0 lets the system choose (tests, several instances). */
  port: number;
  host: string;
  /** DATA_DIR, absolute: the folder of saualnama.db. */
  dataDir: string;
  /** DATABASE_URL: a postgres:// URL selects the PostgreSQL engine (README "Scaling out"); null: SQLite in DATA_DIR. */
  databaseUrl: string | null;
  /** SURVEYS_DIR, absolute: the survey definitions. */
  surveysDir: string;
  /** RATE_LIMIT_BURST and RATE_LIMIT_PER_SECOND: the per-address limit on POST …/responses. */
  responsesRateLimit: { burst: number; perSecond: number };
  /** GROUP_COMMIT_WINDOW_MS: how long a write waits for company before its batch commits. */
  groupCommitWindowMs: number;
  /** TRUST_PROXY: how many reverse proxies stand in front. */
  trustProxy: number;
  /** PUBLIC_URL's origin, e.g. https://saualnama.example.kz, or null. */
  publicUrl: string | null;
  /** EXPORT_WORKERS: worker threads that flatten CSV rows (0: on the main thread); unset: exports/parallel.ts decides. */
  exportWorkers: number | undefined;
  /** EXPORT_WORKER_YOUNG_MB: each export worker's young generation; unset: exports/parallel.ts decides. */
  exportWorkerYoungMb: number | undefined;
  /** SAUALNAMA_BACKUP_STEP_PAGES: pages per backup step; tests copy in one-page steps so the server commits between. */
  backupStepPages: number | undefined;
}

/** A setting the environment gave a value it cannot take; the message is one line and names the variable. */
export class ConfigError extends Error {}

/** The fixed defaults; DATA_DIR and SURVEYS_DIR are relative to the working folder. */
export const CONFIG_DEFAULTS = {
  port: 8080,
  host: '127.0.0.1',
  dataDir: 'data',
  surveysDir: 'surveys',
  // 200 phones behind one NAT send at once, then a steady trickle; see README "Rate limits".
  responsesRateLimit: { burst: 300, perSecond: 10 },
  // 0: a batch is whatever arrived within one event-loop turn.
  groupCommitWindowMs: 0,
  trustProxy: 0,
  publicUrl: null,
} as const;

const wholeNumber = (min: number, max: number, what: string) =>
  z
    .string()
    .regex(/^\d+$/, { message: what })
    .transform(Number)
    .refine((n) => n >= min && n <= max, { message: what });

const nonNegative = z
  .string()
  .transform(Number)
  .refine((n) => Number.isFinite(n) && n >= 0, { message: 'must be a non-negative number' });

const positive = z
  .string()
  .transform(Number)
  .refine((n) => Number.isFinite(n) && n > 0, { message: 'must be a positive number' });

/** PUBLIC_URL as an origin (scheme, host, port). */
const httpOrigin = z.string().transform((raw, ctx) => {
  const url = URL.canParse(raw) ? new URL(raw) : undefined;
  if (url && (url.protocol === 'https:' || url.protocol === 'http:')) return url.origin;
  ctx.addIssue({
    code: 'custom',
    message: 'must be an http(s) address such as https://saualnama.example.kz',
  });
  return z.NEVER;
});

/** DATABASE_URL: only PostgreSQL's own URL forms; anything else is a mistake, not a hint to use SQLite. */
const postgresUrl = z.string().refine((raw) => /^postgres(ql)?:\/\/./.test(raw) && URL.canParse(raw), {
  message:
    'must be a PostgreSQL address such as postgres://user:password@host:5432/saualnama (unset: SQLite)',
});

/** Every variable read, with the check of its value when set. Unset and empty mean "the default". */
const VARIABLES = {
  PORT: wholeNumber(0, 65_535, 'must be a whole number from 0 to 65535'),
  HOST: z.string(),
  DATA_DIR: z.string(),
  DATABASE_URL: postgresUrl,
  SURVEYS_DIR: z.string(),
  RATE_LIMIT_BURST: nonNegative,
  RATE_LIMIT_PER_SECOND: nonNegative,
  GROUP_COMMIT_WINDOW_MS: nonNegative,
  TRUST_PROXY: wholeNumber(0, 1_000, 'is the number of reverse proxies in front of the server (0, 1, 2 …)'),
  PUBLIC_URL: httpOrigin,
  EXPORT_WORKERS: wholeNumber(0, 8, 'must be a whole number from 0 to 8'),
  EXPORT_WORKER_YOUNG_MB: positive,
  SAUALNAMA_BACKUP_STEP_PAGES: wholeNumber(1, 2 ** 31 - 1, 'must be a whole number of pages from 1'),
} satisfies Record<string, z.ZodType<unknown, string>>;

export type ConfigVariable = keyof typeof VARIABLES;

/** The names of every environment variable the server and the CLI read (the README's settings table lists them). */
export const CONFIG_VARIABLES = Object.keys(VARIABLES) as ConfigVariable[];

type Parsed = { [K in ConfigVariable]?: z.output<(typeof VARIABLES)[K]> };

function parseVariables(env: NodeJS.ProcessEnv): Parsed {
  const parsed: Record<string, unknown> = {};
  for (const name of CONFIG_VARIABLES) {
    const raw = env[name];
    if (raw === undefined || raw === '') continue;
    const result = VARIABLES[name].safeParse(raw);
    if (!result.success)
      throw new ConfigError(`${name} ${result.error.issues[0]?.message ?? 'is not valid'}, not "${raw}"`);
    parsed[name] = result.data;
  }
  return parsed as Parsed;
}

/** The configuration from `env`; throws ConfigError on the first bad value. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const v = parseVariables(env);
  const d = CONFIG_DEFAULTS;
  return {
    port: v.PORT ?? d.port,
    host: v.HOST ?? d.host,
    dataDir: resolve(v.DATA_DIR ?? d.dataDir),
    databaseUrl: v.DATABASE_URL ?? null,
    surveysDir: resolve(v.SURVEYS_DIR ?? d.surveysDir),
    responsesRateLimit: {
      burst: v.RATE_LIMIT_BURST ?? d.responsesRateLimit.burst,
      perSecond: v.RATE_LIMIT_PER_SECOND ?? d.responsesRateLimit.perSecond,
    },
    groupCommitWindowMs: v.GROUP_COMMIT_WINDOW_MS ?? d.groupCommitWindowMs,
    trustProxy: v.TRUST_PROXY ?? d.trustProxy,
    publicUrl: v.PUBLIC_URL ?? d.publicUrl,
    exportWorkers: v.EXPORT_WORKERS,
    exportWorkerYoungMb: v.EXPORT_WORKER_YOUNG_MB,
    backupStepPages: v.SAUALNAMA_BACKUP_STEP_PAGES,
  };
}
