// /workspace/coding: qualitative coding of one free-text question. The filter bar chooses the survey, region and
// period (in the address, shareable); tabs switch between the coding screen, the codebook (with its rules) and the
// agreement between two coders.
import { useState } from 'react';
import { localized } from '../../lib/locale';
import { useLoad } from '../../lib/use-load';
import { useSignedOut, useViewPage } from '../coverage/use-survey-view';
import { ViewFilterBar } from '../coverage/view-filter-bar';
import { SelectField } from '../fields';
import { LoadFailed } from '../load-failed';
import { setQuery } from '../router';
import type { SectionProps } from '../sections';
import { shellStrings } from '../strings';
import { AgreementPanel } from './agreement-panel';
import { CodebookEditor } from './codebook-editor';
import { getAgreement, getCodebook, getQueue, getRulePreview, listCodable } from './coding-api';
import { CodingScreen } from './coding-screen';
import { CODING_STRINGS } from './strings';
import './coding.css';

const TABS = ['code', 'codebook', 'agreement'] as const;
type Tab = (typeof TABS)[number];

export default function CodingPage({ session, locale, query, onSignedOut }: SectionProps) {
  const t = CODING_STRINGS[locale];
  const shell = shellStrings(locale);
  const viewPage = useViewPage(session, query, onSignedOut);
  const { view, retryView, ready, filters, survey, key } = viewPage;
  const [changes, setChanges] = useState(0);
  const changed = () => setChanges((n) => n + 1);
  const tab: Tab = (TABS as readonly string[]).includes(query.get('tab') ?? '')
    ? (query.get('tab') as Tab)
    : 'code';
  const pass = query.get('pass') === '2' ? 2 : 1;
  const uncodedOnly = query.get('uncoded') === '1';

  const [codable] = useLoad(
    () => (survey ? listCodable(survey) : Promise.resolve([])),
    `codable:${survey}:${changes}`,
  );
  const questions = codable.state === 'ready' ? codable.value : [];
  const chosen = questions.find((q) => q.name === query.get('question')) ?? questions[0];
  const name = chosen?.name ?? '';
  const [book, retryBook] = useLoad(
    () => (name ? getCodebook(survey, name) : Promise.resolve(null)),
    `book:${survey}:${name}:${changes}`,
  );
  const [queue] = useLoad(
    () =>
      name && tab === 'code'
        ? getQueue(survey, name, filters, pass, pass === 2 ? 'sample' : uncodedOnly ? 'uncoded' : 'all')
        : Promise.resolve(null),
    `queue:${key}:${name}:${tab}:${pass}:${uncodedOnly}:${changes}`,
  );
  const [preview] = useLoad(
    () => (name && tab === 'codebook' ? getRulePreview(survey, name, filters) : Promise.resolve(null)),
    `rules:${key}:${name}:${tab}:${changes}`,
  );
  const [agreement] = useLoad(
    () => (name && tab === 'agreement' ? getAgreement(survey, name, filters) : Promise.resolve(null)),
    `agreement:${key}:${name}:${tab}:${changes}`,
  );
  useSignedOut([codable, book, queue, preview, agreement], onSignedOut);

  if (view.state === 'failed') return <LoadFailed locale={locale} onRetry={retryView} />;
  if (book.state === 'failed') return <LoadFailed locale={locale} onRetry={retryBook} />;
  if (!ready) return <p className="muted">{shell.loading}</p>;
  const codes = book.state === 'ready' ? (book.value?.codes ?? []) : [];
  const editable = session.role === 'admin' || session.role === 'author';

  return (
    <div className="coding-page">
      <h1>{t.title}</h1>
      <p className="muted">{t.intro}</p>
      <ViewFilterBar locale={locale} view={ready} filters={filters} surveyResets={['question']}>
        {questions.length > 0 && chosen && (
          <SelectField
            label={t.question}
            className="wide"
            value={chosen.name}
            onChange={(q) => setQuery({ question: q })}
          >
            {questions.map((q) => (
              <option key={q.name} value={q.name}>
                {q.source === 'answer' ? localized(q.title, locale) : t.otherOf(localized(q.title, locale))}
              </option>
            ))}
          </SelectField>
        )}
      </ViewFilterBar>
      {codable.state === 'ready' && questions.length === 0 ? (
        <p className="notice">{t.noQuestions}</p>
      ) : (
        <>
          <div className="coding-tabs" role="tablist" aria-label={t.title}>
            {TABS.map((id) => (
              <button
                key={id}
                type="button"
                role="tab"
                aria-selected={tab === id}
                onClick={() => setQuery({ tab: id === 'code' ? null : id })}
              >
                {t.tabs[id]}
              </button>
            ))}
          </div>
          <section role="tabpanel" aria-label={t.tabs[tab]}>
            {tab === 'code' && (
              <>
                <div className="coding-options">
                  <label>
                    <input
                      type="checkbox"
                      checked={pass === 2}
                      onChange={(e) => setQuery({ pass: e.target.checked ? '2' : null })}
                    />
                    {t.secondCoder}
                  </label>
                  {pass === 1 && (
                    <label>
                      <input
                        type="checkbox"
                        checked={uncodedOnly}
                        onChange={(e) => setQuery({ uncoded: e.target.checked ? '1' : null })}
                      />
                      {t.onlyUncoded}
                    </label>
                  )}
                </div>
                {pass === 2 && <p className="muted">{t.secondCoderNote}</p>}
                {queue.state === 'ready' && queue.value && book.state === 'ready' ? (
                  <CodingScreen
                    survey={survey}
                    canQuote={editable}
                    key={`${key}:${name}:${pass}:${uncodedOnly}:${changes}`}
                    locale={locale}
                    regions={ready.regions}
                    question={name}
                    codes={codes}
                    queue={queue.value}
                  />
                ) : (
                  <p className="muted">{shell.loading}</p>
                )}
              </>
            )}
            {tab === 'codebook' && (
              <CodebookEditor
                locale={locale}
                survey={survey}
                question={name}
                codes={codes}
                preview={preview.state === 'ready' ? preview.value : null}
                filters={filters}
                editable={editable}
                onChanged={changed}
              />
            )}
            {tab === 'agreement' &&
              (agreement.state === 'ready' && agreement.value ? (
                <AgreementPanel
                  locale={locale}
                  regions={ready.regions}
                  question={name}
                  codes={codes}
                  agreement={agreement.value}
                  onChanged={changed}
                />
              ) : (
                <p className="muted">{shell.loading}</p>
              ))}
          </section>
        </>
      )}
    </div>
  );
}
