// Survey publication records (the content hash frozen at first start) and open/closed state.
import type { Db } from './db';
import type { PublishConflict, PublishedVersion } from './types';

export function createSurveyStore(db: Db) {
  const selectVersion = db.prepare<[string, number], { sha256: string; published_at: string }>(
    'SELECT sha256, published_at FROM survey_versions WHERE survey_id = ? AND version = ?',
  );
  const insertVersion = db.prepare(
    'INSERT INTO survey_versions (survey_id, version, sha256, published_at) VALUES (?, ?, ?, ?)',
  );
  const selectClosed = db.prepare<[string], { closed_at: string }>(
    'SELECT closed_at FROM survey_closures WHERE survey_id = ?',
  );
  const insertClosure = db.prepare(
    'INSERT OR IGNORE INTO survey_closures (survey_id, closed_at) VALUES (?, ?)',
  );
  const deleteClosure = db.prepare('DELETE FROM survey_closures WHERE survey_id = ?');

  // Throws out of the transaction on any conflict so that it rolls back.
  const publishAll = db.transaction((versions: readonly PublishedVersion[], now: string) => {
    const conflicts: PublishConflict[] = [];
    for (const v of versions) {
      const known = selectVersion.get(v.surveyId, v.version);
      if (!known) insertVersion.run(v.surveyId, v.version, v.sha256, now);
      else if (known.sha256 !== v.sha256)
        conflicts.push({ ...v, recordedSha256: known.sha256, publishedAt: known.published_at });
    }
    if (conflicts.length > 0) throw new PublishConflictError(conflicts);
  });

  return {
    /**
     * Records versions seen for the first time; returns the ones whose hash differs from the record.
     * All or nothing: if any version conflicts, nothing new is recorded.
     */
    publishVersions(versions: readonly PublishedVersion[], now: string): PublishConflict[] {
      try {
        publishAll(versions, now);
        return [];
      } catch (error) {
        if (error instanceof PublishConflictError) return error.conflicts;
        throw error;
      }
    },
    /** The recorded hash of a published version, or undefined when it was never published. */
    publishedVersion(surveyId: string, version: number): { sha256: string; publishedAt: string } | undefined {
      const known = selectVersion.get(surveyId, version);
      return known && { sha256: known.sha256, publishedAt: known.published_at };
    },
    isSurveyClosed(surveyId: string): boolean {
      return selectClosed.get(surveyId) !== undefined;
    },
    /** When the survey was closed (ISO time), or undefined while it is open. */
    surveyClosedAt(surveyId: string): string | undefined {
      return selectClosed.get(surveyId)?.closed_at;
    },
    setSurveyClosed(surveyId: string, closed: boolean, now: string): void {
      if (closed) insertClosure.run(surveyId, now);
      else deleteClosure.run(surveyId);
    },
  };
}

class PublishConflictError extends Error {
  constructor(readonly conflicts: PublishConflict[]) {
    super(`${conflicts.length} published survey version(s) changed`);
  }
}
