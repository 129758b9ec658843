// A signed-in user's own new password (POST /api/users/me/password): the forced screen after signing in with a
// one-time password, and the /workspace/password page for everyone else.
import { useState, type FormEvent } from 'react';
import { readProblem } from '../../lib/api';
import type { Locale } from '../../lib/locale';
import { SAME_ORIGIN } from '../../lib/workspace-api';
import { Field } from '../fields';
import { shellStrings } from '../strings';
import { ACCOUNT_STRINGS } from './strings';

/** The server's PASSWORD_MIN (server/http/contract/accounts.ts); the server checks again. */
const PASSWORD_MIN = 12;

interface Props {
  locale: Locale;
  /** The user signed in with a one-time password and may do nothing else first. */
  mustChange: boolean;
  onChanged: () => void;
  onSignedOut: () => void;
}

export function PasswordForm({ locale, mustChange, onChanged, onSignedOut }: Props) {
  const t = ACCOUNT_STRINGS[locale];
  const [current, setCurrent] = useState('');
  const [fresh, setFresh] = useState('');
  const [repeat, setRepeat] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (fresh.length < PASSWORD_MIN) return setMessage({ ok: false, text: t.tooShort });
    if (fresh !== repeat) return setMessage({ ok: false, text: t.mismatch });
    if (fresh === current) return setMessage({ ok: false, text: t.sameAsOld });
    setBusy(true);
    setMessage(null);
    try {
      const res = await fetch('/api/users/me/password', {
        ...SAME_ORIGIN,
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ currentPassword: current, newPassword: fresh }),
      });
      if (res.status === 401) return onSignedOut();
      if (res.ok) {
        setCurrent('');
        setFresh('');
        setRepeat('');
        setMessage({ ok: true, text: t.saved });
        onChanged();
        return;
      }
      const problem = await readProblem(res);
      setMessage({
        ok: false,
        text: problem?.type?.endsWith('/wrong-current-password')
          ? t.wrongCurrent
          : [t.failed, problem?.detail].filter(Boolean).join(' '),
      });
    } catch {
      setMessage({ ok: false, text: shellStrings(locale).offline });
    } finally {
      setBusy(false);
    }
  }

  const input = (id: string, value: string, set: (v: string) => void, autoComplete: string) => (
    <input
      id={id}
      type="password"
      required
      autoComplete={autoComplete}
      value={value}
      onChange={(e) => set(e.target.value)}
    />
  );

  return (
    <section className="card password-form" aria-labelledby="password-title">
      <h1 id="password-title">{t.title}</h1>
      <p className="muted">{mustChange ? t.mustIntro : t.intro}</p>
      <form onSubmit={submit}>
        <Field label={mustChange ? t.currentOneTime : t.current}>
          {(id) => input(id, current, setCurrent, 'current-password')}
        </Field>
        <Field label={t.fresh}>{(id) => input(id, fresh, setFresh, 'new-password')}</Field>
        <p className="hint">{t.freshHint}</p>
        <Field label={t.repeat}>{(id) => input(id, repeat, setRepeat, 'new-password')}</Field>
        {message && (
          <p className={message.ok ? 'notice good' : 'notice bad'} role={message.ok ? 'status' : 'alert'}>
            {message.text}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t.saving : t.save}
        </button>
      </form>
    </section>
  );
}
