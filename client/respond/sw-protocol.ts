// What the respondent page and its service worker say to each other (postMessage and Background Sync tags).

export const OUTBOX_SYNC_TAG = 'saualnama-outbox';

export const SW_MESSAGE = {
  /** page → worker: `{type, urls}` API reads made before the worker controlled the page, to cache now. */
  cache: 'saualnama-cache',
  /** worker → page: the worker sent (or saw refused) responses from the outbox; the page refreshes its states. */
  outboxChanged: 'saualnama-outbox-changed',
} as const;
