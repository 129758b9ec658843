// The filters that coverage, the free-text browser and the brief share, read from the page's own address, and the
// aggregate APIs' query string built from them. One region or all (the brief is for the country or one region);
// `version` and `briefing` from a shared link are passed on as they are, and the server checks every value again.
import { readableQuery } from '../router';

export interface ViewFilters {
  /** One region code within the readable ones; null = every region the account may read. */
  region: string | null;
  /** YYYY-MM-DD or '' (whole days in Kazakhstan, as the counts are kept). */
  from: string;
  to: string;
  /** Passed through from a shared link: `1,2` or ''. */
  version: string;
  briefing: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function readViewFilters(query: URLSearchParams, readable: readonly string[]): ViewFilters {
  const region = query.get('region');
  const from = query.get('from') ?? '';
  const to = query.get('to') ?? '';
  return {
    // A region this account may not read (a link from someone who reads more) falls back to all of its own.
    region: region !== null && readable.includes(region) ? region : null,
    from: DATE.test(from) ? from : '',
    to: DATE.test(to) ? to : '',
    version: /^\d+(,\d+)*$/.test(query.get('version') ?? '') ? (query.get('version') ?? '') : '',
    briefing: query.get('briefing')?.trim() ?? '',
  };
}

/** The aggregate APIs' filters: no `region` reads exactly the account's regions. */
export function apiQuery(
  filters: ViewFilters,
  extra: Record<string, string | number | undefined> = {},
): URLSearchParams {
  const query = new URLSearchParams();
  if (filters.region) query.set('region', filters.region);
  if (filters.version) query.set('version', filters.version);
  if (filters.briefing) query.set('briefing', filters.briefing);
  if (filters.from) query.set('from', filters.from);
  if (filters.to) query.set('to', filters.to);
  for (const [key, value] of Object.entries(extra))
    if (value !== undefined && value !== '') query.set(key, String(value));
  return query;
}

/** `/api/surveys/<id>/<route>?<query>` with commas left readable. */
export function apiPath(survey: string, route: string, query: URLSearchParams): string {
  const search = readableQuery(query);
  return `/api/surveys/${encodeURIComponent(survey)}/${route}${search ? `?${search}` : ''}`;
}

/** A key that changes whenever the filters do, for useLoad. */
export const filtersKey = (survey: string, filters: ViewFilters) =>
  `${survey}?${apiQuery(filters).toString()}`;
