// /workspace/coverage: how many responses came from each region (all of the reader's regions, zeros marked "no
// responses yet"), each briefing, each role and survey version, for the filters in the address.
import type { ChoiceAggregate, CoverageBody, SummaryBody } from '../../../server/http/contract/aggregates';
import { localized } from '../../lib/locale';
import { LoadFailed } from '../load-failed';
import type { SectionProps } from '../sections';
import { shellStrings } from '../strings';
import { BriefingTable, RegionTable, RoleTable, VersionTable } from './coverage-tables';
import { countText } from './format';
import { useAggregate, useSignedOut, useViewPage } from './use-survey-view';
import { ViewFilterBar } from './view-filter-bar';
import { VIEW_STRINGS } from './view-strings';
import { COVERAGE_STRINGS } from './strings';
import './report.css';
import './coverage-page.css';
import { PrivacyNote } from '../privacy/privacy-note';

export default function CoveragePage({ session, locale, query, onSignedOut }: SectionProps) {
  const t = COVERAGE_STRINGS[locale];
  const shell = shellStrings(locale);
  const viewPage = useViewPage(session, query, onSignedOut);
  const { view, retryView, ready, filters, badDates } = viewPage;
  const [coverage, retryCoverage] = useAggregate<CoverageBody>(viewPage, 'coverage');
  // Roles come from the summary; a survey without a `role` question simply has no role table.
  const [summary] = useAggregate<SummaryBody>(viewPage, 'summary');
  useSignedOut([coverage, summary], onSignedOut);

  if (view.state === 'failed' || coverage.state === 'failed')
    return <LoadFailed locale={locale} onRetry={view.state === 'failed' ? retryView : retryCoverage} />;
  if (!ready) return <p className="muted">{shell.loading}</p>;

  const body = coverage.state === 'ready' ? coverage.value : null;
  const k = body?.smallCellThreshold ?? 5;
  const role = summary.state === 'ready' ? summary.value?.questions.find(isRole) : undefined;
  const none = body?.regions.filter((r) => r.none) ?? [];

  return (
    <div className="coverage-page">
      <h1>{t.title}</h1>
      <p className="muted">{t.intro}</p>
      <ViewFilterBar locale={locale} view={ready} filters={filters} />
      {badDates ? null : !body ? (
        <p className="muted" role="status">
          {shell.loading}
        </p>
      ) : (
        <>
          <dl className="coverage-totals">
            <div>
              <dt>{t.total}</dt>
              <dd className="big">{countText(body.responses, k, locale)}</dd>
            </div>
            <div>
              <dt>{t.regionsWithResponses(body.regions.length - none.length, body.regions.length)}</dt>
              <dd>
                {none.length > 0
                  ? t.noneYet(none.map((r) => localized(r.name, locale)).join(', '))
                  : t.everyRegion}
              </dd>
            </div>
            <div>
              <dt>{t.outsideBriefings}</dt>
              <dd>{countText(body.outsideBriefings, k, locale)}</dd>
            </div>
          </dl>
          <div className="coverage-grid">
            <section className="block">
              <RegionTable locale={locale} k={k} coverage={body} />
            </section>
            <div className="coverage-side">
              {role && (
                <section className="block">
                  <RoleTable locale={locale} k={k} role={role} />
                </section>
              )}
              <section className="block">
                <VersionTable locale={locale} k={k} coverage={body} />
              </section>
            </div>
          </div>
          <section className="block">
            <BriefingTable locale={locale} k={k} coverage={body} />
          </section>
          <p className="small-cells">{VIEW_STRINGS[locale].smallCells(k)}</p>
          <PrivacyNote locale={locale} perturbed={body.perturbed === true} k={k} />
        </>
      )}
    </div>
  );
}

const isRole = (q: SummaryBody['questions'][number]): q is ChoiceAggregate =>
  q.name === 'role' && q.kind === 'choice';
