// Sends finished responses and retries each one, with its own uuid and the very same body, until the server has it.
// The only module that knows about retries: issue 7's IndexedDB outbox replaces it behind the same `Outbox` shape.
import { readProblem, type Problem } from './api';
import type { Locale } from './locale';
import { browserPendingStore, type PendingStore } from './pending-store';

export interface ResponseBody {
  id: string;
  version: number;
  locale: Locale;
  briefing?: string;
  startedAt: string;
  data: Record<string, unknown>;
}

export interface Submission {
  surveyId: string;
  body: ResponseBody;
  queuedAt: string;
}

export type WaitReason = 'network' | 'server' | 'busy';

export type SendState =
  | { kind: 'sending' }
  | { kind: 'waiting'; reason: WaitReason; retryAt: number }
  | { kind: 'stored'; status: 200 | 201 }
  | { kind: 'rejected'; status: number; problem: Problem | null };

export type Settled = Extract<SendState, { kind: 'stored' | 'rejected' }>;

export interface Outbox {
  /** Keeps the response (on this device) until the server has stored or refused it; resolves then. */
  send(surveyId: string, body: ResponseBody): Promise<Settled>;
  /** Each response's latest state, by response id; a new Map on every change (for useSyncExternalStore). */
  snapshot(): ReadonlyMap<string, SendState>;
  subscribe(listener: () => void): () => void;
  /** Tries every waiting response now, e.g. from a "send now" button. */
  retryNow(): void;
  /** Sends what earlier visits left behind and retries when the browser says it is back online. */
  start(): void;
}

export interface OutboxOptions {
  store?: PendingStore;
  fetch?: typeof fetch;
  random?: () => number;
}

const FIRST_DELAY_MS = 2_000;
const MAX_DELAY_MS = 60_000;
// A request on a saturated hall network can hang for minutes; past this we abort and retry the same body.
const REQUEST_TIMEOUT_MS = 30_000;

type Attempt =
  { kind: 'settled'; state: Settled } | { kind: 'retry'; reason: WaitReason; afterMs: number | null };

export function createOutbox(options: OutboxOptions = {}): Outbox {
  const store = options.store ?? browserPendingStore();
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const random = options.random ?? Math.random;

  let states: ReadonlyMap<string, SendState> = new Map();
  const listeners = new Set<() => void>();
  const settle = new Map<string, (state: Settled) => void>();
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

  async function post(sub: Submission): Promise<Attempt> {
    const abort = new AbortController();
    const timeout = setTimeout(() => abort.abort(), REQUEST_TIMEOUT_MS);
    let res: Response;
    try {
      res = await doFetch(`/api/surveys/${encodeURIComponent(sub.surveyId)}/responses`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(sub.body),
        signal: abort.signal,
      });
    } catch {
      return { kind: 'retry', reason: 'network', afterMs: null };
    } finally {
      clearTimeout(timeout);
    }
    if (res.status === 200 || res.status === 201) {
      return { kind: 'settled', state: { kind: 'stored', status: res.status } };
    }
    if (res.status === 429 || res.status >= 500) {
      return { kind: 'retry', reason: res.status === 429 ? 'busy' : 'server', afterMs: retryAfterMs(res) };
    }
    // Any other answer is the server's final word on this body: sending it again would get the same reply.
    return {
      kind: 'settled',
      state: { kind: 'rejected', status: res.status, problem: await readProblem(res) },
    };
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
      do {
        drainAgain = false;
        const queue = store.list();
        for (const sub of queue) {
          const id = sub.body.id;
          setState(id, { kind: 'sending' });
          const outcome = await post(sub);
          if (outcome.kind === 'settled') {
            failures = outcome.state.kind === 'stored' ? 0 : failures;
            finish(sub, outcome.state);
            continue;
          }
          // One failure says the way to the server is down (or busy): wait, then try the whole queue again.
          const waitMs = outcome.afterMs ?? backoffMs();
          // A busy server named its own wait; only real failures lengthen the backoff (2 s, 4 s, 8 s … 60 s).
          if (outcome.reason !== 'busy') failures += 1;
          const retryAt = Date.now() + waitMs;
          // Listed afresh: responses queued while this attempt was in flight wait too.
          for (const rest of store.list())
            setState(rest.body.id, { kind: 'waiting', reason: outcome.reason, retryAt });
          timer = setTimeout(() => void drain(), waitMs);
          return;
        }
      } while (drainAgain);
    } finally {
      draining = false;
    }
  }

  function finish(sub: Submission, state: Settled): void {
    store.remove(sub.body.id);
    // A refused response is kept aside, not thrown away: issue 7's "save my unsent answers" can offer it.
    if (state.kind === 'rejected') store.keepRejected(sub, state.problem);
    setState(sub.body.id, state);
    settle.get(sub.body.id)?.(state);
    settle.delete(sub.body.id);
  }

  function retryNow(): void {
    void drain();
  }

  return {
    send(surveyId, body) {
      const pending = new Promise<Settled>((resolve) => {
        const earlier = settle.get(body.id);
        settle.set(body.id, (state) => {
          earlier?.(state);
          resolve(state);
        });
      });
      // Saved before the first attempt: if the tab is closed mid-request, the next visit sends it again.
      store.put({ surveyId, body, queuedAt: new Date().toISOString() });
      void drain();
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
  };
}

/** Retry-After in seconds or as an HTTP date (RFC 9110 §10.2.3); null when absent or unreadable. */
function retryAfterMs(res: Response): number | null {
  const header = res.headers.get('retry-after');
  if (!header) return null;
  const seconds = Number(header);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(header) - Date.now();
  if (!Number.isFinite(ms)) return null;
  // At least a second, so a "Retry-After: 0" cannot make a tight loop; at most ten minutes.
  return Math.min(Math.max(ms, 1000), 600_000);
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
