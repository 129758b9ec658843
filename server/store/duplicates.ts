// Repeated answer sets: a response whose answers are exactly those of another response of the same briefing
// stored within the last few minutes is marked `duplicate_of` it (a phone or a script posting the same form again
// and again in a hall). Found at insert through the briefing's time index: a hall's last minutes are a few hundred
// rows at most, and the answers are compared as stored text.
import type { Db } from './db';
import type { NewResponse } from './types';

/** How far back a repeat is looked for; 0009's backfill uses the same window. */
export const DUPLICATE_WINDOW_MINUTES = 10;

export function createDuplicateFinder(db: Db) {
  const earlier = db
    .prepare(
      `SELECT id FROM responses INDEXED BY responses_by_briefing_time
       WHERE briefing = ? AND submitted_at >= ? AND submitted_at <= ? AND answers = ?
       ORDER BY submitted_at, rowid LIMIT 1`,
    )
    .pluck();
  /** The earlier response with the same answers, for a response about to be inserted; null when none. */
  return function duplicateOf(r: NewResponse, answersJson: string): string | null {
    if (r.briefing === null) return null;
    const since = new Date(Date.parse(r.submittedAt) - DUPLICATE_WINDOW_MINUTES * 60_000).toISOString();
    return (earlier.get(r.briefing, since, r.submittedAt, answersJson) as string | undefined) ?? null;
  };
}
