// Placeholder entry for the analysts', authors' and admins' workspace, so the build has both entries;
// the workspace itself (exports, dashboard, briefings, users) arrives in a later issue.
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { initialLocale, LOCALE_NAMES, LOCALES, saveLocale, type Locale } from '../lib/locale';

const TEXT: Record<Locale, string> = {
  kk: 'Талдаушылар мен әкімшілерге арналған жұмыс кеңістігі келесі кезеңде қосылады.',
  ru: 'Рабочее пространство для аналитиков и администраторов появится на следующем этапе.',
  en: 'The workspace for analysts and admins arrives in a later issue.',
};

function Placeholder() {
  const [locale, setLocale] = useState<Locale>(initialLocale);
  document.documentElement.lang = locale;
  return (
    <main
      style={{
        fontFamily: 'system-ui, sans-serif',
        maxWidth: 640,
        margin: '0 auto',
        padding: 16,
        lineHeight: 1.5,
      }}
    >
      <h1>Saualnama workspace</h1>
      <p>{TEXT[locale]}</p>
      <p>
        {LOCALES.map((code) => (
          <button
            key={code}
            type="button"
            aria-pressed={code === locale}
            style={{ marginRight: 8, minHeight: 44, fontSize: 16 }}
            onClick={() => {
              setLocale(code);
              saveLocale(code);
            }}
          >
            {LOCALE_NAMES[code]}
          </button>
        ))}
      </p>
      <p>
        <a href="/">Saualnama</a>
      </p>
    </main>
  );
}

const root = document.getElementById('root');
if (!root) throw new Error('workspace/index.html lacks #root');
createRoot(root).render(
  <StrictMode>
    <Placeholder />
  </StrictMode>,
);
