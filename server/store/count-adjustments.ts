// What the kept counts hold is the default set (every response but rejected ones). Two filters ask for another set,
// worked out per request from the few responses that differ, never by reading every answer: `review: 'all'` adds
// the rejected responses back; `excludeFlagged` takes away the flagged ones (straight-lining or duplicate, as their
// stored CSV line's bits say; very fast, under a fraction of their version's median duration, from the duration
// index). Each differing response comes as a one-response key (±1, its vector negated to take away) and its record.
import { countAnswers, type CountLayout } from './count-layout';
import { kazakhstanDay } from '../domain/kazakhstan-time';
import { keyMatcher, type CachedKey } from './count-cache';
import type { CountFilter } from './count-types';
import { REJECTED_IDS } from './review-set';
import type { Db } from './db';

export interface Adjustment {
  key: CachedKey;
  record: Uint8Array;
  sign: 1 | -1;
}

type CandidateRow = [
  version: number,
  region: string,
  briefing: string,
  submittedAt: string,
  answers: string,
  recordKey: number,
];

const COLUMNS = "r.version, r.region, coalesce(r.briefing, ''), r.submitted_at, r.answers, r.record_key";

/** Rowids of the survey's flagged responses, each found through an index (migrations 0009, 0022). */
const FLAGGED_ROWIDS = `
  SELECT rowid FROM responses WHERE survey_id = @surveyId AND duplicate_of IS NOT NULL
  UNION SELECT response_rowid FROM export_lines WHERE flags <> 0
  UNION SELECT d.rowid FROM json_each(@fastBelow) f
    JOIN responses d INDEXED BY responses_by_duration ON d.survey_id = @surveyId
      AND d.version = f.value ->> 0 AND d.duration_s IS NOT NULL AND d.duration_s < f.value ->> 1`;

export function createCountAdjustments(
  db: Db,
  layoutOf: (surveyId: string, version: number) => CountLayout | undefined,
) {
  const rejected = db
    .prepare(
      `SELECT ${COLUMNS}, r.rowid IN (${FLAGGED_ROWIDS}) FROM response_reviews v JOIN responses r ON r.id = v.response_id
       WHERE v.status = 'rejected' AND r.survey_id = @surveyId`,
    )
    .raw();
  const flagged = db
    .prepare(
      `SELECT ${COLUMNS} FROM responses r WHERE r.rowid IN (${FLAGGED_ROWIDS})
       AND r.survey_id = @surveyId AND r.id NOT IN (${REJECTED_IDS})`,
    )
    .raw();
  const durationCounts = db
    .prepare(
      `SELECT version, count(*) FROM responses INDEXED BY responses_by_duration
       WHERE survey_id = ? AND duration_s IS NOT NULL GROUP BY version`,
    )
    .raw();
  const durationAt = db
    .prepare(
      `SELECT duration_s FROM responses INDEXED BY responses_by_duration
       WHERE survey_id = ? AND version = ? AND duration_s IS NOT NULL ORDER BY duration_s LIMIT ? OFFSET ?`,
    )
    .pluck();

  /** [version, seconds] pairs under which a response is very fast: the same medians as the export reads. */
  function fastBelow(surveyId: string, fraction: number): [number, number][] {
    if (fraction <= 0) return [];
    return (durationCounts.all(surveyId) as [number, number][]).map(([version, n]) => {
      const middle = durationAt.all(surveyId, version, 2 - (n % 2), Math.floor((n - 1) / 2)) as number[];
      return [version, (middle.reduce((a, b) => a + b, 0) / middle.length) * fraction];
    });
  }

  function toAdjustment(surveyId: string, row: CandidateRow, sign: 1 | -1): Adjustment | undefined {
    const [version, region, briefing, submittedAt, answers, recordKey] = row;
    const layout = layoutOf(surveyId, version);
    if (!layout) return undefined;
    const vector = new Int32Array(layout.vectorLength);
    const record = new Uint8Array(layout.recordLength);
    countAnswers(layout, JSON.parse(answers) as Record<string, unknown>, vector, record, 0, recordKey);
    if (sign < 0) for (let i = 0; i < vector.length; i++) vector[i] = -vector[i]!;
    const key: CachedKey = {
      id: -1,
      surveyId,
      version,
      region,
      briefing,
      // A count's day, as answer-counts.ts's countDay (imported from there, the two modules would import each other).
      day: kazakhstanDay(submittedAt),
      responses: sign,
      vector,
    };
    return { key, record, sign };
  }

  /** The responses by which the filter's set differs from the kept counts, within the filter. */
  return function adjustmentsFor(filter: CountFilter): Adjustment[] {
    if (filter.review !== 'all' && filter.excludeFlagged === undefined) return [];
    const { surveyId } = filter;
    const params = {
      surveyId,
      fastBelow: JSON.stringify(
        filter.excludeFlagged ? fastBelow(surveyId, filter.excludeFlagged.fastFraction) : [],
      ),
    };
    const matches = keyMatcher(filter);
    const out: Adjustment[] = [];
    const push = (a: Adjustment | undefined) => a && matches(a.key) && out.push(a);
    if (filter.review === 'all')
      for (const row of rejected.iterate(params) as Iterable<[...CandidateRow, 0 | 1]>)
        // A rejected response that is also flagged stays out when flagged ones are left out.
        if (!(filter.excludeFlagged && row[6] === 1))
          push(toAdjustment(surveyId, row.slice(0, 6) as CandidateRow, 1));
    if (filter.excludeFlagged)
      for (const row of flagged.iterate(params) as Iterable<CandidateRow>)
        push(toAdjustment(surveyId, row, -1));
    return out;
  };
}
