// The page's side of working offline: registers the service worker (built pages only), tells it which API
// reads to cache, asks for Background Sync when answers wait and for persistent storage once answers are queued.
import { apiReads } from '../lib/api';
import { OUTBOX_SYNC_TAG, SW_MESSAGE } from './sw-protocol';

/** Background Sync is Chromium's; the DOM library does not describe it. */
interface SyncRegistration extends ServiceWorkerRegistration {
  sync?: { register(tag: string): Promise<void> };
}

const supported = () => 'serviceWorker' in navigator && import.meta.env.PROD;

export function registerServiceWorker(onOutboxChanged: () => void): void {
  if (!supported()) return;
  const container = navigator.serviceWorker;
  container.register('/sw.js', { scope: '/' }).catch(() => {
    // No worker (e.g. a private window that refuses it): the page still works online, and the outbox still waits.
  });
  container.addEventListener('message', (event: MessageEvent<{ type?: unknown } | null>) => {
    if (event.data?.type === SW_MESSAGE.outboxChanged) onOutboxChanged();
  });
  // On the first visit the page read its survey before the worker was installed: hand those reads over.
  const handOver = () => {
    container.controller?.postMessage({ type: SW_MESSAGE.cache, urls: [...apiReads] });
  };
  container.addEventListener('controllerchange', handOver);
  void container.ready.then(handOver);
}

/** Lets the browser send waiting answers when the network returns, even after the tab is closed (Chromium). */
export function requestBackgroundSync(): void {
  if (!supported()) return;
  void navigator.serviceWorker.ready
    .then((registration: SyncRegistration) => registration.sync?.register(OUTBOX_SYNC_TAG))
    .catch(() => undefined);
}

let persistAsked = false;

/** Asks once that the browser not evict this site's storage (and with it, unsent answers) when space runs low. */
export function requestPersistentStorage(): void {
  if (persistAsked || !navigator.storage?.persist) return;
  persistAsked = true;
  void navigator.storage
    .persisted()
    .then((already) => already || navigator.storage.persist())
    .catch(() => undefined);
}
