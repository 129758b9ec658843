// The draft as a respondent will see it: the respondent page's own model setup (client/respond/survey-setup.ts) in a
// phone-sized frame, in kk, ru or en. Nothing is sent: completing the preview only shows the end of the survey.
// Loaded lazily, so survey-core stays out of the workspace's other pages.
import { useMemo, useState } from 'react';
import { Survey } from 'survey-react-ui';
import 'survey-core/survey-core.fontless.css';
import { LOCALE_NAMES, LOCALES, type Locale } from '../../lib/locale';
import { createModel } from '../../respond/survey-setup';
import { SURVEYS_STRINGS } from './strings';

export default function DraftPreview({
  definition,
  locale,
}: {
  definition: Record<string, unknown>;
  locale: Locale;
}) {
  const t = SURVEYS_STRINGS[locale];
  const [language, setLanguage] = useState<Locale>(locale);
  const model = useMemo(() => createModel(definition, language), [definition, language]);
  return (
    <section className="draft-preview" aria-label={t.preview}>
      <div className="locale-switch" role="group" aria-label={t.previewLanguage}>
        {LOCALES.map((code) => (
          <button
            key={code}
            type="button"
            lang={code}
            aria-pressed={code === language}
            onClick={() => setLanguage(code)}
          >
            {LOCALE_NAMES[code]}
          </button>
        ))}
      </div>
      <div className="phone-frame" lang={language}>
        <Survey model={model} />
      </div>
    </section>
  );
}
