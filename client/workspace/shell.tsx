// The signed-in frame: top bar, the navigation of the sections the user's role may open, and the open section.
// /workspace alone goes to the first such section; an unknown or forbidden path says so beside the navigation.
import { Component, Suspense, useEffect, type ReactNode } from 'react';
import type { Locale } from '../lib/locale';
import type { Session } from '../lib/workspace-api';
import { RefusedSurveys } from './refused-surveys';
import { DemoBanner } from './demo/demo-banner';
import { followLink, navigate, sectionHref, useLocation } from './router';
import { sectionsFor } from './sections';
import { shellStrings } from './strings';
import { TopBar } from './top-bar';

interface Props {
  session: Session;
  locale: Locale;
  onLocale: (locale: Locale) => void;
  onSignOut: () => void;
  onSignedOut: () => void;
}

export function Shell({ session, locale, onLocale, onSignOut, onSignedOut }: Props) {
  const t = shellStrings(locale);
  const { section: path, rest, query } = useLocation();
  const sections = sectionsFor(session.role);
  const open = sections.find((s) => s.path === path);
  const listed = sections.filter((s) => s.inNav !== false);
  const first = listed[0];

  const search = query.toString();
  useEffect(() => {
    if (path === '' && first)
      navigate(sectionHref(first.path, new URLSearchParams(search)), { replace: true });
  }, [path, first, search]);

  useEffect(() => {
    document.title = open ? `${open.title[locale]} · ${t.product}` : t.product;
  }, [open, locale, t.product]);

  // On a phone the strip scrolls sideways: bring the open section's link into it, so the reader sees where they are.
  useEffect(() => {
    document
      .querySelector('nav.sections [aria-current="page"]')
      ?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [open]);

  const Page = open?.component;
  return (
    <>
      <TopBar locale={locale} onLocale={onLocale} session={session} onSignOut={onSignOut} />
      {listed.length > 0 && (
        <nav className="sections" aria-label={t.sectionsLabel}>
          {listed.map((s) => (
            <a
              key={s.path}
              href={sectionHref(s.path)}
              onClick={followLink}
              aria-current={s === open ? 'page' : undefined}
            >
              {s.title[locale]}
            </a>
          ))}
        </nav>
      )}
      <main className="wide">
        {session.role === 'admin' && <RefusedSurveys locale={locale} />}
        <DemoBanner session={session} locale={locale} onSignedOut={onSignedOut} />
        {Page ? (
          <LoadGuard fallback={<p className="notice bad">{t.loadFailed}</p>} key={open.path}>
            <Suspense fallback={<p className="muted">{t.loading}</p>}>
              <Page session={session} locale={locale} query={query} rest={rest} onSignedOut={onSignedOut} />
            </Suspense>
          </LoadGuard>
        ) : sections.length === 0 ? (
          <p className="notice">{t.nothingForRole}</p>
        ) : path !== '' ? (
          <p className="notice">{t.notFound}</p>
        ) : null}
      </main>
    </>
  );
}

/** A section whose code failed to load (a deployment replaced the chunks under an open tab) shows a message. */
class LoadGuard extends Component<{ fallback: ReactNode; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}
