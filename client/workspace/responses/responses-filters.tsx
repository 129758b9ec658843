// The Responses section's filter bar: survey, region, review status, quality flag, briefing and dates. Every
// filter lives in the address (setQuery), as on every page; readResponseFilters turns the address into the API's
// query, so the table, its count and "all matching" ask for the same set.
import type { SurveySummary } from '../../lib/api';
import { localized, type Locale } from '../../lib/locale';
import { useLoad } from '../../lib/use-load';
import { getJson } from '../../lib/workspace-api';
import { regionName, type RegionName } from '../../lib/workspace-regions';
import { DateField, SelectField, SurveyField } from '../fields';
import { setQuery } from '../router';
import { FLAG_FILTERS, RESPONSE_SET_STRINGS } from './set-strings';
import { RESPONSES_STRINGS } from './strings';

const REVIEW_FILTERS = ['any', 'unreviewed', 'approved', 'on_hold', 'rejected'] as const;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export interface ResponseFilters {
  region: string;
  review: (typeof REVIEW_FILTERS)[number];
  flag: (typeof FLAG_FILTERS)[number];
  briefing: string;
  from: string;
  to: string;
}

const oneOf = <T extends string>(list: readonly T[], value: string | null, fallback: T): T =>
  (list as readonly string[]).includes(value ?? '') ? (value as T) : fallback;

export function readResponseFilters(query: URLSearchParams): ResponseFilters {
  const day = (key: string) => (DAY.test(query.get(key) ?? '') ? query.get(key)! : '');
  return {
    region: query.get('region') ?? '',
    review: oneOf(REVIEW_FILTERS, query.get('review'), 'any'),
    flag: oneOf(FLAG_FILTERS, query.get('flag'), 'all'),
    briefing: query.get('briefing') ?? '',
    from: day('from'),
    to: day('to'),
  };
}

/** The filters as the API's query parameters (without paging). */
export function filterParams(f: ResponseFilters): URLSearchParams {
  const params = new URLSearchParams({ review: f.review });
  if (f.region) params.set('region', f.region);
  if (f.flag !== 'all') params.set('flag', f.flag);
  if (f.briefing) params.set('briefing', f.briefing);
  if (f.from) params.set('from', f.from);
  if (f.to) params.set('to', f.to);
  return params;
}

interface Briefing {
  slug: string;
  region: string;
  title: Record<string, string>;
}

export function ResponsesFilters({
  locale,
  surveys,
  survey,
  regions,
  filters,
}: {
  locale: Locale;
  surveys: readonly SurveySummary[] | null;
  survey: string;
  regions: readonly RegionName[];
  filters: ResponseFilters;
}) {
  const t = RESPONSES_STRINGS[locale];
  const s = RESPONSE_SET_STRINGS[locale];
  // The survey's briefings, from coverage (within the reader's regions); without it the briefing list is empty.
  const [coverage] = useLoad(
    () =>
      survey
        ? getJson<{ briefings?: Briefing[] }>(`/api/surveys/${encodeURIComponent(survey)}/coverage`)
        : Promise.resolve(null),
    `coverage:${survey}`,
  );
  const briefings = (coverage.state === 'ready' ? (coverage.value?.briefings ?? []) : []).filter(
    (b) => !filters.region || b.region === filters.region,
  );
  const change = (changes: Record<string, string | null>) => setQuery({ ...changes, page: null });

  return (
    <form className="filter-bar block responses-filters" onSubmit={(e) => e.preventDefault()}>
      {surveys && (
        <SurveyField
          locale={locale}
          label={t.survey}
          closed={t.closed}
          surveys={surveys}
          value={survey}
          onChange={(value) => change({ survey: value, briefing: null })}
        />
      )}
      <SelectField
        label={t.region}
        value={filters.region}
        onChange={(value) => change({ region: value || null })}
      >
        <option value="">{t.allRegions}</option>
        {regions.map((r) => (
          <option key={r.code} value={r.code}>
            {regionName(regions, r.code, locale)}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t.review}
        value={filters.review}
        onChange={(value) => change({ review: value === 'any' ? null : value })}
      >
        {REVIEW_FILTERS.map((f) => (
          <option key={f} value={f}>
            {t.reviewFilter[f]}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={s.flag}
        value={filters.flag}
        onChange={(value) => change({ flag: value === 'all' ? null : value })}
      >
        {FLAG_FILTERS.map((f) => (
          <option key={f} value={f}>
            {s.flagFilter[f]}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={s.briefing}
        value={filters.briefing}
        onChange={(value) => change({ briefing: value || null })}
      >
        <option value="">{s.allBriefings}</option>
        {/* A slug from a shared link that the list lacks stays shown and chosen. */}
        {filters.briefing && !briefings.some((b) => b.slug === filters.briefing) && (
          <option value={filters.briefing}>{filters.briefing}</option>
        )}
        {briefings.map((b) => (
          <option key={b.slug} value={b.slug}>
            {localized(b.title, locale)}
          </option>
        ))}
      </SelectField>
      <DateField label={s.from} value={filters.from} onChange={(from) => change({ from: from || null })} />
      <DateField label={s.to} value={filters.to} onChange={(to) => change({ to: to || null })} />
    </form>
  );
}
