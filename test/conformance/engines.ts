// The two engines behind one asynchronous face, for the conformance suite: PostgreSQL in a fresh schema, and SQLite
// in a fresh file (the Store interface is asynchronous). Every conformance test runs once per engine with `describe.each(ENGINES)`.
import { join } from 'node:path';
import type { CountPlan, ProjectionPlans } from '../../server/store';
import { openSqliteStore } from '../../server/store';
import type { AsyncStorePart } from '../../server/store-pg/contract';
import { openPostgresStore } from '../../server/store-pg';
import { freshSchema } from '../support/postgres';
import { makeTempDir } from '../support/server';

export interface EngineOptions {
  countPlans?: readonly CountPlan[];
  /** Line renderers too (count plans in either place). */
  projections?: ProjectionPlans;
}

export interface Engine {
  name: 'sqlite' | 'postgres';
  /** A new, empty store; `close` also removes what it made (the PostgreSQL schema). */
  open(options?: EngineOptions): Promise<AsyncStorePart>;
  /**
   * A second store on the same database (a second app server), where the engine allows it: PostgreSQL does;
   * SQLite is one process's file, so it answers undefined.
   */
  openSecond?(first: AsyncStorePart, options?: EngineOptions): Promise<AsyncStorePart>;
}

/**
 * The SQLite store as the conformance suite sees it: the Store interface is asynchronous, so it is the store itself;
 * its export reader is the interface's ExportReader.
 */
function asyncView(store: ReturnType<typeof openSqliteStore>): AsyncStorePart {
  return store as unknown as AsyncStorePart;
}

const schemas = new WeakMap<AsyncStorePart, { url: string; drop(): Promise<void>; opened: number }>();

export const ENGINES: Engine[] = [
  {
    name: 'sqlite',
    async open(options = {}) {
      return asyncView(
        openSqliteStore(join(makeTempDir(), 'saualnama.db'), {
          projections: { countPlans: options.countPlans, ...options.projections },
        }),
      );
    },
  },
  {
    name: 'postgres',
    async open(options = {}) {
      const schema = await freshSchema();
      const store = await openPostgresStore(schema.url, { ...options, poolSize: 4 });
      const entry = { ...schema, opened: 1 };
      schemas.set(store, entry);
      return withCleanup(store, entry);
    },
    async openSecond(first, options = {}) {
      const entry = schemas.get(first)!;
      entry.opened++;
      const store = await openPostgresStore(entry.url, { ...options, poolSize: 4 });
      return withCleanup(store, entry);
    },
  },
];

/** The schema goes when the last store on it closes. */
function withCleanup(
  store: AsyncStorePart,
  entry: { drop(): Promise<void>; opened: number },
): AsyncStorePart {
  const close = store.close.bind(store);
  store.close = async () => {
    await close();
    if (--entry.opened === 0) await entry.drop();
  };
  schemas.set(store, entry as never);
  return store;
}
