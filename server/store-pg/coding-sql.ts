// SQL fragments the coding reads share: a count filter on a response's own columns (SQLite filters the same
// dimensions on its kept counts), and an answer's text read from the response's JSON. Values travel only as
// parameters; `Params` numbers them.
import { KAZAKHSTAN_OFFSET_MS } from '../domain/kazakhstan-time';
import type { CountFilter } from '../store/count-types';

export class Params {
  /** @param values parameters already numbered ($1…), e.g. keyWhere's. */
  constructor(readonly values: unknown[] = []) {}
  /** `$n` of a new parameter. */
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** The response's day on Kazakhstan's clock, as the counts keep it (countDay). */
export const responseDay = (alias: string) =>
  `to_char((${alias}.submitted_at::timestamptz AT TIME ZONE 'UTC')
    + interval '${KAZAKHSTAN_OFFSET_MS / 3_600_000} hours', 'YYYY-MM-DD')`;

/**
 * A count filter on responses `alias` (regions, versions, briefings with '' for none, days): the dimensions of
 * SQLite's keyWhere. The survey is the caller's to say (on the coding table or the response).
 */
export function responseFilter(alias: string, filter: CountFilter, params: Params): string {
  const parts: string[] = [];
  if (filter.regions !== undefined)
    parts.push(`${alias}.region = ANY(${params.add(filter.regions)}::text[])`);
  if (filter.versions !== undefined)
    parts.push(`${alias}.version = ANY(${params.add(filter.versions)}::int[])`);
  if (filter.briefings !== undefined)
    parts.push(`coalesce(${alias}.briefing, '') = ANY(${params.add(filter.briefings)}::text[])`);
  if (filter.fromDay !== undefined) parts.push(`${responseDay(alias)} >= ${params.add(filter.fromDay)}`);
  if (filter.toDay !== undefined) parts.push(`${responseDay(alias)} <= ${params.add(filter.toDay)}`);
  return parts.length === 0 ? 'true' : parts.join(' AND ');
}

/** The answer under `key` (a parameter) when it is a string, else NULL: SQLite's `answers ->> path` as a text. */
export const answerText = (alias: string, key: string) =>
  `CASE WHEN json_typeof(${alias}.answers::json -> ${key}::text) = 'string'
    THEN ${alias}.answers::json ->> ${key}::text END`;

/** The ids as SQLite's group_concat gives them: "3,5", or null for none. */
export const idList = (list: string | null) =>
  list === null || list === '' ? [] : list.split(',').map(Number);

/** A passage from its two columns. */
export const spanOf = (start: number | null, end: number | null) =>
  start === null || end === null ? null : { start, end };
