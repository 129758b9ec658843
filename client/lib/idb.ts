// The respondent page's one IndexedDB database (outbox, refused responses, drafts) and the two promise helpers
// that every store module uses. Also loaded by the service worker, which drains the outbox in Background Sync.

const DB_NAME = 'saualnama';
const DB_VERSION = 1;

export type StoreName = 'outbox' | 'refused' | 'drafts';

/** Opens (and on first use creates) the database; `factory` is fake-indexeddb in unit tests. */
export function openDatabase(factory: IDBFactory = indexedDB): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = factory.open(DB_NAME, DB_VERSION);
    request.onupgradeneeded = () => {
      const db = request.result;
      // Keyed by the response's uuid: putting the same response twice can never make two entries.
      db.createObjectStore('outbox', { keyPath: 'body.id' });
      db.createObjectStore('refused', { keyPath: 'body.id' });
      db.createObjectStore('drafts', { keyPath: 'key' });
    };
    request.onsuccess = () => {
      const db = request.result;
      // A newer page (after a deployment) wants to upgrade the schema: let it, instead of blocking it forever.
      db.onversionchange = () => db.close();
      resolve(db);
    };
    request.onerror = () => reject(request.error ?? new Error('IndexedDB open failed'));
    request.onblocked = () => reject(new Error('IndexedDB is held open by an older tab'));
  });
}

/**
 * Runs `work` in one transaction and resolves with what its last request returned, once the transaction has
 * committed. Writes ask for `strict` durability (flushed to disk before `complete`): "saved on this phone"
 * must still be true after the battery dies. Browsers without the option ignore it.
 */
export function transact<T>(
  db: IDBDatabase,
  names: StoreName[],
  mode: IDBTransactionMode,
  work: (stores: Record<StoreName, IDBObjectStore>) => IDBRequest<T> | void,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const tx = db.transaction(names, mode, { durability: mode === 'readwrite' ? 'strict' : 'default' });
    const stores = Object.fromEntries(names.map((name) => [name, tx.objectStore(name)])) as Record<
      StoreName,
      IDBObjectStore
    >;
    const request = work(stores);
    tx.oncomplete = () => resolve(request?.result as T);
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });
}

/** A lazily opened database that reopens after `versionchange` closed it; a refused open is tried again next time. */
export function lazyDatabase(factory?: IDBFactory): () => Promise<IDBDatabase> {
  let opening: Promise<IDBDatabase> | null = null;
  return () => {
    opening ??= openDatabase(factory).then((db) => {
      db.addEventListener('close', () => (opening = null));
      const close = db.onversionchange;
      db.onversionchange = (event) => {
        opening = null;
        close?.call(db, event);
      };
      return db;
    });
    opening.catch(() => (opening = null));
    return opening;
  };
}
