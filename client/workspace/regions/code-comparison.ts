// Code counts of a coded free-text question as a region comparison: the same rows, cells and sort as a choice
// question's, so the tile map, the heat table and the chart show "which regions proposed what" unchanged. A row's
// denominator is its coded answers; each cell is one code's published count and share of them (an answer may carry
// several codes, so shares add up past 100, as a checkbox question's do).
import type { Count } from '../../../server/http/contract/aggregates';
import type { CodeCountsBody } from '../../../server/http/contract/coding';
import { isShown } from '../../charts/question-model';
import { localized, type Locale } from '../../lib/locale';
import { regionName, type RegionName } from '../../lib/workspace-regions';
import type { Comparison, RegionRow } from './comparison';

/** The question picker's value for a coded question's codes (beside the plain question names). */
export const CODES_PREFIX = 'codes:';

export function codeComparison(
  body: CodeCountsBody,
  answer: string | null,
  regions: readonly RegionName[],
  locale: Locale,
): Comparison {
  const options = body.codes.map((c) => ({ code: c.code, label: localized(c.labels, locale) || c.code }));
  const row = (code: string, name: string, cells: CodeCountsBody['total']): RegionRow => ({
    code,
    name,
    n: cells.coded,
    responses: cells.coded,
    empty: isShown(cells.coded) && cells.coded.count === 0,
    cells: options.map((o): Count => cells.codes[o.code] ?? { count: 0, percent: 0 }),
  });
  return {
    options,
    chosen: Math.max(
      0,
      options.findIndex((o) => o.code === answer),
    ),
    items: [],
    item: null,
    rows: body.regions.map((r) => row(r.region, regionName(regions, r.region, locale), r)),
    total: row('', '', body.total),
  };
}
