// The two filters that ask for another set than the kept counts (as server/store/count-adjustments.ts does for
// SQLite): `review: 'all'` adds the rejected responses back; `excludeFlagged` takes the flagged ones away (a
// duplicate, a stored CSV line with a flag bit, or very fast: under a fraction of their version's median duration).
// Each differing response within the filter comes per request as a key of one response (±1, its vector negated to
// take away) with its byte record. They are few: rejected ones through a partial index, flagged ones by one query.
import { countDay } from '../store/answer-counts';
import { countAnswers, type CountLayout } from '../store/count-layout';
import type { CountFilter } from '../store/count-types';
import { blobOf, type KeyRow } from './count-keys';
import type { Pool } from './pool';
import { DURATION_S, fastBelow } from './response-set';

interface CandidateRow {
  version: number;
  region: string;
  briefing: string;
  submitted_at: string;
  answers: string;
  record_key: number;
  flagged: boolean;
}

export interface Adjustment {
  keyRow: KeyRow;
  record: Uint8Array;
  sign: 1 | -1;
}

const COLUMNS = `r.version, r.region, coalesce(r.briefing, '') AS briefing, r.submitted_at, r.answers, r.record_key`;

/** The filter's regions, versions and briefings as $2..$4 (days are checked on the count's day, below). */
const WITHIN = `($2::text[] IS NULL OR r.region = ANY($2::text[]))
  AND ($3::int[] IS NULL OR r.version = ANY($3::int[]))
  AND ($4::text[] IS NULL OR coalesce(r.briefing, '') = ANY($4::text[]))`;

/** Whether a response is flagged, with `$5` the [version, seconds] pairs under which it is very fast. */
const FLAGGED = `(r.duplicate_of IS NOT NULL
  OR coalesce((SELECT l.flags <> 0 FROM export_lines l WHERE l.response_seq = r.seq), false)
  OR coalesce(${DURATION_S} < (SELECT (f ->> 1)::float8 FROM json_array_elements($5::json) f
    WHERE (f ->> 0)::int = r.version), false))`;

export async function countAdjustments(
  pool: Pool,
  filter: CountFilter,
  layoutOf: (surveyId: string, version: number) => CountLayout | undefined,
): Promise<Adjustment[]> {
  if (filter.review !== 'all' && filter.excludeFlagged === undefined) return [];
  const params = [
    filter.surveyId,
    filter.regions ?? null,
    filter.versions ?? null,
    filter.briefings ?? null,
    JSON.stringify(
      filter.excludeFlagged ? await fastBelow(pool, filter.surveyId, filter.excludeFlagged.fastFraction) : [],
    ),
  ];
  const out: Adjustment[] = [];
  if (filter.review === 'all') {
    const { rows } = await pool.query<CandidateRow>(
      `SELECT ${COLUMNS}, ${FLAGGED} AS flagged FROM response_reviews v JOIN responses r ON r.id = v.response_id
       WHERE v.status = 'rejected' AND r.survey_id = $1 AND ${WITHIN}`,
      params,
    );
    // A rejected response that is also flagged stays out when flagged ones are left out.
    for (const r of rows) if (!(filter.excludeFlagged && r.flagged)) push(r, 1);
  }
  if (filter.excludeFlagged) {
    const { rows } = await pool.query<CandidateRow>(
      `SELECT ${COLUMNS}, true AS flagged FROM responses r
       WHERE r.survey_id = $1 AND ${WITHIN} AND ${FLAGGED}
         AND NOT EXISTS (SELECT 1 FROM response_reviews v WHERE v.response_id = r.id AND v.status = 'rejected')`,
      params,
    );
    for (const r of rows) push(r, -1);
  }
  return out;

  function push(r: CandidateRow, sign: 1 | -1): void {
    const layout = layoutOf(filter.surveyId, r.version);
    if (!layout) return;
    // The day as the insert path decides it (countDay), whatever the stored time's spelling.
    const day = countDay(r.submitted_at);
    if (
      (filter.fromDay !== undefined && day < filter.fromDay) ||
      (filter.toDay !== undefined && day > filter.toDay)
    )
      return;
    const vector = new Int32Array(layout.vectorLength);
    const record = new Uint8Array(layout.recordLength);
    countAnswers(layout, JSON.parse(r.answers) as Record<string, unknown>, vector, record, 0, r.record_key);
    if (sign < 0) for (let i = 0; i < vector.length; i++) vector[i] = -vector[i]!;
    const keyRow: KeyRow = {
      survey_id: filter.surveyId,
      version: r.version,
      region: r.region,
      briefing: r.briefing,
      day,
      responses: sign,
      counts: blobOf(vector),
    };
    out.push({ keyRow, record, sign });
  }
}
