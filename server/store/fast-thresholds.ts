// "Very fast" in SQL terms: per version, the seconds under which a response is very fast (a fraction of the median
// duration of the version's responses that have one), read from the duration index, never from the rows. The
// responses table's flag filter uses it; the export reads the same medians (export-rows.ts).
import type { Db } from './db';

export function createFastThresholds(db: Db): (surveyId: string, fraction: number) => [number, number][] {
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
  return (surveyId, fraction) => {
    if (fraction <= 0) return [];
    return (durationCounts.all(surveyId) as [number, number][]).map(([version, n]) => {
      // The middle entry (or the mean of the two) of the version's durations in index order.
      const middle = durationAt.all(surveyId, version, 2 - (n % 2), Math.floor((n - 1) / 2)) as number[];
      return [version, (middle.reduce((a, b) => a + b, 0) / middle.length) * fraction];
    });
  };
}
