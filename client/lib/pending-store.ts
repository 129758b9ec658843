// Where unsent responses wait on the device: one localStorage key per response, so two open tabs never
// overwrite each other's list. Falls back to memory when storage is refused (some private modes).
import type { Problem } from './api';
import type { Submission } from './send';

export interface PendingStore {
  /** Waiting responses, oldest first. */
  list(): Submission[];
  put(submission: Submission): void;
  remove(id: string): void;
  /** Keeps a response the server refused, so that it is never silently lost. */
  keepRejected(submission: Submission, problem: Problem | null): void;
}

const PENDING_PREFIX = 'saualnama.pending.';
const REJECTED_PREFIX = 'saualnama.rejected.';

export function browserPendingStore(): PendingStore {
  let storage: Storage | null = null;
  try {
    storage = window.localStorage;
    // Safari's old private mode exposes localStorage but throws on write.
    storage.setItem('saualnama.probe', '1');
    storage.removeItem('saualnama.probe');
  } catch {
    storage = null;
  }
  return storage ? localPendingStore(storage) : memoryPendingStore();
}

export function localPendingStore(storage: Storage): PendingStore {
  // Responses that storage refused (quota full) still go out from memory in this page; they just do not survive a reload.
  const unsaved = new Map<string, Submission>();
  return {
    list() {
      const found: Submission[] = [...unsaved.values()];
      for (let i = 0; i < storage.length; i += 1) {
        const key = storage.key(i);
        if (!key?.startsWith(PENDING_PREFIX)) continue;
        const submission = parse(storage.getItem(key));
        if (submission) found.push(submission);
      }
      return found.sort((a, b) => a.queuedAt.localeCompare(b.queuedAt));
    },
    put(submission) {
      try {
        storage.setItem(PENDING_PREFIX + submission.body.id, JSON.stringify(submission));
      } catch {
        unsaved.set(submission.body.id, submission);
      }
    },
    remove(id) {
      unsaved.delete(id);
      storage.removeItem(PENDING_PREFIX + id);
    },
    keepRejected(submission, problem) {
      try {
        storage.setItem(REJECTED_PREFIX + submission.body.id, JSON.stringify({ ...submission, problem }));
      } catch {
        // Nothing more to do: the respondent saw the refusal on screen.
      }
    },
  };
}

export function memoryPendingStore(): PendingStore {
  const waiting = new Map<string, Submission>();
  return {
    list: () => [...waiting.values()].sort((a, b) => a.queuedAt.localeCompare(b.queuedAt)),
    put: (submission) => void waiting.set(submission.body.id, submission),
    remove: (id) => void waiting.delete(id),
    keepRejected: () => undefined,
  };
}

function parse(text: string | null): Submission | null {
  try {
    const value = JSON.parse(text ?? 'null') as Submission | null;
    return value && typeof value.surveyId === 'string' && typeof value.body?.id === 'string' ? value : null;
  } catch {
    return null;
  }
}
