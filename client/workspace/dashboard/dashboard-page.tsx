// /workspace/dashboard: every question of a survey charted, in the survey's own sections, for the filters in the
// address (survey, region, version, briefing, period); the small-cell rule said in words above the charts.
import { startTransition, useDeferredValue, useEffect, useMemo, useState } from 'react';
import type { QuestionAggregate, SummaryBody } from '../../../server/http/contract/aggregates';
import { hasParts, PartCards } from '../../charts/part-cards';
import { QuestionCard } from '../../charts/question-card';
import { isShown } from '../../charts/question-model';
import { localized } from '../../lib/locale';
import { isSignedOut } from '../../lib/workspace-api';
import { LoadFailed } from '../load-failed';
import { PrivacyNote } from '../privacy/privacy-note';
import { followLink, sectionHref } from '../router';
import type { SectionProps } from '../sections';
import { shellStrings } from '../strings';
import { ClearFilters, FilterBar } from './filter-bar';
import { apiQuery, fileParts, filterWords, readFilters, summaryPath } from './filters';
import { DASHBOARD_STRINGS } from './strings';
import { useSurveyContext } from './survey-context';
import { firstQuestions, groupByPage, surveyPages } from './survey-pages';
import { CodeResults } from '../coding/code-results';
import { useStaleLoad } from './use-stale-load';
import './dashboard.css';

/**
 * The region question lists the filter's regions only: with one region chosen, nineteen bars at 0% say nothing.
 * (A region-limited analyst's filter is their regions, so others never appear as zeros either.)
 */
function onlyFiltered(q: QuestionAggregate, body: SummaryBody): QuestionAggregate {
  if (q.name !== 'region' || q.kind !== 'choice') return q;
  const chosen = new Set(body.filters.regions);
  return { ...q, choices: q.choices.filter((c) => chosen.has(String(c.code))) };
}

const NO_GROUPS: ReturnType<typeof groupByPage<QuestionAggregate>> = [];
/** Cards rendered first: enough to fill a laptop's first screen of charts. */
const FIRST_CARDS = 4;

export default function DashboardPage({ session, locale, query, onSignedOut }: SectionProps) {
  const t = DASHBOARD_STRINGS[locale];
  const shell = shellStrings(locale);
  const filters = readFilters(query);
  const ctx = useSurveyContext(session, filters.survey, onSignedOut);
  // The survey named in the address is asked for at once, beside the survey's context (not after it): when the
  // context settles on the same survey, the path is the same and nothing is asked twice.
  const survey = ctx.state === 'ready' ? ctx.survey.id : ctx.state === 'loading' ? filters.survey : null;
  const summary = useStaleLoad<SummaryBody>(survey && summaryPath(survey, filters));

  useEffect(() => {
    if (isSignedOut(summary.error)) onSignedOut();
  }, [summary.error, onSignedOut]);

  const pages = useMemo(
    () => (ctx.state === 'ready' ? surveyPages(ctx.definition, locale) : []),
    [ctx, locale],
  );
  // A summary for another survey (the picker just changed) must not be drawn under this survey's sections.
  const body = summary.value?.survey === survey ? summary.value : null;
  const pagesKnown = ctx.state === 'ready';
  // Grouped once the survey's pages are known: the summary now often comes before the definition (both asked at page
  // open), and cards first rendered in one page-less group were unmounted and drawn again under their pages.
  const groups = useMemo(
    () =>
      body && pagesKnown
        ? groupByPage(
            body.questions.map((q) => onlyFiltered(q, body)),
            pages,
          )
        : [],
    [body, pages, pagesKnown],
  );

  // The ~30 cards are rendered in the background, in slices, after the page's head and filters are up: the first
  // render of all of them was one task of 0.3-1 s (issue 13: no task over 200 ms). Starts empty on first load. On the
  // first load the first few cards go alone, and the rest only once those are on the page: a background render
  // commits as a whole, so the first screen's charts waited ~0.7 s for the last card's render.
  const [allCards, setAllCards] = useState(false);
  const wanted = useMemo(() => (allCards ? groups : firstQuestions(groups, FIRST_CARDS)), [allCards, groups]);
  const shownGroups = useDeferredValue(wanted, NO_GROUPS);
  const firstShown = shownGroups.length > 0;
  useEffect(() => {
    if (!firstShown || allCards) return;
    // A task of its own: asked inside this commit, React would render the rest before painting the first cards.
    const timer = setTimeout(() => startTransition(() => setAllCards(true)), 0);
    return () => clearTimeout(timer);
  }, [firstShown, allCards]);

  if (ctx.state === 'failed') return <LoadFailed locale={locale} onRetry={ctx.retry} />;
  if (ctx.state === 'loading') return <p className="muted">{shell.loading}</p>;

  const k = body?.smallCellThreshold ?? 5;
  const briefingTitle = ctx.briefings.find((b) => b.slug === filters.briefing)?.title;
  const context = [
    localized(ctx.survey.title, locale),
    filterWords(filters, { locale, regions: ctx.regions, briefingTitle }),
  ];
  const parts = fileParts(filters, ctx.survey.id);
  const responses = body?.responses;
  const textQuery = (question: string) => {
    const q = new URLSearchParams(query);
    q.set('survey', ctx.survey.id);
    q.set('question', question);
    return sectionHref('text', q);
  };

  return (
    <div className="dashboard">
      <header className="page-head">
        <h1>{t.title}</h1>
        <p className="muted">{t.intro}</p>
      </header>
      <FilterBar
        locale={locale}
        surveys={ctx.surveys}
        survey={ctx.survey}
        filters={filters}
        regions={ctx.readable}
        briefings={ctx.briefings}
        flagFilter
      />
      <p className="suppression-note" role="note">
        {t.suppression(k)}
      </p>
      {body && <PrivacyNote locale={locale} perturbed={body.perturbed === true} k={k} />}
      {summary.error && !isSignedOut(summary.error) ? (
        <LoadFailed locale={locale} onRetry={summary.retry} error={summary.error} />
      ) : null}
      <div className="totals" aria-live="polite" aria-busy={summary.loading}>
        {responses && (
          <p className="total">
            {t.responses}:{' '}
            <strong data-testid="responses">
              {isShown(responses) ? shell.number(responses.count) : `< ${k}`}
            </strong>
          </p>
        )}
        {summary.loading && <span className="muted">{body ? t.updating : shell.loading}</span>}
        <ClearFilters locale={locale} filters={filters} keepRegion={false} />
      </div>
      {body && isShown(body.responses) && body.responses.count === 0 && (
        <p className="notice">{t.noResponses}</p>
      )}
      {shownGroups.length > 1 && (
        <nav className="page-nav" aria-label={t.sections}>
          {shownGroups.map(({ page }) => (
            <a key={page.name} href={`#part-${page.name}`}>
              {page.title}
            </a>
          ))}
        </nav>
      )}
      {shownGroups.map(({ page, questions }) => (
        <section
          key={page.name}
          id={`part-${page.name}`}
          className="survey-part"
          aria-labelledby={`part-${page.name}-title`}
        >
          <h2 id={`part-${page.name}-title`}>{page.title}</h2>
          <div className="chart-grid">
            {questions.map((q) =>
              q.kind === 'answered' && hasParts(q) ? (
                <PartCards
                  key={q.name}
                  question={q}
                  locale={locale}
                  k={k}
                  fileParts={parts}
                  context={context}
                />
              ) : (
                <QuestionCard
                  key={q.name}
                  question={q}
                  locale={locale}
                  k={k}
                  fileParts={parts}
                  context={context}
                  textHref={q.kind === 'answered' && q.listable ? textQuery(q.name) : undefined}
                  onTextLink={followLink}
                />
              ),
            )}
          </div>
        </section>
      ))}
      <CodeResults
        survey={ctx.survey.id}
        search={apiQuery(filters)}
        locale={locale}
        regions={ctx.regions}
        k={k}
      />
    </div>
  );
}
