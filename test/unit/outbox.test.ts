// The respondent page's outbox logic (client/lib/send.ts) with a scripted fetch, fake timers and the in-memory
// store: whatever the network does, one response is one uuid and one body, never a second. The IndexedDB store
// itself is tested with fake-indexeddb in outbox-idb.test.ts (its scheduling does not run under fake timers).
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { memoryPendingStore, type PendingStore } from '../../client/lib/pending-store';
import { createOutbox, type Outbox, type ResponseBody } from '../../client/lib/send';

type Reply = number | { status: number; headers?: Record<string, string>; body?: unknown } | 'network-error';

interface Call {
  url: string;
  body: string;
}

/**
 * A fetch that answers from a script, one reply per call (the last one repeats), and remembers what it was sent.
 * 'network-error' rejects as fetch does when the Wi-Fi drops.
 */
function scriptedFetch(...replies: Reply[]) {
  const calls: Call[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    calls.push({ url: String(input), body: String(init?.body) });
    const reply = replies[Math.min(calls.length, replies.length) - 1]!;
    if (reply === 'network-error') throw new TypeError('Failed to fetch');
    const { status, headers = {}, body } = typeof reply === 'number' ? { status: reply } : reply;
    const json = body === undefined ? null : JSON.stringify(body);
    return new Response(json, {
      status,
      headers: { 'content-type': 'application/problem+json', ...headers },
    });
  });
  return { fetch: fetch as typeof globalThis.fetch, calls };
}

function responseBody(id = '2b1f6a3c-8d4e-4f5a-9b6c-7d8e9f0a1b2c'): ResponseBody {
  return {
    id,
    version: 1,
    locale: 'kk',
    startedAt: '2024-05-14T09:00:00.000Z',
    data: { region: 'KZ-55', role: 'volunteer', proposal: 'Еріктілерге үй-жай керек 🙂' },
  };
}

/** The phone's storage: one per test; a "reload" opens a new outbox over the same one. */
let store: PendingStore;

function outboxWith(fetch: typeof globalThis.fetch): Outbox {
  // random() = 0: no jitter, so the backoff is exactly 2 s, 4 s, 8 s …
  return createOutbox({ store, fetch, random: () => 0 });
}

const pendingIds = async () => (await store.list()).map((sub) => sub.body.id);

beforeEach(() => {
  vi.useFakeTimers({ now: new Date('2024-05-14T10:00:00Z') });
  store = memoryPendingStore();
  // start() listens for `online` and `visibilitychange`; node has neither window nor document.
  vi.stubGlobal('window', new EventTarget());
  vi.stubGlobal('document', Object.assign(new EventTarget(), { visibilityState: 'visible' }));
});

afterEach(() => {
  vi.clearAllTimers();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('outbox', () => {
  test('a network failure is retried after 2 s with the same uuid and the very same body, and stored once', async () => {
    const { fetch, calls } = scriptedFetch('network-error', 201);
    const outbox = outboxWith(fetch);
    const body = responseBody();

    const settled = outbox.send('example', body);
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toHaveLength(1);
    expect(outbox.snapshot().get(body.id)).toEqual({
      kind: 'waiting',
      reason: 'network',
      retryAt: Date.now() + 2_000,
    });
    expect(await pendingIds()).toEqual([body.id]);

    await vi.advanceTimersByTimeAsync(1_999);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    await expect(settled).resolves.toEqual({ kind: 'stored', status: 201 });

    expect(calls).toHaveLength(2);
    expect(calls.map((call) => call.url)).toEqual([
      '/api/surveys/example/responses',
      '/api/surveys/example/responses',
    ]);
    expect(calls[1]!.body).toBe(calls[0]!.body);
    expect(JSON.parse(calls[0]!.body)).toEqual(body);
    expect(await pendingIds()).toEqual([]);
    // Nothing is left to send: however long the page stays open, no third request goes out.
    await vi.advanceTimersByTimeAsync(600_000);
    expect(calls).toHaveLength(2);
  });

  test('failures in a row wait 2 s, 4 s, then 8 s before the next try', async () => {
    const { fetch, calls } = scriptedFetch('network-error', 503, 'network-error', 201);
    const outbox = outboxWith(fetch);
    const settled = outbox.send('example', responseBody());

    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toHaveLength(1);
    for (const wait of [2_000, 4_000, 8_000]) {
      const before = calls.length;
      await vi.advanceTimersByTimeAsync(wait - 1);
      expect(calls).toHaveLength(before);
      await vi.advanceTimersByTimeAsync(1);
      expect(calls).toHaveLength(before + 1);
    }
    await expect(settled).resolves.toEqual({ kind: 'stored', status: 201 });
    expect(new Set(calls.map((call) => call.body)).size).toBe(1);
  });

  test('a 429 with Retry-After: 7 waits 7 s, not the 2 s backoff, and says the server is busy', async () => {
    const { fetch, calls } = scriptedFetch({ status: 429, headers: { 'retry-after': '7' } }, 201);
    const outbox = outboxWith(fetch);
    const body = responseBody();
    const settled = outbox.send('example', body);

    await vi.advanceTimersByTimeAsync(0);
    expect(outbox.snapshot().get(body.id)).toEqual({
      kind: 'waiting',
      reason: 'busy',
      retryAt: Date.now() + 7_000,
    });
    await vi.advanceTimersByTimeAsync(6_999);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    await expect(settled).resolves.toEqual({ kind: 'stored', status: 201 });
    expect(calls[1]!.body).toBe(calls[0]!.body);
  });

  test('a 422 is reported as refused with its errors, leaves the queue, and is kept aside, never resent', async () => {
    const errors = [{ question: 'region', message: 'Unknown region code' }];
    const { fetch, calls } = scriptedFetch({
      status: 422,
      body: { type: 'urn:saualnama:invalid-answers', title: 'Answers are not valid', status: 422, errors },
    });
    const outbox = outboxWith(fetch);
    const body = responseBody();

    const settled = await outbox.send('example', body);
    expect(settled).toMatchObject({ kind: 'rejected', status: 422, problem: { status: 422, errors } });
    expect(outbox.snapshot().get(body.id)).toEqual(settled);
    expect(await pendingIds()).toEqual([]);
    expect(await store.listRefused()).toMatchObject([{ surveyId: 'example', body, problem: { errors } }]);

    await vi.advanceTimersByTimeAsync(600_000);
    outboxWith(fetch).start();
    await vi.advanceTimersByTimeAsync(600_000);
    expect(calls).toHaveLength(1);
  });

  test.each([201, 200])('a %i counts as sent and empties the queue', async (status) => {
    const { fetch, calls } = scriptedFetch(status);
    const outbox = outboxWith(fetch);
    const body = responseBody();

    await expect(outbox.send('example', body)).resolves.toEqual({ kind: 'stored', status });
    expect(outbox.snapshot().get(body.id)).toEqual({ kind: 'stored', status });
    expect(await pendingIds()).toEqual([]);
    await vi.advanceTimersByTimeAsync(600_000);
    expect(calls).toHaveLength(1);
  });

  test('after a reload, a new outbox over the same storage resends what was pending with the same uuid and body', async () => {
    const offline = scriptedFetch('network-error');
    const body = responseBody();
    void outboxWith(offline.fetch).send('example', body);
    await vi.advanceTimersByTimeAsync(0);
    expect(offline.calls).toHaveLength(1);
    expect(await pendingIds()).toEqual([body.id]);

    // The tab is closed: its timers die with it. The next visit builds a new outbox over the same storage.
    vi.clearAllTimers();
    const online = scriptedFetch(201);
    const reloaded = outboxWith(online.fetch);
    reloaded.start();
    await vi.advanceTimersByTimeAsync(0);

    expect(online.calls).toHaveLength(1);
    expect(online.calls[0]!.body).toBe(offline.calls[0]!.body);
    expect(JSON.parse(online.calls[0]!.body).id).toBe(body.id);
    expect(reloaded.snapshot().get(body.id)).toEqual({ kind: 'stored', status: 201 });
    expect(await pendingIds()).toEqual([]);
  });

  test('the browser saying it is back online sends at once, without waiting out the backoff', async () => {
    const { fetch, calls } = scriptedFetch('network-error', 'network-error', 'network-error', 201);
    const outbox = outboxWith(fetch);
    outbox.start();
    const body = responseBody();
    const settled = outbox.send('example', body);
    await vi.advanceTimersByTimeAsync(2_000 + 4_000);
    expect(calls).toHaveLength(3);

    window.dispatchEvent(new Event('online'));
    await vi.advanceTimersByTimeAsync(0);
    await expect(settled).resolves.toEqual({ kind: 'stored', status: 201 });
    expect(calls).toHaveLength(4);
  });

  test('two responses queued while offline both go out, oldest first, each under its own uuid', async () => {
    const { fetch, calls } = scriptedFetch('network-error', 'network-error', 201);
    const outbox = outboxWith(fetch);
    const first = responseBody('11111111-1111-4111-8111-111111111111');
    const second = responseBody('22222222-2222-4222-8222-222222222222');

    const settledFirst = outbox.send('example', first);
    await vi.advanceTimersByTimeAsync(1_000);
    const settledSecond = outbox.send('example', second);
    await vi.advanceTimersByTimeAsync(0);
    expect(outbox.snapshot().get(second.id)).toMatchObject({ kind: 'waiting' });

    // The first retry (2 s after the first failure, 4 s after the second) carries both, in the order given.
    await vi.advanceTimersByTimeAsync(10_000);
    await expect(settledFirst).resolves.toEqual({ kind: 'stored', status: 201 });
    await expect(settledSecond).resolves.toEqual({ kind: 'stored', status: 201 });
    const sentIds = calls.map((call) => JSON.parse(call.body).id as string);
    expect(sentIds.slice(-2)).toEqual([first.id, second.id]);
    expect(await pendingIds()).toEqual([]);
  });

  test('a request that hangs for 30 s is aborted and sent again with the same body', async () => {
    const calls: Call[] = [];
    const fetch = vi.fn((input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
      calls.push({ url: String(input), body: String(init?.body) });
      if (calls.length > 1) return Promise.resolve(new Response(null, { status: 201 }));
      // A saturated hall network: no answer until the outbox gives up.
      return new Promise((_, reject) =>
        init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
      );
    });
    const outbox = outboxWith(fetch as typeof globalThis.fetch);
    const settled = outbox.send('example', responseBody());

    await vi.advanceTimersByTimeAsync(29_999);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1 + 2_000);
    await expect(settled).resolves.toEqual({ kind: 'stored', status: 201 });
    expect(calls).toHaveLength(2);
    expect(calls[1]!.body).toBe(calls[0]!.body);
  });
});
