// The two engines behind one asynchronous face, for the conformance suite: PostgreSQL in a fresh schema, and SQLite
// in a fresh file seen through the same asynchronous members (a thin view until the Store interface itself is
// asynchronous). Every conformance test runs once per engine with `describe.each(ENGINES)`.
import { join } from 'node:path';
import type { CountPlan, ProjectionPlans } from '../../server/store';
import { openSqliteStore } from '../../server/store';
import { COVERED, type AsyncStorePart } from '../../server/store-pg/contract';
import { openPostgresStore } from '../../server/store-pg';
import { EXPORT_BATCH, type PgExportReader } from '../../server/store-pg/export-reader';
import type { ExportReader } from '../../server/store/export-rows';
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

const isStream = (name: string) => name.startsWith('iterate');

function asyncView(store: ReturnType<typeof openSqliteStore>): AsyncStorePart {
  const view: Record<string, unknown> = {};
  for (const name of Object.values(COVERED).flat()) {
    const member = (store as unknown as Record<string, (...args: unknown[]) => unknown>)[name]!;
    // A property (what the store found when it opened) is read as it is.
    if (typeof member !== 'function') view[name] = member;
    else
      view[name] = isStream(name)
        ? async function* (...args: unknown[]) {
            yield* member(...args) as Iterable<unknown>;
          }
        : async (...args: unknown[]) => member(...args);
  }
  view.close = async () => store.close();
  view.openExportReader = async () => asyncReader(store.openExportReader());
  return view as AsyncStorePart;
}

/** SQLite's export reader in the asynchronous shape: rows in batches of EXPORT_BATCH, values as promises. */
function asyncReader(reader: ExportReader): PgExportReader {
  async function* batches<T>(rows: Iterable<T>): AsyncGenerator<T[]> {
    let batch: T[] = [];
    for (const row of rows) {
      batch.push(row);
      if (batch.length === EXPORT_BATCH) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length > 0) yield batch;
  }
  return {
    rows: (filter, options) => batches(reader.rows(filter, options)),
    lines: (filter, layout, codes) => batches(reader.lines(filter, layout, codes)),
    durationMedians: async (surveyId) => reader.durationMedians(surveyId),
    count: async (filter) => reader.count(filter),
    storedLines: async (surveyId) => reader.storedLines(surveyId),
    close: async () => reader.close(),
  };
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
