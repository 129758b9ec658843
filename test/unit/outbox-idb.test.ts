// The outbox's IndexedDB side on fake-indexeddb, with real timers: the queue and the refused list, the draft
// deleted in the same transaction that queues its response, the move from the first (localStorage) outbox,
// a reload, responses sent by the service worker meanwhile, drafts, and the "unsent answers" file.
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { DRAFT_MAX_AGE_MS, draftKey, idbDraftStore, type Draft } from '../../client/lib/drafts';
import { lazyDatabase } from '../../client/lib/idb';
import { browserPendingStore, idbPendingStore, type PendingStore } from '../../client/lib/pending-store';
import { createOutbox, type ResponseBody, type Submission } from '../../client/lib/send';
import { unsentFile, unsentFileName } from '../../client/lib/unsent-file';

let factory: IDBFactory;
let store: PendingStore;

beforeEach(() => {
  factory = new IDBFactory();
  store = idbPendingStore(lazyDatabase(factory));
  // start() listens for `online` and `visibilitychange`; node has neither window nor document.
  vi.stubGlobal('window', new EventTarget());
  vi.stubGlobal('document', Object.assign(new EventTarget(), { visibilityState: 'visible' }));
});

afterEach(() => {
  vi.unstubAllGlobals();
});

function body(id: string, data: Record<string, unknown> = { region: 'KZ-55' }): ResponseBody {
  return { id, version: 1, locale: 'kk', startedAt: '2024-05-14T09:00:00.000Z', data };
}

function submission(id: string, queuedAt = '2024-05-14T10:00:00.000Z'): Submission {
  return { surveyId: 'example', body: body(id), queuedAt };
}

const ID_A = '11111111-1111-4111-8111-111111111111';
const ID_B = '22222222-2222-4222-8222-222222222222';
const ID_C = '33333333-3333-4333-8333-333333333333';

/** A fetch that answers every POST with `status` (or fails like a dropped network) and counts the calls. */
function fetchAnswering(status: number | 'network-error') {
  const bodies: string[] = [];
  const fetch = vi.fn(async (_input: RequestInfo | URL, init?: RequestInit) => {
    bodies.push(String(init?.body));
    if (status === 'network-error') throw new TypeError('Failed to fetch');
    return new Response(null, { status });
  });
  return { fetch: fetch as typeof globalThis.fetch, bodies };
}

function draft(overrides: Partial<Draft>): Draft {
  const base = {
    surveyId: 'example',
    version: 2,
    briefing: null,
    definition: { pages: [] },
    responseId: ID_A,
    startedAt: '2024-05-14T09:00:00.000Z',
    data: { region: 'KZ-10' },
    pageNo: 1,
    savedAt: '2024-05-14T09:05:00.000Z',
    ...overrides,
  };
  return { key: draftKey(base.surveyId, base.version, base.briefing?.slug ?? null), ...base };
}

describe('the IndexedDB outbox store', () => {
  test('lists responses oldest first, and the same uuid put twice is one entry', async () => {
    await store.put(submission(ID_B, '2024-05-14T10:05:00.000Z'));
    await store.put(submission(ID_A, '2024-05-14T10:00:00.000Z'));
    await store.put(submission(ID_B, '2024-05-14T10:05:00.000Z'));
    expect((await store.list()).map((sub) => sub.body.id)).toEqual([ID_A, ID_B]);
  });

  test('queuing a finished response deletes its draft in the same transaction', async () => {
    const drafts = idbDraftStore(lazyDatabase(factory));
    const begun = draft({});
    await drafts.save(begun);
    await store.put(submission(ID_A), begun.key);
    expect(
      await drafts.latest({ kind: 'survey', id: 'example' }, new Date('2024-05-14T10:00:00Z')),
    ).toBeUndefined();
    expect(await store.list()).toHaveLength(1);
  });

  test('a refused response leaves the queue and is kept, with the problem, for the "unsent answers" file', async () => {
    await store.put(submission(ID_A));
    const problem = { title: 'The survey is closed', status: 410, closedAt: '2024-05-14T12:00:00.000Z' };
    await store.refuse(submission(ID_A), problem, '2024-05-18T10:00:00.000Z');
    expect(await store.list()).toEqual([]);
    expect(await store.listRefused()).toEqual([
      { ...submission(ID_A), problem, refusedAt: '2024-05-18T10:00:00.000Z' },
    ]);
  });
});

describe('the outbox over IndexedDB', () => {
  test('after a reload, the next page sends what the previous one queued, with the same uuid and body, once', async () => {
    const offline = fetchAnswering('network-error');
    const first = createOutbox({ store, fetch: offline.fetch, random: () => 0 });
    void first.send('example', body(ID_A));
    await vi.waitFor(() => expect(first.snapshot().get(ID_A)?.kind).toBe('waiting'));

    const online = fetchAnswering(201);
    const reloaded = createOutbox({ store: idbPendingStore(lazyDatabase(factory)), fetch: online.fetch });
    reloaded.start();
    await vi.waitFor(() => expect(reloaded.snapshot().get(ID_A)).toEqual({ kind: 'stored', status: 201 }));
    expect(online.bodies).toEqual([offline.bodies[0]]);
    expect(await store.list()).toEqual([]);
  });

  test("the first outbox's localStorage entries move into IndexedDB before the first drain, each sent once", async () => {
    const legacy = new MemoryStorage();
    legacy.setItem(`saualnama.pending.${ID_A}`, JSON.stringify(submission(ID_A)));
    legacy.setItem(`saualnama.rejected.${ID_B}`, JSON.stringify({ ...submission(ID_B), problem: null }));
    legacy.setItem('saualnama.locale', 'ru');
    const online = fetchAnswering(201);
    const outbox = createOutbox({ store, legacyStorage: legacy, fetch: online.fetch });
    outbox.start();

    await vi.waitFor(() => expect(outbox.snapshot().get(ID_A)).toEqual({ kind: 'stored', status: 201 }));
    expect(online.bodies.map((text) => JSON.parse(text).id)).toEqual([ID_A]);
    expect(legacy.keys()).toEqual(['saualnama.locale']);
    expect((await store.listRefused()).map((sub) => sub.body.id)).toEqual([ID_B]);
    // A second page open finds nothing left to move or to send. Its drain runs before a response sent after
    // start() settles (one drain at a time, in order), so by then a wrongly kept A would have gone out again.
    const second = createOutbox({ store, legacyStorage: legacy, fetch: online.fetch });
    second.start();
    expect(await second.send('example', body(ID_C))).toEqual({ kind: 'stored', status: 201 });
    expect(online.bodies.map((text) => JSON.parse(text).id)).toEqual([ID_A, ID_C]);
  });

  test('a response that left the queue while this page waited (the service worker sent it) shows as sent', async () => {
    const offline = fetchAnswering('network-error');
    const outbox = createOutbox({ store, fetch: offline.fetch, random: () => 0 });
    void outbox.send('example', body(ID_A));
    await vi.waitFor(() => expect(outbox.snapshot().get(ID_A)?.kind).toBe('waiting'));

    await store.remove(ID_A);
    outbox.retryNow();
    await vi.waitFor(() => expect(outbox.snapshot().get(ID_A)).toEqual({ kind: 'stored', status: 200 }));
    expect(offline.bodies).toHaveLength(1);
  });

  test('unsent() gives the waiting and the refused responses, and the file holds their exact POST bodies', async () => {
    const refusing = fetchAnswering(410);
    const outbox = createOutbox({ store, fetch: refusing.fetch });
    await outbox.send('example', body(ID_B));
    await store.put(submission(ID_A));

    const unsent = await outbox.unsent();
    expect(unsent.waiting.map((sub) => sub.body)).toEqual([body(ID_A)]);
    expect(unsent.refused.map((sub) => sub.body)).toEqual([body(ID_B)]);
    const now = new Date(2024, 4, 14, 23, 30);
    expect(unsentFileName(now)).toBe('saualnama-unsent-2024-05-14.json');
    const file = JSON.parse(JSON.stringify(unsentFile(unsent, now, 'http://10.0.0.2:8080')));
    expect(file).toMatchObject({
      format: 'saualnama-unsent',
      formatVersion: 1,
      origin: 'http://10.0.0.2:8080',
    });
    expect(file.waiting[0]).toEqual({ surveyId: 'example', body: body(ID_A), queuedAt: expect.any(String) });
    expect(file.refused[0]).toMatchObject({ surveyId: 'example', body: body(ID_B), problem: null });
  });

  test('without IndexedDB the outbox still sends from memory, and says its answers would not survive a reload', async () => {
    const memory = await browserPendingStore(undefined);
    expect(memory.durable).toBe(false);
    const online = fetchAnswering(201);
    const outbox = createOutbox({ store: memory, fetch: online.fetch });
    await expect(outbox.send('example', body(ID_A))).resolves.toEqual({ kind: 'stored', status: 201 });
    expect(outbox.durable()).toBe(false);
  });
});

describe('drafts', () => {
  const now = new Date('2024-05-14T10:00:00Z');

  test('the newest draft of a link comes back, even for an older version than the newest', async () => {
    const drafts = idbDraftStore(lazyDatabase(factory));
    await drafts.save(draft({ version: 1, savedAt: '2024-05-14T09:50:00.000Z', pageNo: 2 }));
    await drafts.save(draft({ version: 2, savedAt: '2024-05-14T09:10:00.000Z' }));
    expect(await drafts.latest({ kind: 'survey', id: 'example' }, now)).toMatchObject({
      version: 1,
      pageNo: 2,
    });
  });

  test("a briefing's draft opens on the briefing's link only, not on the survey's own", async () => {
    const drafts = idbDraftStore(lazyDatabase(factory));
    const briefing = {
      slug: 'semey-2023',
      survey: 'example',
      region: 'KZ-10',
      city: 'Semey',
      date: '2023-09-15',
      title: { kk: 'С', ru: 'С', en: 'S' },
    };
    await drafts.save(draft({ briefing }));
    expect(await drafts.latest({ kind: 'survey', id: 'example' }, now)).toBeUndefined();
    expect(await drafts.latest({ kind: 'briefing', slug: 'semey-2023' }, now)).toMatchObject({ briefing });
  });

  test('a draft untouched for over a month is deleted instead of offered', async () => {
    const drafts = idbDraftStore(lazyDatabase(factory));
    await drafts.save(draft({ savedAt: new Date(now.getTime() - DRAFT_MAX_AGE_MS - 1).toISOString() }));
    expect(await drafts.latest({ kind: 'survey', id: 'example' }, now)).toBeUndefined();
    const later = idbDraftStore(lazyDatabase(factory));
    expect(await later.latest({ kind: 'survey', id: 'example' }, new Date(0))).toBeUndefined();
  });
});

/** localStorage as the browser has it, in memory: where the first outbox kept its responses. */
class MemoryStorage implements Storage {
  private readonly items = new Map<string, string>();
  get length(): number {
    return this.items.size;
  }
  key(index: number): string | null {
    return [...this.items.keys()][index] ?? null;
  }
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, String(value));
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
  clear(): void {
    this.items.clear();
  }
  keys(): string[] {
    return [...this.items.keys()];
  }
}
