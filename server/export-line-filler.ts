// Renders the stored export lines (store/export-lines.ts) that responses do not bring with them: all of a survey's
// after a new layout, or those of a database from before lines existed. Small slices of work between requests,
// back to back while there is a backlog, a look once a second when there is none. A download made before the
// filler caught up builds the missing lines itself.
import type { Store } from './store';

/** Work per slice: short enough that a request waiting behind it barely notices. */
const SLICE_MS = 8;
const IDLE_MS = 1_000;
const AFTER_FAILURE_MS = 60_000;

export interface LineFiller {
  stop(): void;
}

/**
 * Starts filling. `announce` is told once, when every stored response first has its line, with how many were
 * rendered since the start and how long it took (an operator sees when a large backlog is done).
 */
export function startExportLineFiller(
  store: Pick<Store, 'fillExportLines'>,
  log: (message: string, error?: unknown) => void,
  announce: (rendered: number, seconds: number) => void,
): LineFiller {
  const started = performance.now();
  let rendered = 0;
  let announced = false;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  function next(delayMs: number): void {
    if (stopped) return;
    timer = setTimeout(() => void tick(), delayMs);
    // Only the filler left (a test's store, a closing server): it must not keep the process alive.
    timer.unref();
  }

  async function tick(): Promise<void> {
    let pending: boolean;
    try {
      const report = await store.fillExportLines(SLICE_MS);
      rendered += report.filled;
      pending = report.pending;
    } catch (error) {
      // Stopped meanwhile (the store is closing): nothing to report.
      if (stopped) return;
      // A full disk, a read-only file: the downloads stay correct without lines; try again later.
      log('stored CSV lines: rendering failed; trying again in a minute', error);
      next(AFTER_FAILURE_MS);
      return;
    }
    if (!pending && !announced) {
      announced = true;
      announce(rendered, (performance.now() - started) / 1000);
    }
    next(pending ? 0 : IDLE_MS);
  }

  next(0);
  return {
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
