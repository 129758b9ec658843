// Versions published while the server runs: here (the publish route asks for a refresh) or by another server on
// the same database (seen by polling a count, or asked for when a request names a version not served yet). A refresh
// rebuilds the catalog from the files read at start-up plus every published definition, gives the store the new
// count plans and CSV layouts, and swaps the live catalog the routes read.
import { projectionPlansOf } from '../exports/projections';
import type { Catalog } from './catalog/load';
import { withPublished, type LiveCatalog } from './catalog/published';
import type { Store } from './store';

/** How often a server looks for versions another server published (a count query: cheap). */
export const CATALOG_POLL_MS = 5_000;

export interface CatalogUpdates {
  /** Serves what was published since the last look; resolves when the catalog is up to date. */
  refresh(): Promise<void>;
  /** Starts polling; the returned function stops it. */
  poll(log: (message: string, error?: unknown) => void, intervalMs?: number): () => void;
}

export function createCatalogUpdates(
  store: Pick<Store, 'countPublishedDefinitions' | 'listPublishedDefinitions' | 'adoptPlans'>,
  files: Catalog,
  live: LiveCatalog,
  /** Published definitions already in `live` (boot read them). */
  known: number,
): CatalogUpdates {
  let seen = known;
  let running: Promise<void> = Promise.resolve();

  async function update(): Promise<void> {
    const count = await store.countPublishedDefinitions();
    if (count === seen) return;
    const published = await store.listPublishedDefinitions();
    const warnings: string[] = [];
    // A conflict cannot stop a server that is already serving; it keeps its file, and the next start refuses.
    const { catalog } = withPublished(files, published, warnings);
    await store.adoptPlans(projectionPlansOf(catalog.surveys));
    live.replace(catalog);
    seen = published.length;
  }

  // One refresh at a time: a publication and a poll may ask at once.
  const refresh = () => (running = running.then(update, update));

  return {
    refresh,
    poll(log, intervalMs = CATALOG_POLL_MS) {
      const timer = setInterval(() => {
        refresh().catch((error: unknown) => log('survey versions: looking for new ones failed', error));
      }, intervalMs);
      // A test's server or a closing one: polling must not keep the process alive.
      timer.unref();
      return () => clearInterval(timer);
    },
  };
}
