// The respondent page's service worker (/sw.js): after one visit the page opens and works with no network.
// Precaches the page shell and its hashed files; answers the public survey API network-first with a cached copy
// as fallback; drains the outbox in Background Sync so that answers go out even after the tab was closed.
import { lazyDatabase } from '../lib/idb';
import { idbPendingStore } from '../lib/pending-store';
import { postSubmission } from '../lib/post-response';
import { OUTBOX_SYNC_TAG, SW_MESSAGE } from './sw-protocol';
import { swRoute } from './sw-routes';

// Written in by scripts/vite-service-worker.ts: the respondent page's hashed files and a name for this build.
declare const __SW_PRECACHE__: string[];
declare const __SW_VERSION__: string;

// The DOM library has no service worker types, and the WebWorker library clashes with it in one program:
// these few are what this file uses.
interface SwEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface SwFetchEvent extends SwEvent {
  readonly request: Request;
  respondWith(response: Promise<Response>): void;
}
interface SwSyncEvent extends SwEvent {
  readonly tag: string;
}
interface SwMessageEvent extends SwEvent {
  readonly data: unknown;
}
interface SwScope {
  readonly location: Location;
  skipWaiting(): Promise<void>;
  clients: {
    claim(): Promise<void>;
    matchAll(options?: { includeUncontrolled?: boolean }): Promise<{ postMessage(message: unknown): void }[]>;
  };
  addEventListener(type: 'install' | 'activate', listener: (event: SwEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: SwFetchEvent) => void): void;
  addEventListener(type: 'sync', listener: (event: SwSyncEvent) => void): void;
  addEventListener(type: 'message', listener: (event: SwMessageEvent) => void): void;
}
const sw = self as unknown as SwScope;

const SHELL_CACHE = `saualnama-shell-${__SW_VERSION__}`;
// Not per build: survey definitions do not change with the page's code, and stay useful across an update.
const API_CACHE = 'saualnama-api-1';
const SHELL_KEY = '/';
const PRECACHED = new Set(__SW_PRECACHE__);
// A hall's network may answer after a minute or never: past this the cached copy is shown, and the network's
// answer, if it comes, still refreshes the cache.
const NETWORK_WAIT_MS = 4_000;

sw.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(SHELL_CACHE);
      await cache.addAll([new Request(SHELL_KEY, { cache: 'reload' }), ...__SW_PRECACHE__]);
      await warmOpenSurveys();
      // The new worker takes over at once: the shell is fetched network-first, so no open page needs old files.
      await sw.skipWaiting();
    })(),
  );
});

sw.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith('saualnama-') && name !== SHELL_CACHE && name !== API_CACHE)
          await caches.delete(name);
      }
      // The page that installed this worker is controlled from now on, so its next API reads are cached too.
      await sw.clients.claim();
    })(),
  );
});

sw.addEventListener('fetch', (event) => {
  const route = swRoute(event.request, sw.location.origin, PRECACHED);
  if (route === 'shell') event.respondWith(networkFirst(event, SHELL_KEY, SHELL_CACHE, SHELL_RULES));
  else if (route === 'api') event.respondWith(networkFirst(event, event.request.url, API_CACHE, API_RULES));
  else if (route === 'asset') event.respondWith(cacheFirst(event.request));
});

sw.addEventListener('message', (event) => {
  const message = event.data as { type?: unknown; urls?: unknown } | null;
  if (message?.type === SW_MESSAGE.cache && Array.isArray(message.urls)) {
    // The page tells which API reads it made before this worker controlled it (a briefing and its survey).
    const urls = message.urls.filter((url): url is string => typeof url === 'string');
    event.waitUntil(Promise.allSettled(urls.map((url) => refresh(url))));
  }
});

sw.addEventListener('sync', (event) => {
  if (event.tag === OUTBOX_SYNC_TAG) event.waitUntil(drainOutbox());
});

interface Rules {
  /** A reply to show rather than the cached copy. */
  trusted(response: Response): boolean;
  /** A reply that makes the cached copy wrong. */
  forget(response: Response): boolean;
}
// The shell's addresses always serve the page when the server has it built: anything else (a deployment
// halfway, a proxy's error page) is worse than the copy. An API's 404 or 410 is news (survey closed); a 5xx is not.
const SHELL_RULES: Rules = { trusted: (r) => r.ok, forget: () => false };
const API_RULES: Rules = {
  trusted: (r) => r.status < 500,
  forget: (r) => r.status === 404 || r.status === 410,
};

async function networkFirst(
  event: SwFetchEvent,
  key: string,
  cacheName: string,
  rules: Rules,
): Promise<Response> {
  const cache = await caches.open(cacheName);
  const network = fetch(event.request).then(async (response) => {
    // A redirected response cannot answer a navigation.
    if (response.ok && !response.redirected) await cache.put(key, response.clone());
    else if (rules.forget(response)) await cache.delete(key);
    return response;
  });
  // However this request is answered, the cache update runs to its end.
  event.waitUntil(network.catch(() => undefined));
  try {
    const response = await Promise.race([network, delay(NETWORK_WAIT_MS)]);
    if (response) return rules.trusted(response) ? response : ((await cache.match(key)) ?? response);
  } catch {
    // Offline: fall through to the copy.
  }
  // Offline, or too slow: the copy if there is one, else wait for the network after all.
  return (await cache.match(key)) ?? network;
}

async function cacheFirst(request: Request): Promise<Response> {
  const hit = await caches.match(request);
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok) await (await caches.open(SHELL_CACHE)).put(request, response.clone());
  return response;
}

/** Resolves with null after `ms`: a race against it that returns null means "no answer in time". */
function delay(ms: number): Promise<null> {
  return new Promise((resolve) => setTimeout(() => resolve(null), ms));
}

async function refresh(url: string): Promise<void> {
  const response = await fetch(url, { headers: { accept: 'application/json' } });
  if (response.ok) await (await caches.open(API_CACHE)).put(url, response);
}

/** The list of surveys and each open survey's newest definition, so that `/` and every `/s/<id>` open offline. */
async function warmOpenSurveys(): Promise<void> {
  try {
    const response = await fetch('/api/surveys', { headers: { accept: 'application/json' } });
    if (!response.ok) return;
    await (await caches.open(API_CACHE)).put('/api/surveys', response.clone());
    const list = (await response.json()) as { id?: unknown; closed?: unknown }[];
    const open = list.filter((survey) => typeof survey.id === 'string' && survey.closed !== true);
    await Promise.allSettled(
      open.map((survey) => refresh(`/api/surveys/${encodeURIComponent(String(survey.id))}`)),
    );
  } catch {
    // Best effort: without the network now, the page's own reads fill the cache later.
  }
}

const database = lazyDatabase();

/**
 * Background Sync (Chromium): the browser wakes this worker when the network is back, even with the page closed.
 * Same rules as the page's outbox; a failure throws, so the browser schedules another sync. Should the page be
 * sending the same response at the same time, the server's 200 for a retry keeps it one response.
 */
async function drainOutbox(): Promise<void> {
  const store = idbPendingStore(database);
  let changed = false;
  try {
    for (const sub of await store.list()) {
      const outcome = await postSubmission(fetch, sub);
      if (outcome.kind === 'retry') throw new Error(`outbox: ${outcome.reason}, sync again later`);
      if (outcome.kind === 'stored') await store.remove(sub.body.id);
      else await store.refuse(sub, outcome.problem, new Date().toISOString());
      changed = true;
    }
  } finally {
    if (changed) {
      for (const client of await sw.clients.matchAll())
        client.postMessage({ type: SW_MESSAGE.outboxChanged });
    }
  }
}
