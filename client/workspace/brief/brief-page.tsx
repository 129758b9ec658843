// /workspace/brief: the printable Roadmap brief for the whole country or one region (`?region=`), in the reader's
// language: coverage, the top needs, the practices that work, cooperation per partner, the Roadmap priorities and a
// selection of proposals. Laid out for A4 (brief.css); the filter bar and the shell are left out of the print.
import type { CoverageBody, SummaryBody, TextBody } from '../../../server/http/contract/aggregates';
import { localized } from '../../lib/locale';
import { useLoad } from '../../lib/use-load';
import { getJson } from '../../lib/workspace-api';
import { useAggregate, useSignedOut, useViewPage } from '../coverage/use-survey-view';
import { ViewFilterBar } from '../coverage/view-filter-bar';
import { apiPath, apiQuery } from '../coverage/view-query';
import { LoadFailed } from '../load-failed';
import type { SectionProps } from '../sections';
import { shellStrings } from '../strings';
import { BriefHeader } from './brief-header';
import { briefModel } from './brief-model';
import { CoverageSection } from './brief-coverage';
import { ProposalsSection } from './brief-proposals';
import { CodeResults, searchOf } from '../coding/code-results';
import { CooperationSection, NeedsSection, PracticesSection, PrioritiesSection } from './brief-sections';
import { pickProposals, PROPOSAL_RULE } from './proposals';
import '../coverage/report.css';
import './brief.css';
import './brief-print.css';

export default function BriefPage({ session, locale, query, onSignedOut }: SectionProps) {
  const shell = shellStrings(locale);
  const viewPage = useViewPage(session, query, onSignedOut);
  const { view, retryView, ready, filters, survey, key, badDates } = viewPage;
  const [summary, retrySummary] = useAggregate<SummaryBody>(viewPage, 'summary');
  const [coverage, retryCoverage] = useAggregate<CoverageBody>(viewPage, 'coverage');
  const model = summary.state === 'ready' && summary.value ? briefModel(summary.value) : null;
  const proposalsName = model?.proposals?.name ?? null;
  // Read once the summary says the survey asks for proposals; null = it does not.
  const [texts] = useLoad(
    () =>
      !survey || badDates || !proposalsName
        ? Promise.resolve(null)
        : getJson<TextBody>(
            apiPath(
              survey,
              `text/${encodeURIComponent(proposalsName)}`,
              apiQuery(filters, { pageSize: PROPOSAL_RULE.read }),
            ),
          ),
    `proposals:${key}:${proposalsName ?? ''}`,
  );
  useSignedOut([summary, coverage, texts], onSignedOut);

  const failed = [view, summary, coverage].find((load) => load.state === 'failed');
  if (failed)
    return (
      <LoadFailed
        locale={locale}
        onRetry={
          view.state === 'failed' ? retryView : summary.state === 'failed' ? retrySummary : retryCoverage
        }
        error={failed.state === 'failed' ? failed.error : undefined}
      />
    );
  if (!ready) return <p className="muted">{shell.loading}</p>;

  const cover = coverage.state === 'ready' ? coverage.value : null;
  const k = summary.state === 'ready' ? (summary.value?.smallCellThreshold ?? 5) : 5;
  // A failed proposals request leaves the rest of the brief standing: the section then says there are none.
  const proposals =
    !model || texts.state === 'loading'
      ? undefined
      : !model.proposals
        ? null
        : texts.state === 'ready' && texts.value
          ? { picked: pickProposals(texts.value.answers), total: texts.value.total }
          : { picked: [], total: null };
  const complete = Boolean(model && cover && proposals !== undefined);

  return (
    <div className="brief-screen">
      <ViewFilterBar locale={locale} view={ready} filters={filters} />
      <article
        className="brief"
        lang={locale}
        data-ready={complete ? 'true' : undefined}
        aria-busy={!complete}
      >
        <BriefHeader
          locale={locale}
          view={ready}
          filters={filters}
          surveyTitle={localized(ready.survey.title, locale)}
          responses={model?.responses ?? null}
          k={k}
          perturbed={summary.state === 'ready' && summary.value?.perturbed === true}
        />
        {badDates ? null : !model || !cover ? (
          <p className="muted" role="status">
            {shell.loading}
          </p>
        ) : (
          <>
            <CoverageSection model={model} coverage={cover} k={k} locale={locale} />
            <NeedsSection model={model} k={k} locale={locale} />
            <PracticesSection model={model} k={k} locale={locale} />
            <CooperationSection model={model} k={k} locale={locale} />
            <PrioritiesSection model={model} k={k} locale={locale} />
            <ProposalsSection proposals={proposals} regions={ready.regions} locale={locale} />
            <CodeResults
              survey={survey}
              search={searchOf(apiQuery(filters))}
              locale={locale}
              regions={ready.regions}
              k={k}
              brief
            />
          </>
        )}
      </article>
    </div>
  );
}
