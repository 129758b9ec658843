// Start-up shared by the server, the CLI and the tests: open the store, load the catalog, publish versions.
// Refuses (throws StartupError) when a survey file is broken or a published version was edited.
import { join } from 'node:path';
import { countPlansOf } from '../exports/aggregates/count-plan';
import { exportLineLayoutsOf } from '../exports/lines';
import { CatalogError, loadCatalog, type Catalog } from './catalog/load';
import { openSqliteStore, type SqliteStore } from './store';

export class StartupError extends Error {}

export interface Booted {
  store: SqliteStore;
  catalog: Catalog;
  warnings: string[];
}

export const DATABASE_FILE = 'saualnama.db';

export function boot({
  dataDir,
  surveysDir,
  now = new Date(),
  batchWindowMs,
}: {
  dataDir: string;
  surveysDir: string;
  now?: Date;
  batchWindowMs?: number;
}): Booted {
  let loaded;
  try {
    loaded = loadCatalog(surveysDir);
  } catch (error) {
    if (error instanceof CatalogError) throw new StartupError(error.message);
    throw error;
  }
  // The store counts answers as it writes them; how, per version, comes from the same metadata as the CSV columns.
  // It also keeps each response's line of the default CSV, laid out by the same code as every export.
  const { surveys } = loaded.catalog;
  const store = openSqliteStore(join(dataDir, DATABASE_FILE), {
    batchWindowMs,
    countPlans: countPlansOf(surveys),
    exportLayouts: exportLineLayoutsOf(surveys),
  });
  const conflicts = store.publishVersions(
    loaded.catalog.surveys.flatMap((s) =>
      s.versions.map((v) => ({ surveyId: v.surveyId, version: v.version, sha256: v.sha256 })),
    ),
    now.toISOString(),
  );
  if (conflicts.length > 0) {
    store.close();
    const files = conflicts.map((c) => {
      const v = loaded.catalog.getVersion(c.surveyId, c.version);
      return (
        `${v?.file ?? `${c.surveyId} v${c.version}`} changed after it was published on ${c.publishedAt} ` +
        `(recorded sha256 ${c.recordedSha256.slice(0, 12)}…, now ${c.sha256.slice(0, 12)}…). ` +
        `Published versions are frozen: restore it and add v${c.version + 1}.json instead.`
      );
    });
    throw new StartupError(`refusing to start:\n  - ${files.join('\n  - ')}`);
  }
  const rebuilt = store.countsRebuilt.map(
    (r) =>
      `answer counts of ${r.surveys.join(', ')} rebuilt from ${r.responses} responses (their count plans changed)`,
  );
  const relined = store.exportLinesReset.map(
    (id) =>
      `stored CSV lines of ${id} dropped (a new layout); the server renders them again in the background`,
  );
  return { store, catalog: loaded.catalog, warnings: [...loaded.warnings, ...rebuilt, ...relined] };
}
