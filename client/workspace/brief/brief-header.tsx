// The brief's title block: what it covers (the country or a region), the filters written out in words (the filter
// bar is not printed), the day it was prepared, the print button (screen only) and the small-cell notes.
import type { Count } from '../../../server/http/contract/aggregates';
import type { Locale } from '../../lib/locale';
import { regionName } from '../../lib/workspace-regions';
import { countText, dayText, kzDay } from '../coverage/format';
import type { SurveyView } from '../coverage/use-survey-view';
import type { ViewFilters } from '../coverage/view-query';
import { VIEW_STRINGS } from '../coverage/view-strings';
import { BRIEF_STRINGS } from './strings';
import { PrivacyNote } from '../privacy/privacy-note';

interface Props {
  locale: Locale;
  view: SurveyView;
  filters: ViewFilters;
  surveyTitle: string;
  responses: Count | null;
  k: number;
  /** The summary's numbers are perturbed for this reader (the note says so on paper too). */
  perturbed: boolean;
}

export function BriefHeader({ locale, view, filters, surveyTitle, responses, k, perturbed }: Props) {
  const t = BRIEF_STRINGS[locale];
  const limited = view.readable.length < view.regions.length;
  const where = filters.region
    ? regionName(view.regions, filters.region, locale)
    : limited
      ? view.readable.length === 1
        ? regionName(view.regions, view.readable[0]!, locale)
        : t.myRegions
      : t.whole;
  const period =
    filters.from || filters.to
      ? `${filters.from ? dayText(filters.from, locale) : '…'} – ${filters.to ? dayText(filters.to, locale) : '…'}`
      : t.allTime;
  const meta: [string, string][] = [
    [t.survey, surveyTitle],
    [t.region, where],
    [t.period, period],
    ...(filters.version ? ([[t.versions, filters.version]] as [string, string][]) : []),
    ...(filters.briefing ? ([[t.briefing, filters.briefing]] as [string, string][]) : []),
    [t.responses, responses ? countText(responses, k, locale) : '…'],
    [t.prepared, dayText(kzDay(new Date()), locale)],
  ];

  return (
    <header className="brief-header">
      <p className="brief-kicker">{t.kicker}</p>
      <h1>
        {t.title}: <span className="brief-where">{where}</span>
      </h1>
      <dl className="brief-meta">
        {meta.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <div className="brief-print no-print">
        <button type="button" className="primary" onClick={() => window.print()}>
          {t.print}
        </button>
        <span className="hint">{t.printHint}</span>
      </div>
      <p className="brief-note">
        {VIEW_STRINGS[locale].smallCells(k)} {t.atLeast}
      </p>
      <PrivacyNote locale={locale} perturbed={perturbed} k={k} />
    </header>
  );
}
