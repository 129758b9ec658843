// The page at `/`: the open surveys, each a large link to `/s/<id>`, titled in the reader's language.
import { useEffect } from 'react';
import { getSurveys } from '../lib/api';
import { localized, type Locale } from '../lib/locale';
import { stringsFor } from '../lib/strings';
import { useLoad } from '../lib/use-load';
import { LoadProblem } from './load-problem';

export function SurveyList({ locale }: { locale: Locale }) {
  const t = stringsFor(locale);
  const [surveys, retry] = useLoad(getSurveys, 'surveys');

  useEffect(() => {
    document.title = `${t.surveysTitle} · Saualnama`;
  }, [t]);

  if (surveys.state === 'loading')
    return (
      <p className="notice" role="status">
        {t.loading}
      </p>
    );
  if (surveys.state === 'failed')
    return <LoadProblem error={surveys.error} locale={locale} onRetry={retry} />;

  const open = surveys.value.filter((survey) => !survey.closed);
  return (
    <section className="survey-list">
      <h1>{t.surveysTitle}</h1>
      <p>{open.length ? t.surveysIntro : t.surveysEmpty}</p>
      <ul>
        {open.map((survey) => (
          <li key={survey.id}>
            <a href={`/s/${encodeURIComponent(survey.id)}`}>{localized(survey.title, locale) || survey.id}</a>
          </li>
        ))}
      </ul>
    </section>
  );
}
