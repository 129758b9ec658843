// The bar at the top of every workspace page: the product name, the kk/ru/en switch, and (signed in) the
// user's email and role with the sign-out button.
import { LOCALE_NAMES, LOCALES, type Locale } from '../lib/locale';
import type { Session } from '../lib/workspace-api';
import { ACCOUNT_STRINGS } from './account/strings';
import { BASE, followLink, sectionHref } from './router';
import { shellStrings } from './strings';

interface Props {
  locale: Locale;
  onLocale: (locale: Locale) => void;
  session?: Session;
  onSignOut?: () => void;
}

export function TopBar({ locale, onLocale, session, onSignOut }: Props) {
  const t = shellStrings(locale);
  return (
    <header className="topbar">
      <a className="brand" href={BASE} onClick={followLink}>
        {t.product} <span className="brand-sub">{t.workspace}</span>
      </a>
      <div className="topbar-end">
        <div className="locale-switch" role="group" aria-label={t.languageLabel}>
          {LOCALES.map((code) => (
            <button
              key={code}
              type="button"
              lang={code}
              aria-pressed={code === locale}
              onClick={() => onLocale(code)}
            >
              {LOCALE_NAMES[code]}
            </button>
          ))}
        </div>
        {session && (
          <div className="user" aria-label={t.signedInAs}>
            <span className="user-email" title={session.email}>
              {session.email}
            </span>
            <span className="user-role">{t.roles[session.role]}</span>
            {/* Not while a one-time password must be replaced: that form is already the whole page. */}
            {!session.mustChangePassword && (
              <a className="user-password" href={sectionHref('password')} onClick={followLink}>
                {ACCOUNT_STRINGS[locale].link}
              </a>
            )}
          </div>
        )}
        {onSignOut && (
          <button type="button" className="sign-out" onClick={onSignOut}>
            {t.signOut}
          </button>
        )}
      </div>
    </header>
  );
}
