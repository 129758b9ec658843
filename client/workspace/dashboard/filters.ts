// The dashboard's and region comparison's filters, read from the page's address and turned into the aggregate
// APIs' query. The address keeps the APIs' own names (region, version, briefing, from, to) plus `survey`, so a
// shared link shows the same view, and the export page reads the same link the same way.
import { localized, type Locale, type LocalizedText } from '../../lib/locale';
import { regionName, type RegionName } from '../../lib/workspace-regions';
import type { Filters } from './query';
import { DASHBOARD_STRINGS } from './strings';

export { apiQuery, readFilters, summaryPath, summaryQuery, type Filters } from './query';

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
