// The responses table's filters on PostgreSQL (as the WHERE of server/store/response-list.ts): within regions, by
// review status, briefing, time and quality flag, from fixed fragments; values travel only as parameters. Shared by
// the table's page, its count over every page and the ids of a whole filtered set.
import type { ResponseFlagFilter, ResponseSetQuery } from '../store/response-list';
import type { ReviewStatus } from '../store/reviews';
import type { Pool } from './pool';

/**
 * Seconds from the phone's start to the receipt, as SQLite's `duration_s` column: stored by migration 0010 (a
 * generated column, with the rule written there once).
 */
export const DURATION_S = 'r.duration_s';

const REVIEW_WHERE: Record<ReviewStatus | 'unreviewed' | 'any', string> = {
  any: '',
  unreviewed: 'AND v.status IS NULL',
  approved: "AND v.status = 'approved'",
  on_hold: "AND v.status = 'on_hold'",
  rejected: "AND v.status = 'rejected'",
};

/** `$fast`: [version, seconds] pairs as JSON; a response under its version's seconds is very fast. */
const FAST = (
  fast: string,
) => `coalesce(${DURATION_S} < (SELECT (f ->> 1)::float8 FROM json_array_elements(${fast}::json) f
  WHERE (f ->> 0)::int = r.version), false)`;
// Straight-lining is the stored CSV line's bit 1 (export-lines.ts); a response whose line is not rendered yet has none.
const STRAIGHTLINING = 'coalesce(l.flags, 0) & 1 <> 0';
const DUPLICATE = 'r.duplicate_of IS NOT NULL';

function flagWhere(flag: ResponseFlagFilter, fast: string): string {
  const any = `(${FAST(fast)} OR ${STRAIGHTLINING} OR ${DUPLICATE})`;
  switch (flag) {
    case 'any':
      return `AND ${any}`;
    case 'none':
      return `AND NOT ${any}`;
    case 'fast':
      return `AND ${FAST(fast)}`;
    case 'straightlining':
      return `AND ${STRAIGHTLINING}`;
    case 'duplicate':
      return `AND ${DUPLICATE}`;
  }
}

export const SET_FROM = `FROM responses r LEFT JOIN response_reviews v ON v.response_id = r.id
  LEFT JOIN export_lines l ON l.response_seq = r.seq`;

/**
 * Per version, the seconds under which a response is very fast: `fraction` of the median duration of the version's
 * responses that have one (the mean of the middle two for an even number), as SQLite's fast-thresholds.ts.
 */
export async function fastBelow(pool: Pool, surveyId: string, fraction: number): Promise<[number, number][]> {
  if (fraction <= 0) return [];
  const { rows } = await pool.query<{ version: number; median: number }>(
    `SELECT version, percentile_cont(0.5) WITHIN GROUP (ORDER BY d) AS median
     FROM (SELECT r.version, ${DURATION_S} AS d FROM responses r WHERE r.survey_id = $1) t
     WHERE d IS NOT NULL GROUP BY version`,
    [surveyId],
  );
  return rows.map((r) => [r.version, r.median * fraction]);
}

/** The WHERE (after SET_FROM) and its parameters; `params` may already hold the caller's first ones. */
export async function setWhere(
  pool: Pool,
  q: ResponseSetQuery,
  params: unknown[] = [],
): Promise<{ sql: string; params: unknown[] }> {
  const next = (value: unknown) => `$${params.push(value)}`;
  const parts = [
    `r.survey_id = ${next(q.surveyId)} AND r.region = ANY(${next(q.regions)}::text[])`,
    REVIEW_WHERE[q.review ?? 'any'],
  ];
  if (q.briefing !== undefined) parts.push(`AND r.briefing = ${next(q.briefing)}`);
  if (q.from !== undefined) parts.push(`AND r.submitted_at >= ${next(q.from)}`);
  if (q.to !== undefined) parts.push(`AND r.submitted_at < ${next(q.to)}`);
  if (q.flag !== undefined) {
    const thresholds =
      q.flag === 'straightlining' || q.flag === 'duplicate'
        ? []
        : await fastBelow(pool, q.surveyId, q.fastFraction ?? 0);
    // The thresholds travel only when the fragment uses them (an unused parameter has no type for PostgreSQL).
    parts.push(flagWhere(q.flag, thresholds.length > 0 ? next(JSON.stringify(thresholds)) : "'[]'"));
  }
  return { sql: parts.join(' '), params };
}
