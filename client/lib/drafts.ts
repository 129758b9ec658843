// Answers in progress, kept in IndexedDB so that a reload, a closed tab or a dead battery loses nothing.
// One draft per survey, version and briefing; it carries its own definition, so that it reopens offline, after
// the survey closed, or after a newer version came out (it is sent to the version it was begun on).
import type { Briefing } from './api';
import { lazyDatabase, transact } from './idb';

export interface Draft {
  key: string;
  surveyId: string;
  version: number;
  briefing: Briefing | null;
  definition: Record<string, unknown>;
  /** The response's uuid and start time, kept so that the finished response is the one that was begun. */
  responseId: string;
  startedAt: string;
  data: Record<string, unknown>;
  pageNo: number;
  savedAt: string;
}

/** What a page is for: a survey's own link, or a briefing's. */
export type DraftTarget = { kind: 'survey'; id: string } | { kind: 'briefing'; slug: string };

export interface DraftStore {
  save(draft: Draft): Promise<void>;
  /** The most recently saved draft for this link, if any; drafts older than DRAFT_MAX_AGE_MS are dropped. */
  latest(target: DraftTarget, now?: Date): Promise<Draft | undefined>;
  remove(key: string): Promise<void>;
}

// A month: long enough for any briefing's stragglers, short enough that a phone does not keep contact details
// typed into a form that was never sent for ever.
export const DRAFT_MAX_AGE_MS = 30 * 24 * 3_600_000;

export function draftKey(surveyId: string, version: number, briefing: string | null): string {
  return JSON.stringify([surveyId, version, briefing ?? '']);
}

function matches(draft: Draft, target: DraftTarget): boolean {
  return target.kind === 'briefing'
    ? draft.briefing?.slug === target.slug
    : draft.surveyId === target.id && draft.briefing === null;
}

export function idbDraftStore(database: () => Promise<IDBDatabase>): DraftStore {
  return {
    async save(draft) {
      await transact(await database(), ['drafts'], 'readwrite', (s) => void s.drafts.put(draft));
    },
    async latest(target, now = new Date()) {
      const all = (await transact(await database(), ['drafts'], 'readonly', (s) =>
        s.drafts.getAll(),
      )) as Draft[];
      const stale = all.filter((draft) => now.getTime() - Date.parse(draft.savedAt) > DRAFT_MAX_AGE_MS);
      if (stale.length > 0) {
        await transact(await database(), ['drafts'], 'readwrite', (s) => {
          for (const draft of stale) s.drafts.delete(draft.key);
        });
      }
      return all
        .filter((draft) => !stale.includes(draft) && matches(draft, target))
        .sort((a, b) => b.savedAt.localeCompare(a.savedAt))[0];
    },
    async remove(key) {
      await transact(await database(), ['drafts'], 'readwrite', (s) => void s.drafts.delete(key));
    },
  };
}

/** Without IndexedDB drafts last as long as the page: nothing to restore, nothing to promise. */
export function memoryDraftStore(): DraftStore {
  const drafts = new Map<string, Draft>();
  return {
    save: async (draft) => void drafts.set(draft.key, draft),
    latest: async (target) =>
      [...drafts.values()]
        .filter((d) => matches(d, target))
        .sort((a, b) => b.savedAt.localeCompare(a.savedAt))[0],
    remove: async (key) => void drafts.delete(key),
  };
}

export function browserDraftStore(factory?: IDBFactory): DraftStore {
  const factoryOrNone = factory ?? globalThis.indexedDB;
  if (!factoryOrNone) return memoryDraftStore();
  const store = idbDraftStore(lazyDatabase(factoryOrNone));
  // Drafts are a convenience: a refused IndexedDB must never stop the form from opening or sending.
  return {
    save: (draft) => store.save(draft).catch(() => undefined),
    latest: (target, now) => store.latest(target, now).catch(() => undefined),
    remove: (key) => store.remove(key).catch(() => undefined),
  };
}
