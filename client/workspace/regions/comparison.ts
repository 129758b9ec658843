// The region comparison as plain data: from a crosstab by region and the reader's choice (answer; matrix item;
// ranking measure), one row per region with its n and a cell per answer, the chosen column, and the sort.
import type { Count, CrosstabBody, QuestionAggregate } from '../../../server/http/contract/aggregates';
import { HIDDEN_RANK, isShown } from '../../charts/question-model';
import { localized, type Locale } from '../../lib/locale';

export interface Option {
  code: string;
  label: string;
}

export interface RegionRow {
  code: string;
  name: string;
  /** The denominator of the cells: who answered (a matrix item: who answered that item). */
  n: Count;
  responses: Count;
  /** No responses at all in the filter. */
  empty: boolean;
  /** One per option, percent of n. */
  cells: Count[];
}

export interface Selection {
  answer: string | null;
  /** A matrix's item (row). */
  row: string | null;
  /** A ranking's measure. */
  measure: 'first' | 'any';
}

export interface Comparison {
  options: Option[];
  /** Index into options of the answer the map, the chart and the share sort use. */
  chosen: number;
  /** A matrix's items and the chosen one; empty otherwise. */
  items: Option[];
  item: string | null;
  rows: RegionRow[];
  total: RegionRow;
}

export type SortKey = 'name' | 'n' | 'share';

/** The questions a comparison can show: everything with answers to count, but the region question itself. */
export function comparable(q: { name: string; kind: QuestionAggregate['kind'] }): boolean {
  return q.kind !== 'answered' && q.name !== 'region';
}

const code = (c: string | number | boolean) => String(c);

/** Answer codes, denominator and cells of one aggregate (a region's or the total) for the selection. */
function measure(
  a: QuestionAggregate,
  sel: Selection,
  item: string | null,
): { codes: string[]; n: Count; cells: Count[] } {
  switch (a.kind) {
    case 'choice':
    case 'multiple':
    case 'rating':
      return {
        codes: a.choices.map((c) => code(c.code)),
        n: a.answered,
        cells: a.choices.map((c) => c.result),
      };
    case 'ranking':
      return {
        codes: a.choices.map((c) => code(c.code)),
        n: a.answered,
        cells: a.choices.map((c) => (sel.measure === 'any' ? c.ranked : c.first)),
      };
    case 'matrix': {
      const row = a.rows.find((r) => code(r.code) === item) ?? a.rows[0];
      return {
        codes: a.columns.map((c) => code(c.code)),
        n: row?.answered ?? { suppressed: true },
        cells: row?.cells ?? [],
      };
    }
    case 'answered':
      return { codes: [], n: a.asked, cells: [] };
  }
}

function labelsOf(a: QuestionAggregate, locale: Locale): Option[] {
  switch (a.kind) {
    case 'choice':
    case 'multiple':
    case 'rating':
    case 'ranking':
      return a.choices.map((c) => ({ code: code(c.code), label: localized(c.label, locale) }));
    case 'matrix':
      return a.columns.map((c) => ({ code: code(c.code), label: localized(c.label, locale) }));
    case 'answered':
      return [];
  }
}

export function comparison(body: CrosstabBody, sel: Selection, locale: Locale): Comparison {
  const total = body.total;
  const items =
    total.kind === 'matrix'
      ? total.rows.map((r) => ({ code: code(r.code), label: localized(r.label, locale) }))
      : [];
  const item =
    total.kind === 'matrix' ? (items.find((i) => i.code === sel.row)?.code ?? items[0]?.code ?? null) : null;
  const options = labelsOf(total, locale);
  // Regions' aggregates list the same answers as the total; matched by code all the same, so an answer that only
  // one version offers can never shift a column.
  const row = (
    codeOf: string,
    name: string,
    a: QuestionAggregate,
    responses: Count,
    empty: boolean,
  ): RegionRow => {
    const m = measure(a, sel, item);
    const at = new Map(m.codes.map((c, i) => [c, i]));
    return {
      code: codeOf,
      name,
      n: m.n,
      responses,
      empty,
      cells: options.map((o) => {
        const i = at.get(o.code);
        return i === undefined ? { count: 0, percent: 0 } : (m.cells[i] ?? { suppressed: true });
      }),
    };
  };
  const chosen = Math.max(
    0,
    options.findIndex((o) => o.code === sel.answer),
  );
  return {
    options,
    chosen,
    items,
    item,
    rows: body.groups.map((g) =>
      row(code(g.code), localized(g.label, locale), g.aggregate, g.responses, g.empty),
    ),
    total: row('', '', total, total.asked, false),
  };
}

/** Rows in the order asked; regions without responses always come last. */
export function sortRows(
  rows: readonly RegionRow[],
  key: SortKey,
  descending: boolean,
  chosen: number,
  locale: Locale,
): RegionRow[] {
  // A hidden count is at least one: above the zeros, below every shown number. Regions with no responses go last.
  const value = (r: RegionRow): number | null => {
    if (r.empty) return null;
    const c = key === 'n' ? r.n : r.cells[chosen];
    if (!isShown(c)) return HIDDEN_RANK;
    return key === 'n' ? c.count : (c.percent ?? 0);
  };
  const byName = (a: RegionRow, b: RegionRow) => a.name.localeCompare(b.name, locale);
  return [...rows].sort((a, b) => {
    if (key === 'name') return descending ? byName(b, a) : byName(a, b);
    const [x, y] = [value(a), value(b)];
    if (x === null || y === null) return x === y ? byName(a, b) : x === null ? 1 : -1;
    return (descending ? y - x : x - y) || byName(a, b);
  });
}
