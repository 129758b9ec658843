// What the reader sees when a survey, briefing or list cannot be loaded: a plain reason and, when another try
// could help (no network, a server hiccup), a retry button.
import { HttpError } from '../lib/api';
import type { Locale } from '../lib/locale';
import { stringsFor } from '../lib/strings';

interface Props {
  error: unknown;
  locale: Locale;
  onRetry: () => void;
  /** What a 404 means on this page: no such survey, or no such briefing. */
  notFound?: 'survey' | 'briefing';
}

export function LoadProblem({ error, locale, onRetry, notFound = 'survey' }: Props) {
  const t = stringsFor(locale);
  const status = error instanceof HttpError ? error.status : null;
  const message =
    status === 404
      ? notFound === 'briefing'
        ? t.briefingNotFound
        : t.surveyNotFound
      : status === 410
        ? t.surveyClosed
        : t.loadFailed;
  const canRetry = status === null || status === 429 || status >= 500;
  return (
    <div className="panel problem" role="alert">
      <p>{message}</p>
      {canRetry && (
        <button type="button" className="button" onClick={onRetry}>
          {t.tryAgain}
        </button>
      )}
    </div>
  );
}
