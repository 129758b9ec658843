// A line above the page about responses from earlier (a previous visit, or a form left while it waited) that
// are still on this phone waiting to be sent, and then that they went; the response on screen has its own
// status view instead, which counts them all, so the line steps aside while that one waits.
import { useRef, useSyncExternalStore } from 'react';
import type { Locale } from '../lib/locale';
import type { Outbox } from '../lib/send';
import { stringsFor } from '../lib/strings';
import { SaveUnsentButton } from './save-unsent-button';

export function PendingBanner({
  outbox,
  locale,
  exceptId,
}: {
  outbox: Outbox;
  locale: Locale;
  exceptId: string | null;
}) {
  const states = useSyncExternalStore(outbox.subscribe, outbox.snapshot);
  // Responses seen in flight while not on screen; adding is idempotent, so a repeated render does no harm.
  const earlier = useRef(new Set<string>()).current;
  for (const [id, state] of states) {
    if (id !== exceptId && (state.kind === 'sending' || state.kind === 'waiting')) earlier.add(id);
  }
  const shown = exceptId === null ? undefined : states.get(exceptId)?.kind;
  if (earlier.size === 0 || shown === 'sending' || shown === 'waiting') return null;

  const t = stringsFor(locale);
  let inFlight = 0;
  let rejected = 0;
  for (const id of earlier) {
    const kind = id === exceptId ? null : states.get(id)?.kind;
    if (kind === 'sending' || kind === 'waiting') inFlight += 1;
    if (kind === 'rejected') rejected += 1;
  }
  if (inFlight > 0) {
    return (
      <div className="banner" role="status">
        <p>{t.earlierWaiting(inFlight)}</p>
        <SaveUnsentButton outbox={outbox} locale={locale} />
      </div>
    );
  }
  return (
    <div className={rejected ? 'banner warn' : 'banner ok'} role="status">
      <p>{rejected ? t.earlierRejected : t.earlierSent}</p>
      {rejected > 0 && <SaveUnsentButton outbox={outbox} locale={locale} />}
    </div>
  );
}
