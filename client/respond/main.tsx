// Entry of the respondent page: styles, the one outbox (which resumes unsent responses at once), the drafts,
// the service worker that makes the page open offline, and the app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// Never survey-core's default CSS: it loads Open Sans from Google Fonts, and the halls may have no internet.
import 'survey-core/survey-core.fontless.css';
import './respond.css';
import { browserDraftStore } from '../lib/drafts';
import { createOutbox } from '../lib/send';
import { App } from './app';
import { registerServiceWorker, requestBackgroundSync, requestPersistentStorage } from './offline';

const outbox = createOutbox({
  legacyStorage: legacyStorage(),
  onWaiting: requestBackgroundSync,
  onQueued: requestPersistentStorage,
});
outbox.start();
const drafts = browserDraftStore();
registerServiceWorker(outbox.retryNow);

/** The first outbox kept responses in localStorage; whatever it left is moved to IndexedDB. */
function legacyStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

const root = document.getElementById('root');
if (!root) throw new Error('respond/index.html lacks #root');
createRoot(root).render(
  <StrictMode>
    <App outbox={outbox} drafts={drafts} />
  </StrictMode>,
);
