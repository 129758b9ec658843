// /workspace/text: the free-text browser. Pick a text question (or a choice question's "Other" texts), a region and a
// period, search (`q=`), and page through the answers newest first; every choice is kept in the address.
import { useState } from 'react';
import type { SummaryBody, TextBody } from '../../../server/http/contract/aggregates';
import { localized } from '../../lib/locale';
import { useLoad } from '../../lib/use-load';
import { getJson } from '../../lib/workspace-api';
import { countText } from '../coverage/format';
import { useAggregate, useSignedOut, useViewPage } from '../coverage/use-survey-view';
import { ViewFilterBar } from '../coverage/view-filter-bar';
import { apiPath, apiQuery } from '../coverage/view-query';
import { Field, SelectField } from '../fields';
import { LoadFailed } from '../load-failed';
import { setQuery } from '../router';
import type { SectionProps } from '../sections';
import { shellStrings } from '../strings';
import { AnswerList } from './answer-list';
import { TEXT_STRINGS } from './strings';
import { textQuestions } from './text-questions';
import './text-page.css';

const PAGE_SIZE = 25;

export default function TextPage({ session, locale, query, onSignedOut }: SectionProps) {
  const t = TEXT_STRINGS[locale];
  const shell = shellStrings(locale);
  const viewPage = useViewPage(session, query, onSignedOut);
  const { view, retryView, ready, filters, survey, key, badDates } = viewPage;
  // The summary lists the questions (personal data left out by the server) with how many answered each.
  const [summary, retrySummary] = useAggregate<SummaryBody>(viewPage, 'summary');
  const questions = summary.state === 'ready' && summary.value ? textQuestions(summary.value) : [];
  const chosen = questions.find((q) => q.name === query.get('question')) ?? questions[0];
  const q = query.get('q')?.trim() ?? '';
  const page = Math.max(1, Number.parseInt(query.get('page') ?? '1', 10) || 1);

  const [answers, retryAnswers] = useLoad(
    () =>
      chosen
        ? getJson<TextBody>(
            apiPath(
              survey,
              `text/${encodeURIComponent(chosen.name)}`,
              apiQuery(filters, { q, page, pageSize: PAGE_SIZE }),
            ),
          )
        : Promise.resolve(null),
    `text:${key}:${chosen?.name ?? ''}:${q}:${page}`,
  );
  useSignedOut([summary, answers], onSignedOut);

  const failed = [view, summary, answers].find((load) => load.state === 'failed');
  if (failed)
    return (
      <LoadFailed
        locale={locale}
        onRetry={
          view.state === 'failed' ? retryView : summary.state === 'failed' ? retrySummary : retryAnswers
        }
        error={failed.state === 'failed' ? failed.error : undefined}
      />
    );
  if (!ready) return <p className="muted">{shell.loading}</p>;

  const k = summary.state === 'ready' ? (summary.value?.smallCellThreshold ?? 5) : 5;
  const body = answers.state === 'ready' ? answers.value : null;
  const pages = body?.total != null ? Math.max(1, Math.ceil(body.total / body.pageSize)) : null;

  return (
    <div className="text-page">
      <h1>{t.title}</h1>
      <p className="muted">{t.intro}</p>
      <ViewFilterBar locale={locale} view={ready} filters={filters} surveyResets={['question', 'q']}>
        {questions.length > 0 && chosen && (
          <SelectField
            label={t.question}
            className="wide"
            value={chosen.name}
            onChange={(name) => setQuery({ question: name, page: null })}
          >
            {questions.map((item) => {
              const title = localized(item.title, locale);
              return (
                <option key={`${item.name}:${item.other}`} value={item.name}>
                  {item.other ? t.otherOf(title) : title} ({t.answered(countText(item.answered, k, locale))})
                </option>
              );
            })}
          </SelectField>
        )}
        <SearchField key={`${survey}:${q}`} initial={q} locale={locale} />
      </ViewFilterBar>

      {summary.state === 'ready' && summary.value && questions.length === 0 ? (
        <p className="notice">{t.noQuestions}</p>
      ) : !body ? (
        badDates ? null : (
          <p className="muted" role="status">
            {shell.loading}
          </p>
        )
      ) : (
        <section className="text-results" aria-live="polite">
          <h2 lang={locale}>{localized(body.question.title, locale)}</h2>
          <p className="muted">
            {body.answers.length === 0
              ? q
                ? t.nothingFound(q)
                : t.nothing
              : q
                ? t.found(q)
                : body.total !== null
                  ? t.total(body.total, shell.number(body.total))
                  : ''}{' '}
            {body.answers.length > 0 && t.asWritten}
          </p>
          <AnswerList locale={locale} regions={ready.regions} body={body} />
          {(page > 1 || body.hasMore) && (
            <nav className="pager" aria-label={t.pages}>
              <button
                type="button"
                disabled={page <= 1}
                onClick={() => setQuery({ page: page > 2 ? String(page - 1) : null })}
              >
                {t.previous}
              </button>
              <span>{t.page(page, pages)}</span>
              <button
                type="button"
                disabled={!body.hasMore}
                onClick={() => setQuery({ page: String(page + 1) })}
              >
                {t.next}
              </button>
            </nav>
          )}
        </section>
      )}
    </div>
  );
}

/** The search box: typed freely, sent to the address (and the server) on Enter or the button. */
function SearchField({ initial, locale }: { initial: string; locale: SectionProps['locale'] }) {
  const t = TEXT_STRINGS[locale];
  const [value, setValue] = useState(initial);
  const submit = () => setQuery({ q: value.trim() || null, page: null });
  return (
    <Field label={t.search} className="wide search">
      {(id) => (
        <div className="search-row">
          <input
            id={id}
            type="search"
            value={value}
            maxLength={200}
            onChange={(e) => setValue(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                submit();
              }
            }}
          />
          <button type="button" className="primary" onClick={submit}>
            {t.searchButton}
          </button>
          {initial && (
            <button type="button" onClick={() => setQuery({ q: null, page: null })}>
              {t.clearSearch}
            </button>
          )}
        </div>
      )}
    </Field>
  );
}
