// Start-up shared by the server, the CLI and the tests: open the store, load the catalog (files in surveys/ and
// versions published in the workspace), publish new files' versions. Refuses (throws StartupError) when a published
// version was edited, or a file and a workspace-published version share a number with other content; a version that
// fails the checks is left out (catalog.refused) and the rest are served.
import { join } from 'node:path';
import { projectionPlansOf } from '../exports/projections';
import { createCatalogUpdates, type CatalogUpdates } from './catalog-updates';
import { loadCatalog, refusalLines, type RefusedVersion } from './catalog/load';
import { liveCatalog, versionKey, withPublished, type LiveCatalog } from './catalog/published';
import { openSqliteStore, type Store } from './store';
import { openPostgresStore } from './store-pg';

export class StartupError extends Error {}

export interface Booted {
  store: Store;
  /** Grows when a version is published while serving (catalog-updates.ts). */
  catalog: LiveCatalog;
  updates: CatalogUpdates;
  warnings: string[];
  /** One line per reason a version was left out, naming the file: main.ts logs them as errors. */
  refusals: string[];
}

export const DATABASE_FILE = 'saualnama.db';
/** Beside this file: the TypeScript source under tsx, the compiled one in dist/server/ (build-server.mjs). */
const WRITER_THREAD = new URL(
  `./response-writer-thread${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`,
  import.meta.url,
);

export async function boot({
  dataDir,
  databaseUrl = null,
  surveysDir,
  now = new Date(),
  batchWindowMs,
  writerThread = false,
}: {
  dataDir: string;
  /** A postgres:// URL: the PostgreSQL engine (several servers may share it); null: SQLite in dataDir. */
  databaseUrl?: string | null;
  surveysDir: string;
  now?: Date;
  batchWindowMs?: number;
  /**
   * SQLite: store submitted responses on a thread of their own (the server; its tests). A CLI command or a
   * script storing in bulk (insertResponses) has no event loop to keep free, and would only wait for the thread.
   */
  writerThread?: boolean;
}): Promise<Booted> {
  const loaded = loadCatalog(surveysDir);
  // Opened without plans: the published versions (in the database) belong in them too. adoptPlans below gives the
  // store the whole catalog's, so that nothing is rebuilt or dropped for a plan that lacked those versions.
  const store: Store = databaseUrl
    ? await openPostgresStore(databaseUrl)
    : openSqliteStore(join(dataDir, DATABASE_FILE), {
        batchWindowMs,
        writerThread: writerThread ? WRITER_THREAD : undefined,
      });
  const stored = await store.listPublishedDefinitions();
  const { catalog, conflicts: clashes, published } = withPublished(loaded.catalog, stored, loaded.warnings);
  const isFile = (surveyId: string, version: number) => !published.has(versionKey(surveyId, version));
  const changed: string[] = [];
  for (const r of loaded.catalog.refused)
    if (r.version === undefined || isFile(r.surveyId, r.version))
      changed.push(...(await changedAfterPublishing(store, r)));
  const conflicts = await store.publishVersions(
    loaded.catalog.surveys.flatMap((s) =>
      s.versions
        .filter((v) => isFile(v.surveyId, v.version))
        .map((v) => ({ surveyId: v.surveyId, version: v.version, sha256: v.sha256 })),
    ),
    now.toISOString(),
  );
  if (conflicts.length > 0 || changed.length > 0 || clashes.length > 0) {
    await store.close();
    const files = conflicts.map((c) => {
      const v = loaded.catalog.getVersion(c.surveyId, c.version);
      return (
        `${v?.file ?? `${c.surveyId} v${c.version}`} changed after it was published on ${c.publishedAt} ` +
        `(recorded sha256 ${c.recordedSha256.slice(0, 12)}…, now ${c.sha256.slice(0, 12)}…). ` +
        `Published versions are frozen: restore it and add v${c.version + 1}.json instead.`
      );
    });
    throw new StartupError(`refusing to start:\n  - ${[...files, ...changed, ...clashes].join('\n  - ')}`);
  }
  // The store counts answers as it writes them; how, per version, comes from the same metadata as the CSV columns.
  // It also keeps each response's line of the default CSV, laid out by the same code as every export. Both reach
  // it as its projections' plans (store/interface/projection.ts).
  const adopted = await store.adoptPlans(projectionPlansOf(catalog.surveys));
  const rebuilt = adopted.countsRebuilt.map(
    (r) =>
      `answer counts of ${r.surveys.join(', ')} rebuilt from ${r.responses} responses (their count plans changed)`,
  );
  const relined = adopted.exportLinesReset.map(
    (id) =>
      `stored CSV lines of ${id} dropped (a new layout); the server renders them again in the background`,
  );
  const live = liveCatalog(catalog);
  return {
    store,
    catalog: live,
    updates: createCatalogUpdates(store, loaded.catalog, live, stored.length),
    warnings: [...loaded.warnings, ...rebuilt, ...relined],
    refusals: refusalLines(catalog.refused),
  };
}

/**
 * A refused file that was published before is not a bad new file but a frozen one that was edited (or broken):
 * that is integrity, so it stops the start as a changed valid file does. Same content refused now (stricter
 * checks since) is only left out.
 */
async function changedAfterPublishing(
  store: Pick<Store, 'publishedVersion'>,
  r: RefusedVersion,
): Promise<string[]> {
  if (r.version === undefined) return [];
  const known = await store.publishedVersion(r.surveyId, r.version);
  if (!known || known.sha256 === r.sha256) return [];
  const now = r.sha256 ? `now ${r.sha256.slice(0, 12)}…` : 'now not even valid JSON';
  return [
    `${r.file} changed after it was published on ${known.publishedAt} ` +
      `(recorded sha256 ${known.sha256.slice(0, 12)}…, ${now}). ` +
      `Published versions are frozen: restore it and add v${r.version + 1}.json instead.`,
  ];
}
