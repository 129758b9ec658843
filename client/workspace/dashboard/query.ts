// The dashboard's and region comparison's filters as the address holds them, and the aggregate APIs' query and the
// summary's path built from them. Apart from filters.ts (words, file names) so that main.tsx can ask for the summary
// the address opens before React renders, without the dashboard's strings in the entry bundle.
import { readableQuery } from '../router';

export interface Filters {
  survey: string | null;
  /** Chosen region codes; empty means all the reader may see. */
  regions: string[];
  /** Chosen versions; empty means all. */
  versions: number[];
  briefing: string;
  /** YYYY-MM-DD or ''. */
  from: string;
  to: string;
  /** `flagged=exclude`: the dashboard leaves flagged responses out (quality flags, issue 16). */
  excludeFlagged: boolean;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const list = (raw: string | null) =>
  (raw ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

export function readFilters(query: URLSearchParams): Filters {
  const from = query.get('from') ?? '';
  const to = query.get('to') ?? '';
  return {
    survey: query.get('survey'),
    regions: list(query.get('region')),
    versions: list(query.get('version'))
      .map(Number)
      .filter((n) => Number.isInteger(n) && n > 0),
    briefing: query.get('briefing')?.trim() ?? '',
    from: DATE.test(from) ? from : '',
    to: DATE.test(to) ? to : '',
    excludeFlagged: query.get('flagged') === 'exclude',
  };
}

/**
 * The summary's query: the filters, and `flagged=exclude` when flagged responses are left out. Only the summary
 * takes it: lists of single answers (coding results) refuse it rather than ignore it.
 */
export function summaryQuery(f: Filters): string {
  const base = apiQuery(f);
  if (!f.excludeFlagged) return base;
  return `${base}${base ? '&' : '?'}flagged=exclude`;
}

/** The aggregate APIs' query for the filters; `withRegions: false` for views that always show every region. */
export function apiQuery(f: Filters, { withRegions = true } = {}): string {
  const query = new URLSearchParams();
  if (withRegions && f.regions.length > 0) query.set('region', f.regions.join(','));
  if (f.versions.length > 0) query.set('version', f.versions.join(','));
  if (f.briefing) query.set('briefing', f.briefing);
  if (f.from) query.set('from', f.from);
  if (f.to) query.set('to', f.to);
  const search = readableQuery(query);
  return search ? `?${search}` : '';
}

/** The summary request of a survey under these filters: one spelling for the page and for main.tsx's early ask. */
export function summaryPath(survey: string, f: Filters): string {
  return `/api/surveys/${encodeURIComponent(survey)}/summary${summaryQuery(f)}`;
}
