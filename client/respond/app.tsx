// The respondent page: reads the route from the address (`/`, `/s/<id>`, `/b/<slug>`), keeps the reader's
// language, and puts the language switch and the banner about earlier responses above every view.
import { useCallback, useEffect, useState } from 'react';
import type { DraftStore } from '../lib/drafts';
import { initialLocale, saveLocale, type Locale } from '../lib/locale';
import type { Outbox } from '../lib/send';
import { stringsFor } from '../lib/strings';
import { LocaleSwitch } from './locale-switch';
import { PendingBanner } from './pending-banner';
import { SurveyForm, type FormTarget } from './survey-form';
import { SurveyList } from './survey-list';

type Route = { kind: 'list' } | FormTarget | { kind: 'unknown' };

export function routeOf(pathname: string): Route {
  const path = pathname.replace(/\/+$/, '');
  if (path === '') return { kind: 'list' };
  const match = /^\/(s|b)\/([^/]+)$/.exec(path);
  if (!match?.[2]) return { kind: 'unknown' };
  const value = decodeURIComponent(match[2]);
  return match[1] === 's' ? { kind: 'survey', id: value } : { kind: 'briefing', slug: value };
}

export function App({ outbox, drafts }: { outbox: Outbox; drafts: DraftStore }) {
  const [locale, setLocale] = useState<Locale>(initialLocale);
  const [showingId, setShowingId] = useState<string | null>(null);
  const route = routeOf(window.location.pathname);

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const chooseLocale = useCallback((next: Locale) => {
    setLocale(next);
    saveLocale(next);
  }, []);

  return (
    <>
      <div className="topbar">
        <a className="brand" href="/" translate="no">
          Saualnama
        </a>
        <LocaleSwitch locale={locale} onChange={chooseLocale} />
      </div>
      <main>
        <PendingBanner outbox={outbox} locale={locale} exceptId={showingId} />
        {route.kind === 'list' && <SurveyList locale={locale} />}
        {(route.kind === 'survey' || route.kind === 'briefing') && (
          <SurveyForm
            target={route}
            locale={locale}
            outbox={outbox}
            drafts={drafts}
            onShowing={setShowingId}
          />
        )}
        {route.kind === 'unknown' && (
          <div className="panel problem" role="alert">
            <p>{stringsFor(locale).surveyNotFound}</p>
            <a className="button" href="/">
              {stringsFor(locale).surveysTitle}
            </a>
          </div>
        )}
      </main>
    </>
  );
}
