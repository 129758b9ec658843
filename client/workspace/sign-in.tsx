// The sign-in form: email and password to POST /api/session; the server's refusals in the reader's language
// (wrong password, disabled account, too many attempts with the wait the server asks for).
import { useState, type FormEvent } from 'react';
import type { Locale } from '../lib/locale';
import { signIn, type SignInResult } from '../lib/workspace-api';
import { Field } from './fields';
import { shellStrings, type ShellStrings } from './strings';

function refusal(result: Extract<SignInResult, { ok: false }>, t: ShellStrings): string {
  if (result.status === 429) return t.tooManyAttempts(Math.max(1, Math.ceil((result.retryAfter ?? 60) / 60)));
  if (result.status === 401) return t.wrongCredentials;
  if (result.problem?.type?.endsWith('/account-disabled')) return t.accountDisabled;
  if (result.status === 400) return t.checkEmail;
  // Anything else (a 500, a proxy's page) in the server's words when it sent any, after our own.
  return [t.loadFailed, result.problem?.detail].filter(Boolean).join(' ');
}

export function SignIn({
  locale,
  notice,
  onSignedIn,
}: {
  locale: Locale;
  notice?: string | undefined;
  onSignedIn: () => void;
}) {
  const t = shellStrings(locale);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const result = await signIn(email.trim(), password);
      if (result.ok) {
        setPassword('');
        onSignedIn();
        return;
      }
      setError(refusal(result, t));
    } catch {
      setError(t.offline);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card sign-in" aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">{t.signInTitle}</h1>
      <p className="muted">{t.signInIntro}</p>
      {notice && !error && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      <form onSubmit={submit} noValidate={false}>
        <Field label={t.email}>
          {(id) => (
            <input
              id={id}
              type="email"
              name="email"
              autoComplete="username"
              inputMode="email"
              required
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
          )}
        </Field>
        <Field label={t.password}>
          {(id) => (
            <input
              id={id}
              type="password"
              name="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          )}
        </Field>
        {error && (
          <p className="notice bad" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t.signingIn : t.signIn}
        </button>
      </form>
      <p>
        <a href="/">{t.toSurveys}</a>
      </p>
    </section>
  );
}
