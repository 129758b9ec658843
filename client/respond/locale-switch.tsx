// The kk / ru / en switch at the top of every respondent page: three buttons, the current one pressed.
import { LOCALE_NAMES, LOCALES, type Locale } from '../lib/locale';
import { stringsFor } from '../lib/strings';

export function LocaleSwitch({ locale, onChange }: { locale: Locale; onChange: (locale: Locale) => void }) {
  return (
    <div className="locale-switch" role="group" aria-label={stringsFor(locale).languageLabel}>
      {LOCALES.map((code) => (
        <button
          key={code}
          type="button"
          lang={code}
          aria-pressed={code === locale}
          onClick={() => onChange(code)}
        >
          {LOCALE_NAMES[code]}
        </button>
      ))}
    </div>
  );
}
