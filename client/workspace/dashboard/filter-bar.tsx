// The filters above the dashboard and the region comparison: survey, region (the comparison shows every region
// and leaves it out), version, briefing and period. Every change goes to the address (setQuery), nothing else.
import { localized, type Locale, type LocalizedText } from '../../lib/locale';
import type { SurveySummary } from '../../lib/api';
import type { RegionName } from '../../lib/workspace-regions';
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
}

// Each control is named by its label's text alone (aria-labelledby): a <select> inside a <label> would otherwise
// be named with its chosen option too ("Өңір Абай облысы"), which screen readers repeat and tests cannot match.
export function FilterBar({ locale, surveys, survey, filters, regions, briefings, vertical = false }: Props) {
  const t = DASHBOARD_STRINGS[locale];
  const versions = Array.from({ length: survey.version }, (_, i) => i + 1);
  const region = filters.regions.join(',');
  // Only the chosen regions' briefings: another region's would show nothing. A slug from a shared link stays listed.
  const shown = briefings.filter(
    (b) => filters.regions.length === 0 || filters.regions.includes(b.region) || b.slug === filters.briefing,
  );

  return (
    <form className={`filter-bar block${vertical ? ' vertical' : ''}`} onSubmit={(e) => e.preventDefault()}>
      <label className="field">
        <span id="filter-survey-label">{t.survey}</span>
        <select
          aria-labelledby="filter-survey-label"
          value={survey.id}
          // Another survey has other versions, briefings and questions: only the regions and dates carry over.
          onChange={(e) =>
            setQuery({
              survey: e.target.value,
              version: null,
              briefing: null,
              question: null,
              answer: null,
              row: null,
            })
          }
        >
          {surveys.map((s) => (
            <option key={s.id} value={s.id}>
              {localized(s.title, locale)}
              {s.closed ? ` (${t.closed})` : ''}
            </option>
          ))}
        </select>
      </label>
      {regions && (
        <label className="field">
          <span id="filter-region-label">{t.region}</span>
          <select
            aria-labelledby="filter-region-label"
            value={region}
            onChange={(e) => setQuery({ region: e.target.value || null, briefing: null })}
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
          </select>
        </label>
      )}
      <label className="field">
        <span id="filter-version-label">{t.versions}</span>
        <select
          aria-labelledby="filter-version-label"
          value={filters.versions.join(',')}
          onChange={(e) => setQuery({ version: e.target.value || null })}
        >
          <option value="">{t.allVersions}</option>
          {versions.map((n) => (
            <option key={n} value={String(n)}>
              {t.version(n)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span id="filter-briefing-label">{t.briefing}</span>
        <select
          aria-labelledby="filter-briefing-label"
          value={filters.briefing}
          onChange={(e) => setQuery({ briefing: e.target.value || null })}
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
        </select>
      </label>
      <label className="field date">
        <span id="filter-from-label">{t.from}</span>
        <input
          aria-labelledby="filter-from-label"
          type="date"
          value={filters.from}
          onChange={(e) => setQuery({ from: e.target.value || null })}
        />
      </label>
      <label className="field date">
        <span id="filter-to-label">{t.to}</span>
        <input
          aria-labelledby="filter-to-label"
          type="date"
          value={filters.to}
          onChange={(e) => setQuery({ to: e.target.value || null })}
        />
      </label>
      {vertical && <ClearFilters locale={locale} filters={filters} keepRegion={regions === null} />}
      {filters.from && filters.to && filters.to < filters.from && (
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
