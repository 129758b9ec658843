// The dashboard's and region comparison's filters, read from the page's address and turned into the aggregate
// APIs' query. The address keeps the APIs' own names (region, version, briefing, from, to) plus `survey`, so a
// shared link shows the same view, and the export page reads the same link the same way.
import { localized, type Locale, type LocalizedText } from '../../lib/locale';
import { regionName, type RegionName } from '../../lib/workspace-regions';
import { readableQuery } from '../router';
import { DASHBOARD_STRINGS } from './strings';

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

/** The filter in words for a PNG's subtitle: "Абай облысы · 2-нұсқа · 2024-03-01 – 2024-03-31". */
export function filterWords(
  f: Filters,
  ctx: { locale: Locale; regions: readonly RegionName[]; briefingTitle?: LocalizedText | undefined },
  { withRegions = true } = {},
): string {
  const t = DASHBOARD_STRINGS[ctx.locale];
  const parts = [
    withRegions
      ? f.regions.length === 0
        ? t.allRegions
        : f.regions.map((code) => regionName(ctx.regions, code, ctx.locale)).join(', ')
      : '',
    f.versions.length === 0 ? t.allVersions : f.versions.map(t.version).join(', '),
    f.briefing ? (ctx.briefingTitle ? localized(ctx.briefingTitle, ctx.locale) : f.briefing) : '',
    f.from || f.to ? `${f.from || '…'} – ${f.to || '…'}` : '',
  ];
  return parts.filter(Boolean).join(' · ');
}

/** File-name parts for downloads: the survey, then what narrows the view. */
export function fileParts(f: Filters, survey: string, { withRegions = true } = {}): string[] {
  return [
    survey,
    withRegions && f.regions.length > 0 ? f.regions.join('+') : '',
    f.versions.length > 0 ? `v${f.versions.join('+')}` : '',
    f.briefing,
    f.from || f.to ? `${f.from || 'start'}..${f.to || 'end'}` : '',
  ].filter(Boolean);
}
