// The workspace's root: asks the server who is signed in (GET /api/session), then shows the sign-in form or the
// shell. The address is kept throughout, so a shared link to a filtered view opens that view after signing in.
import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { initialLocale, saveLocale, type Locale } from '../lib/locale';
import { getSession, signOut, type Session } from '../lib/workspace-api';
import { PasswordForm } from './account/password-form';
import { LoadFailed } from './load-failed';
import { Shell } from './shell';
import { SignIn } from './sign-in';
import { shellStrings } from './strings';
import { TopBar } from './top-bar';

// /b/<slug>/live (the projector screen) is served by this entry too: same sign-in, no shell around it.
const LiveScreen = lazy(() => import('./live/live-screen'));
const isLiveScreen = () => /^\/b\/[^/]+\/live\/?$/.test(location.pathname);

type State =
  | { state: 'loading' }
  | { state: 'failed' }
  | { state: 'signed-out'; notice?: 'ended' | 'signed-out' }
  | { state: 'signed-in'; session: Session };

export function App({ firstSession }: { firstSession?: Promise<Session | null> }) {
  const [locale, setLocale] = useState<Locale>(initialLocale);
  const [state, setState] = useState<State>({ state: 'loading' });
  const t = shellStrings(locale);

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const changeLocale = useCallback((next: Locale) => {
    setLocale(next);
    // The same stored choice as the respondent page: one language across the site.
    saveLocale(next);
  }, []);

  // The first answer is the one main.tsx asked for before rendering; later loads (after a password change) ask again.
  const first = useRef(firstSession);
  const load = useCallback(() => {
    setState({ state: 'loading' });
    const asked = first.current ?? getSession();
    first.current = undefined;
    asked.then(
      (session) => setState(session ? { state: 'signed-in', session } : { state: 'signed-out' }),
      () => setState({ state: 'failed' }),
    );
  }, []);
  useEffect(load, [load]);

  const ended = useCallback(() => setState({ state: 'signed-out', notice: 'ended' }), []);
  const leave = useCallback(() => {
    // Shown as signed out whatever the server said: a failed DELETE must not keep the user looking signed in.
    signOut()
      .catch(() => undefined)
      .finally(() => setState({ state: 'signed-out', notice: 'signed-out' }));
  }, []);

  // Signed in with a one-time password from an admin: the server refuses everything else until it is replaced.
  if (state.state === 'signed-in' && state.session.mustChangePassword)
    return (
      <>
        <TopBar locale={locale} onLocale={changeLocale} session={state.session} onSignOut={leave} />
        <main className="narrow">
          <PasswordForm locale={locale} mustChange onChanged={load} onSignedOut={ended} />
        </main>
      </>
    );
  if (state.state === 'signed-in' && isLiveScreen())
    return (
      <Suspense fallback={null}>
        <LiveScreen locale={locale} onSignedOut={ended} />
      </Suspense>
    );
  if (state.state === 'signed-in')
    return (
      <Shell
        session={state.session}
        locale={locale}
        onLocale={changeLocale}
        onSignOut={leave}
        onSignedOut={ended}
      />
    );

  return (
    <>
      <TopBar locale={locale} onLocale={changeLocale} />
      <main className="narrow">
        {state.state === 'loading' && (
          <p className="muted" role="status">
            {t.loading}
          </p>
        )}
        {state.state === 'failed' && <LoadFailed locale={locale} message={t.offline} onRetry={load} />}
        {state.state === 'signed-out' && (
          <SignIn
            locale={locale}
            notice={
              state.notice === 'ended'
                ? t.sessionEnded
                : state.notice === 'signed-out'
                  ? t.signedOut
                  : undefined
            }
            onSignedIn={load}
          />
        )}
      </main>
    </>
  );
}
