// A banner above every workspace page while demo data (`npm run cli -- demo`) sits beside the real answers, so
// nobody quotes a demo figure; admins get the button that removes it (DELETE /api/demo-data).
import { useEffect, useState } from 'react';
import { readProblem } from '../../lib/api';
import type { Locale } from '../../lib/locale';
import { getJson, SAME_ORIGIN, type Session } from '../../lib/workspace-api';
import type { DemoDataBody, DemoRemovalBody } from '../../../server/http/contract/demo-data';
import { shellStrings } from '../strings';
import { DEMO_STRINGS } from './strings';

interface Props {
  session: Session;
  locale: Locale;
  onSignedOut: () => void;
}

export function DemoBanner({ session, locale, onSignedOut }: Props) {
  const t = DEMO_STRINGS[locale];
  const number = shellStrings(locale).number;
  const [present, setPresent] = useState<DemoDataBody | null>(null);
  const [removed, setRemoved] = useState<DemoRemovalBody | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    // The banner is a courtesy: if the count cannot be read, the page works on without it.
    getJson<DemoDataBody>('/api/demo-data').then(setPresent, () => undefined);
  }, []);

  async function remove() {
    if (!window.confirm(t.confirm)) return;
    setBusy(true);
    setError(null);
    try {
      const res = await fetch('/api/demo-data', { ...SAME_ORIGIN, method: 'DELETE' });
      if (res.status === 401) return onSignedOut();
      if (!res.ok) {
        setError([t.failed, (await readProblem(res))?.detail].filter(Boolean).join(' '));
        return;
      }
      setRemoved((await res.json()) as DemoRemovalBody);
      setPresent({ responses: 0, briefings: 0 });
    } catch {
      setError(shellStrings(locale).offline);
    } finally {
      setBusy(false);
    }
  }

  if (removed)
    return (
      <p className="demo-banner done" role="status">
        {t.removed(number(removed.responses), number(removed.briefings))}{' '}
        {/* The page below was drawn with the demo answers: a reload shows it without them. */}
        <button type="button" onClick={() => location.reload()}>
          ↻
        </button>
      </p>
    );
  if (!present || (present.responses === 0 && present.briefings === 0)) return null;
  return (
    <section className="demo-banner" role="region" aria-label={t.remove}>
      <p>
        <strong>{t.present(number(present.responses), number(present.briefings))}</strong> {t.notReal}
      </p>
      {session.role === 'admin' && (
        <button type="button" onClick={() => void remove()} disabled={busy}>
          {busy ? t.removing : t.remove}
        </button>
      )}
      {error && (
        <p className="notice bad" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
