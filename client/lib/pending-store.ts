// Where unsent responses wait on the device: IndexedDB (the `outbox` store, and `refused` for answers the server
// turned down, kept for "save my unsent answers to a file"); memory when the browser refuses IndexedDB.
// Also moves what the first, localStorage-based outbox left behind into IndexedDB, once.
import type { Problem } from './api';
import { lazyDatabase, transact } from './idb';
import type { Submission } from './send';

export interface RefusedSubmission extends Submission {
  problem: Problem | null;
  refusedAt: string;
}

export interface PendingStore {
  /** False when answers last only as long as the page (no IndexedDB): the page must not say "saved". */
  readonly durable: boolean;
  /** Waiting responses, oldest first. */
  list(): Promise<Submission[]>;
  /** Queues a response; when `draftKey` is given, deletes that draft in the same transaction. */
  put(submission: Submission, draftKey?: string): Promise<void>;
  remove(id: string): Promise<void>;
  /** Moves a response the server refused out of the queue and keeps it aside, so it is never silently lost. */
  refuse(submission: Submission, problem: Problem | null, refusedAt: string): Promise<void>;
  listRefused(): Promise<RefusedSubmission[]>;
}

const byQueuedAt = (a: Submission, b: Submission) => a.queuedAt.localeCompare(b.queuedAt);

export function idbPendingStore(database: () => Promise<IDBDatabase>): PendingStore {
  return {
    durable: true,
    async list() {
      const all = await transact(await database(), ['outbox'], 'readonly', (s) => s.outbox.getAll());
      return (all as Submission[]).sort(byQueuedAt);
    },
    async put(submission, draftKey) {
      const names = draftKey === undefined ? (['outbox'] as const) : (['outbox', 'drafts'] as const);
      await transact(await database(), [...names], 'readwrite', (s) => {
        s.outbox.put(submission);
        if (draftKey !== undefined) s.drafts.delete(draftKey);
      });
    },
    async remove(id) {
      await transact(await database(), ['outbox'], 'readwrite', (s) => void s.outbox.delete(id));
    },
    async refuse(submission, problem, refusedAt) {
      const refused: RefusedSubmission = { ...submission, problem, refusedAt };
      await transact(await database(), ['outbox', 'refused'], 'readwrite', (s) => {
        s.outbox.delete(submission.body.id);
        s.refused.put(refused);
      });
    },
    async listRefused() {
      const all = await transact(await database(), ['refused'], 'readonly', (s) => s.refused.getAll());
      return (all as RefusedSubmission[]).sort(byQueuedAt);
    },
  };
}

export function memoryPendingStore(): PendingStore {
  const waiting = new Map<string, Submission>();
  const refused = new Map<string, RefusedSubmission>();
  return {
    durable: false,
    list: async () => [...waiting.values()].sort(byQueuedAt),
    put: async (submission) => void waiting.set(submission.body.id, submission),
    remove: async (id) => void waiting.delete(id),
    async refuse(submission, problem, refusedAt) {
      waiting.delete(submission.body.id);
      refused.set(submission.body.id, { ...submission, problem, refusedAt });
    },
    listRefused: async () => [...refused.values()].sort(byQueuedAt),
  };
}

/** IndexedDB when the browser gives it (Firefox's private windows used to refuse it), else memory. */
export async function browserPendingStore(factory?: IDBFactory): Promise<PendingStore> {
  const database = lazyDatabase(factory ?? globalThis.indexedDB);
  try {
    await database();
    return idbPendingStore(database);
  } catch {
    return memoryPendingStore();
  }
}

const PENDING_PREFIX = 'saualnama.pending.';
const REJECTED_PREFIX = 'saualnama.rejected.';

/**
 * Moves responses from the first outbox (one localStorage key per response) into `store`. Each key is removed
 * only after its response is in the store, so a crash halfway loses nothing; a second run finds nothing left.
 */
export async function migrateLocalStorage(storage: Storage, store: PendingStore): Promise<number> {
  const keys: string[] = [];
  for (let i = 0; i < storage.length; i += 1) {
    const key = storage.key(i);
    if (key?.startsWith(PENDING_PREFIX) || key?.startsWith(REJECTED_PREFIX)) keys.push(key);
  }
  let moved = 0;
  for (const key of keys) {
    const found = parse(storage.getItem(key));
    if (found && key.startsWith(PENDING_PREFIX)) await store.put(found.submission);
    else if (found) await store.refuse(found.submission, found.problem, found.submission.queuedAt);
    storage.removeItem(key);
    if (found) moved += 1;
  }
  return moved;
}

function parse(text: string | null): { submission: Submission; problem: Problem | null } | null {
  try {
    const value = JSON.parse(text ?? 'null') as (Submission & { problem?: Problem | null }) | null;
    if (!value || typeof value.surveyId !== 'string' || typeof value.body?.id !== 'string') return null;
    const { problem = null, ...submission } = value;
    return {
      submission: { surveyId: submission.surveyId, body: submission.body, queuedAt: submission.queuedAt },
      problem,
    };
  } catch {
    return null;
  }
}
