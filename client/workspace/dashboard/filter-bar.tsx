// The filters above the dashboard and the region comparison: survey, region (the comparison shows every region
// and leaves it out), version, briefing and period. Every change goes to the address (setQuery), nothing else.
import { localized, type Locale, type LocalizedText } from '../../lib/locale';
import type { SurveySummary } from '../../lib/api';
import type { RegionName } from '../../lib/workspace-regions';
import { DateField, periodReversed, SelectField, SurveyField } from '../fields';
import { setQuery } from '../router';
import type { Filters } from './filters';
import { DASHBOARD_STRINGS } from './strings';

export interface BriefingOption {
  slug: string;
  region: string;
  title: LocalizedText;
}

interface Props {
  locale: Locale;
  surveys: readonly SurveySummary[];
  survey: SurveySummary;
  filters: Filters;
  /** The regions the reader may see, in the survey's order; null hides the region filter. */
  regions: readonly RegionName[] | null;
  briefings: readonly BriefingOption[];
  /** Stacked in a narrow column beside the tile map (the region comparison) instead of a row. */
  vertical?: boolean;
  /** Offer "leave out flagged responses" (the dashboard: its summary takes flagged=exclude). */
  flagFilter?: boolean;
}

export function FilterBar({
  locale,
  surveys,
  survey,
  filters,
  regions,
  briefings,
  vertical = false,
  flagFilter = false,
}: Props) {
  const t = DASHBOARD_STRINGS[locale];
  const versions = Array.from({ length: survey.version }, (_, i) => i + 1);
  const region = filters.regions.join(',');
  // Only the chosen regions' briefings: another region's would show nothing. A slug from a shared link stays listed.
  const shown = briefings.filter(
    (b) => filters.regions.length === 0 || filters.regions.includes(b.region) || b.slug === filters.briefing,
  );

  return (
    <form className={`filter-bar block${vertical ? ' vertical' : ''}`} onSubmit={(e) => e.preventDefault()}>
      <SurveyField
        locale={locale}
        label={t.survey}
        closed={t.closed}
        surveys={surveys}
        value={survey.id}
        // Another survey has other versions, briefings and questions: only the regions and dates carry over.
        onChange={(id) =>
          setQuery({ survey: id, version: null, briefing: null, question: null, answer: null, row: null })
        }
      />
      {regions && (
        <SelectField
          label={t.region}
          value={region}
          onChange={(value) => setQuery({ region: value || null, briefing: null })}
        >
          <option value="">{t.allRegions}</option>
          {filters.regions.length > 1 && (
            <option value={region}>{t.chosenRegions(filters.regions.length)}</option>
          )}
          {regions.map((r) => (
            <option key={r.code} value={r.code}>
              {localized(r.name, locale)}
            </option>
          ))}
        </SelectField>
      )}
      <SelectField
        label={t.versions}
        value={filters.versions.join(',')}
        onChange={(value) => setQuery({ version: value || null })}
      >
        <option value="">{t.allVersions}</option>
        {versions.map((n) => (
          <option key={n} value={String(n)}>
            {t.version(n)}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t.briefing}
        value={filters.briefing}
        onChange={(value) => setQuery({ briefing: value || null })}
      >
        <option value="">{t.allBriefings}</option>
        {shown.map((b) => (
          <option key={b.slug} value={b.slug}>
            {localized(b.title, locale)}
          </option>
        ))}
        {filters.briefing && !shown.some((b) => b.slug === filters.briefing) && (
          <option value={filters.briefing}>{filters.briefing}</option>
        )}
      </SelectField>
      <DateField
        label={t.from}
        value={filters.from}
        onChange={(value) => setQuery({ from: value || null })}
      />
      <DateField label={t.to} value={filters.to} onChange={(value) => setQuery({ to: value || null })} />
      {flagFilter && (
        <label className="field check">
          <input
            type="checkbox"
            checked={filters.excludeFlagged}
            onChange={(e) => setQuery({ flagged: e.target.checked ? 'exclude' : null })}
          />{' '}
          {t.excludeFlagged}
        </label>
      )}
      {vertical && <ClearFilters locale={locale} filters={filters} keepRegion={regions === null} />}
      {periodReversed(filters) && (
        <p className="notice bad" role="alert">
          {t.badDates}
        </p>
      )}
    </form>
  );
}

/**
 * Back to every response: a button only when something is filtered. `keepRegion` for the region comparison, which
 * ignores the region (and keeps it in the address for the way back to the dashboard).
 */
export function ClearFilters({
  locale,
  filters,
  keepRegion,
}: {
  locale: Locale;
  filters: Filters;
  keepRegion: boolean;
}) {
  const regions = keepRegion ? [] : filters.regions;
  if (!(regions.length || filters.versions.length || filters.briefing || filters.from || filters.to))
    return null;
  return (
    <button
      type="button"
      className="clear"
      onClick={() =>
        setQuery({
          ...(!keepRegion && { region: null }),
          version: null,
          briefing: null,
          from: null,
          to: null,
        })
      }
    >
      {DASHBOARD_STRINGS[locale].clear}
    </button>
  );
}
