// The export page's filters, read from the page's own address and turned into the export API's query string.
// The page keeps the API's parameter names (region, version, briefing, from, to, labels, choices, pii, sep, flagged) plus
// `survey`, so a shared link and the download it leads to say the same thing.
import { LOCALES, type Locale } from '../../lib/locale';
import { readableQuery } from '../router';

export type LabelMode = 'values' | Locale;
export type ChoiceLayout = 'columns' | 'joined';
export const LABEL_MODES: readonly LabelMode[] = ['values', ...LOCALES];
export const CHOICE_LAYOUTS: readonly ChoiceLayout[] = ['columns', 'joined'];
export type Separator = 'comma' | 'semicolon';
export const SEPARATORS: readonly Separator[] = ['comma', 'semicolon'];

export interface ExportFilters {
  /** Ticked regions, always within the readable ones, in their order. */
  regions: string[];
  /** Ticked versions, ascending, within 1…newest. */
  versions: number[];
  briefing: string;
  /** YYYY-MM-DD or '' */
  from: string;
  to: string;
  labels: LabelMode;
  choices: ChoiceLayout;
  pii: boolean;
  /** The CSV's separator: `semicolon` for Excel set to Russian or Kazakh. */
  sep: Separator;
  /** Leave out responses with a quality flag (very fast, straight-lining, repeated answers). */
  excludeFlagged: boolean;
}

export interface ExportContext {
  /** Regions the account may read, in display order. */
  readable: readonly string[];
  newest: number;
  mayExportPersonalData: boolean;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A comma list parameter: absent → `all`; present but empty → nothing ticked. */
function listParam(query: URLSearchParams, name: string): string[] | 'all' {
  const raw = query.get(name);
  if (raw === null) return 'all';
  return raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

export function readFilters(query: URLSearchParams, ctx: ExportContext): ExportFilters {
  const regions = listParam(query, 'region');
  const versions = listParam(query, 'version');
  const all = Array.from({ length: ctx.newest }, (_, i) => i + 1);
  const labels = query.get('labels');
  const choices = query.get('choices');
  const from = query.get('from') ?? '';
  const to = query.get('to') ?? '';
  return {
    // A link shared by someone who reads more regions opens with only this account's regions of it ticked.
    regions: regions === 'all' ? [...ctx.readable] : ctx.readable.filter((code) => regions.includes(code)),
    versions: versions === 'all' ? all : all.filter((n) => versions.includes(String(n))),
    briefing: query.get('briefing')?.trim() ?? '',
    from: DATE.test(from) ? from : '',
    to: DATE.test(to) ? to : '',
    labels: LABEL_MODES.find((mode) => mode === labels) ?? 'values',
    choices: CHOICE_LAYOUTS.find((layout) => layout === choices) ?? 'columns',
    pii: ctx.mayExportPersonalData && query.get('pii') === '1',
    sep: query.get('sep') === 'semicolon' ? 'semicolon' : 'comma',
    excludeFlagged: query.get('flagged') === 'exclude',
  };
}

/** The page-address value of a ticked list: null (drop the parameter) when everything is ticked. */
export function listValue<T>(chosen: readonly T[], all: readonly T[]): string | null {
  return chosen.length === all.length ? null : chosen.join(',');
}

export type FilterProblem = 'noRegion' | 'noVersion' | 'badDates';

/** What stops a download before it is asked for; the server checks all of it again. */
export function filterProblems(filters: ExportFilters): FilterProblem[] {
  const problems: FilterProblem[] = [];
  if (filters.regions.length === 0) problems.push('noRegion');
  if (filters.versions.length === 0) problems.push('noVersion');
  if (filters.from && filters.to && filters.to < filters.from) problems.push('badDates');
  return problems;
}

/**
 * The export API's query string. All readable regions is no `region` at all: the server then reads exactly the
 * account's regions, and for an unrestricted account it skips the region filter (faster on a million rows).
 * Defaults (all versions, codes, one column per choice, no personal data) are left out too.
 */
export function apiQuery(filters: ExportFilters, ctx: ExportContext): URLSearchParams {
  const query = new URLSearchParams();
  const regions = listValue(filters.regions, ctx.readable);
  if (regions !== null) query.set('region', regions);
  const versions = listValue(
    filters.versions,
    Array.from({ length: ctx.newest }, (_, i) => i + 1),
  );
  if (versions !== null) query.set('version', versions);
  if (filters.briefing) query.set('briefing', filters.briefing);
  if (filters.from) query.set('from', filters.from);
  if (filters.to) query.set('to', filters.to);
  if (filters.labels !== 'values') query.set('labels', filters.labels);
  if (filters.choices !== 'columns') query.set('choices', filters.choices);
  if (filters.pii) query.set('pii', '1');
  if (filters.sep !== 'comma') query.set('sep', filters.sep);
  if (filters.excludeFlagged) query.set('flagged', 'exclude');
  return query;
}

export type DownloadKind =
  'export.csv' | 'export.xlsx' | 'export.zip' | 'dictionary.csv' | 'syntax.sps' | 'syntax.do' | 'syntax.R';

/** `extra`: parameters of one download only (`format=xlsx` of the zip, `lang` of a syntax file). */
export function downloadHref(
  survey: string,
  kind: DownloadKind,
  query: URLSearchParams,
  extra: Record<string, string> = {},
): string {
  const all = new URLSearchParams(query);
  for (const [name, value] of Object.entries(extra)) all.set(name, value);
  const search = readableQuery(all);
  return `/api/surveys/${encodeURIComponent(survey)}/${kind}${search ? `?${search}` : ''}`;
}
