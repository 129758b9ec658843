// The outbox: every finished response goes to the device's store first (IndexedDB), then to the server, and is
// retried with its own uuid and the very same body until the server has stored or refused it. Drains by itself:
// on page open, on `online`, on a backoff timer, when the tab comes back, and when the service worker says so.
import type { Problem } from './api';
import type { ResponsePostBody } from '../../server/http/contract/responses';
import {
  browserPendingStore,
  migrateLocalStorage,
  type PendingStore,
  type RefusedSubmission,
} from './pending-store';
import { postSubmission, type WaitReason } from './post-response';

export type { WaitReason };

/** The server's POST body (its contract, types only); the page always says when the respondent began. */
export type ResponseBody = ResponsePostBody & { startedAt: string };

export interface Submission {
  surveyId: string;
  body: ResponseBody;
  queuedAt: string;
}

export type SendState =
  | { kind: 'sending' }
  | { kind: 'waiting'; reason: WaitReason; retryAt: number }
  | { kind: 'stored'; status: 200 | 201 }
  | { kind: 'rejected'; status: number; problem: Problem | null };

export type Settled = Extract<SendState, { kind: 'stored' | 'rejected' }>;

export interface Unsent {
  waiting: Submission[];
  refused: RefusedSubmission[];
}

export interface Outbox {
  /** Keeps the response (on this device) until the server has stored or refused it; resolves then.
   *  `draftKey`: the draft this response finishes, deleted in the same transaction that queues it. */
  send(surveyId: string, body: ResponseBody, options?: { draftKey?: string }): Promise<Settled>;
  /** Each response's latest state, by response id; a new Map on every change (for useSyncExternalStore). */
  snapshot(): ReadonlyMap<string, SendState>;
  subscribe(listener: () => void): () => void;
  /** Tries every waiting response now, e.g. from a "send now" button. */
  retryNow(): void;
  /** Sends what earlier visits left behind and retries when the browser says it is back online. */
  start(): void;
  /** What this device holds that the server has not stored: for "save my unsent answers to a file". */
  unsent(): Promise<Unsent>;
  /** False when waiting answers would not survive closing the page (no IndexedDB, or a write failed). */
  durable(): boolean;
}

export interface OutboxOptions {
  store?: PendingStore | Promise<PendingStore>;
  /** The first outbox's localStorage, whose leftovers move into the store before the first drain. */
  legacyStorage?: Storage | null;
  fetch?: typeof fetch;
  random?: () => number;
  /** A response has to wait: the page asks the service worker for a Background Sync then. */
  onWaiting?: () => void;
  /** A response was queued: the page asks for persistent storage then, when it matters. */
  onQueued?: () => void;
}

const FIRST_DELAY_MS = 2_000;
const MAX_DELAY_MS = 60_000;

export function createOutbox(options: OutboxOptions = {}): Outbox {
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const random = options.random ?? Math.random;
  let durable = true;
  const ready: Promise<PendingStore> = Promise.resolve(options.store ?? browserPendingStore()).then(
    async (store) => {
      durable = store.durable;
      // Leftovers of the localStorage outbox are moved before anything is sent, so none is sent twice.
      if (options.legacyStorage) await migrateLocalStorage(options.legacyStorage, store).catch(() => 0);
      return store;
    },
  );

  let states: ReadonlyMap<string, SendState> = new Map();
  const listeners = new Set<() => void>();
  const settle = new Map<string, (state: Settled) => void>();
  // Responses the store refused to take (quota): still sent from memory by this page.
  const unsaved = new Map<string, Submission>();
  let failures = 0;
  let draining = false;
  let drainAgain = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  function setState(id: string, state: SendState): void {
    states = new Map(states).set(id, state);
    for (const listener of listeners) listener();
  }

  function backoffMs(): number {
    const base = Math.min(FIRST_DELAY_MS * 2 ** failures, MAX_DELAY_MS);
    // Up to 20% extra, so that a hall of phones that lost the network together does not retry in lockstep.
    return Math.round(base * (1 + 0.2 * random()));
  }

  async function queued(store: PendingStore): Promise<Submission[]> {
    const listed = await store.list();
    const ids = new Set(listed.map((sub) => sub.body.id));
    return [...listed, ...[...unsaved.values()].filter((sub) => !ids.has(sub.body.id))];
  }

  /**
   * Responses this page saw waiting that left the store meanwhile: the service worker or another tab sent them.
   * Only `waiting` ones: those were listed from the store, and only a drain (serialised here) removes them;
   * a `sending` one may still be on its way into the store.
   */
  async function reconcile(store: PendingStore, queue: Submission[]): Promise<void> {
    const present = new Set(queue.map((sub) => sub.body.id));
    const gone = [...states].filter(([id, state]) => state.kind === 'waiting' && !present.has(id));
    if (gone.length === 0) return;
    const refused = new Map((await store.listRefused()).map((sub) => [sub.body.id, sub]));
    for (const [id] of gone) {
      const seen = refused.get(id);
      done(
        id,
        seen
          ? { kind: 'rejected', status: seen.problem?.status ?? 400, problem: seen.problem }
          : { kind: 'stored', status: 200 },
      );
    }
  }

  async function drain(): Promise<void> {
    if (draining) {
      drainAgain = true;
      return;
    }
    draining = true;
    clearTimeout(timer);
    timer = undefined;
    try {
      const store = await ready;
      do {
        drainAgain = false;
        const queue = await queued(store);
        await reconcile(store, queue);
        for (const sub of queue) {
          const id = sub.body.id;
          setState(id, { kind: 'sending' });
          const outcome = await postSubmission(doFetch, sub);
          if (outcome.kind !== 'retry') {
            if (outcome.kind === 'stored') failures = 0;
            await finish(store, sub, outcome);
            continue;
          }
          // One failure says the way to the server is down (or busy): wait, then try the whole queue again.
          const waitMs = outcome.afterMs ?? backoffMs();
          // A busy server named its own wait; only real failures lengthen the backoff (2 s, 4 s, 8 s … 60 s).
          if (outcome.reason !== 'busy') failures += 1;
          const retryAt = Date.now() + waitMs;
          // Listed afresh: responses queued while this attempt was in flight wait too.
          for (const rest of await queued(store))
            setState(rest.body.id, { kind: 'waiting', reason: outcome.reason, retryAt });
          timer = setTimeout(() => void drain(), waitMs);
          options.onWaiting?.();
          return;
        }
      } while (drainAgain);
    } finally {
      draining = false;
    }
  }

  async function finish(store: PendingStore, sub: Submission, state: Settled): Promise<void> {
    unsaved.delete(sub.body.id);
    try {
      // A refused response is kept aside, never thrown away: "save my unsent answers" offers it.
      if (state.kind === 'stored') await store.remove(sub.body.id);
      else await store.refuse(sub, state.problem, new Date().toISOString());
    } catch {
      // Left in the queue, it is posted again later and the server answers 200 (or the same refusal): no harm.
    }
    done(sub.body.id, state);
  }

  function done(id: string, state: Settled): void {
    setState(id, state);
    settle.get(id)?.(state);
    settle.delete(id);
  }

  function retryNow(): void {
    void drain();
  }

  async function enqueue(sub: Submission, draftKey: string | undefined): Promise<void> {
    try {
      const store = await ready;
      // Saved before the first attempt: if the tab is closed mid-request, the next visit sends it again.
      await store.put(sub, draftKey);
    } catch {
      durable = false;
      unsaved.set(sub.body.id, sub);
    }
    options.onQueued?.();
    void drain();
  }

  return {
    send(surveyId, body, { draftKey } = {}) {
      const pending = new Promise<Settled>((resolve) => {
        const earlier = settle.get(body.id);
        settle.set(body.id, (state) => {
          earlier?.(state);
          resolve(state);
        });
      });
      setState(body.id, { kind: 'sending' });
      void enqueue({ surveyId, body, queuedAt: new Date().toISOString() }, draftKey);
      return pending;
    },
    snapshot: () => states,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    retryNow,
    start() {
      window.addEventListener('online', () => {
        failures = 0;
        retryNow();
      });
      // Phones freeze timers in background tabs; coming back to the page is a good moment to try.
      document.addEventListener('visibilitychange', () => {
        if (document.visibilityState === 'visible' && timer !== undefined) retryNow();
      });
      void drain();
    },
    async unsent() {
      const store = await ready;
      return { waiting: await queued(store), refused: await store.listRefused() };
    },
    durable: () => durable,
  };
}

/** How many responses on this device are still on their way (sending or waiting). */
export function inFlightCount(states: ReadonlyMap<string, SendState>): number {
  let count = 0;
  for (const state of states.values()) if (state.kind === 'sending' || state.kind === 'waiting') count += 1;
  return count;
}

/** A v4 uuid for one response. crypto.randomUUID exists only on https or localhost; a hall server on a LAN
 *  address is plain http, where getRandomValues still works. */
export function newResponseId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The short reference on the receipt: the uuid's first 8 hex digits, upper case. */
export function shortReference(id: string): string {
  return id.replace(/-/g, '').slice(0, 8).toUpperCase();
}
