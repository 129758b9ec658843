// Live response counts for the briefing screen: one poller per watched briefing (not per screen), pushing the count
// to every listener when it changes. Polling the store catches every writer (the ingest path, imports, the CLI in
// another process) with no hook in the hot path; a count on the partial briefing index costs microseconds.
import type { Response } from 'express';

export interface BriefingWatch {
  /** Calls `listener` with the count now and on every change; returns the unsubscribe function. */
  subscribe(slug: string, listener: (count: number) => void): () => void;
  /** Briefings watched now (tests check that a closed screen stops its poller). */
  watched(): number;
}

/** `countOf` is given the watch key (a briefing, with the reader's scope when the caller keys by it). */
export function createBriefingWatch(
  countOf: (slug: string) => Promise<number>,
  intervalMs = 1000,
): BriefingWatch {
  const watches = new Map<
    string,
    {
      /** Undefined until the first count came back: a new screen is told the count once it is known. */
      count: number | undefined;
      listeners: Set<(count: number) => void>;
      timer: NodeJS.Timeout;
      /** A count in flight: a slow store does not pile up queries, the next tick just looks again. */
      polling: boolean;
    }
  >();

  async function poll(slug: string): Promise<void> {
    const watch = watches.get(slug);
    if (!watch || watch.polling) return;
    watch.polling = true;
    let count: number;
    try {
      count = await countOf(slug);
    } catch {
      // A busy or faulty disk: keep the last count and try again next tick, the screen just waits.
      return;
    } finally {
      watch.polling = false;
    }
    // Every screen may have gone while the count was read: this watch is then stopped.
    if (watches.get(slug) !== watch || count === watch.count) return;
    watch.count = count;
    for (const listener of watch.listeners) listener(count);
  }

  return {
    subscribe(slug, listener) {
      let watch = watches.get(slug);
      if (!watch) {
        const timer = setInterval(() => void poll(slug), intervalMs);
        // A watched briefing must not keep the process alive on shutdown.
        timer.unref();
        watch = { count: undefined, listeners: new Set(), timer, polling: false };
        watches.set(slug, watch);
        void poll(slug);
      } else if (watch.count !== undefined) listener(watch.count);
      watch.listeners.add(listener);
      return () => {
        const current = watches.get(slug);
        if (!current) return;
        current.listeners.delete(listener);
        if (current.listeners.size === 0) {
          clearInterval(current.timer);
          watches.delete(slug);
        }
      };
    },
    watched: () => watches.size,
  };
}

/** Live streams open in this process, so a shutdown can end them (they never end by themselves). */
const openStreams = new Set<Response>();

/**
 * Ends every live stream, for a server shutting down: otherwise one open screen holds the shutdown until its guard
 * gives up. The screen's EventSource reconnects on its own (after `retry`) once the server is back.
 */
export function endLiveStreams(): void {
  for (const res of openStreams) res.end();
  openStreams.clear();
}

/** A heartbeat comment this often keeps proxies and NATs from dropping an idle stream, and finds dead clients. */
const HEARTBEAT_MS = 15_000;

/**
 * Streams `count` events (`{"total": n}`) as server-sent events until the client leaves. `no-transform` keeps the
 * compression middleware from buffering the stream; X-Accel-Buffering does the same for an nginx in front.
 */
export function streamCount(res: Response, watch: BriefingWatch, slug: string): void {
  res.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store, no-transform',
    'X-Accel-Buffering': 'no',
    Connection: 'keep-alive',
  });
  // After a dropped connection EventSource reconnects after `retry` ms: soon, so the screen misses little.
  res.write('retry: 2000\n\n');
  const unsubscribe = watch.subscribe(slug, (total) => {
    res.write(`event: count\ndata: ${JSON.stringify({ total })}\n\n`);
  });
  const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), HEARTBEAT_MS);
  heartbeat.unref();
  openStreams.add(res);
  res.on('close', () => {
    openStreams.delete(res);
    clearInterval(heartbeat);
    unsubscribe();
  });
}
