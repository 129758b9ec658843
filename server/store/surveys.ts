// Survey publication records (the content hash frozen at first start), definitions published from the workspace,
// and open/closed state.
import type { Db } from './db';
import type { PublishConflict, PublishedVersion, StoredDefinition } from './types';

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
  const insertDefinition = db.prepare(
    `INSERT INTO survey_definitions (survey_id, version, definition, published_at, published_by)
     VALUES (@surveyId, @version, @definition, @publishedAt, @publishedBy)`,
  );
  // A handful of rows (a few versions a season): read whole.
  const selectDefinitions = db.prepare<
    [],
    {
      survey_id: string;
      version: number;
      sha256: string;
      definition: string;
      published_at: string;
      published_by: string;
    }
  >(
    `SELECT d.survey_id, d.version, v.sha256, d.definition, d.published_at, d.published_by
     FROM survey_definitions d JOIN survey_versions v USING (survey_id, version) ORDER BY d.survey_id, d.version`,
  );
  const countDefinitions = db.prepare('SELECT count(*) FROM survey_definitions').pluck();

  /** false when the number is taken (another admin, another server, or a file published it first). */
  const publishOne = db.transaction((d: Omit<StoredDefinition, 'definition'> & { definition: string }) => {
    if (selectVersion.get(d.surveyId, d.version)) return false;
    insertVersion.run(d.surveyId, d.version, d.sha256, d.publishedAt);
    insertDefinition.run(d);
    return true;
  });

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
    /**
     * Publishes a version from the workspace: its hash and its definition (canonical JSON) in one transaction.
     * false when that version number is already published; nothing is written then.
     */
    publishDefinition(definition: StoredDefinition): boolean {
      return publishOne({ ...definition, definition: JSON.stringify(definition.definition) });
    },
    /** Every version published from the workspace, by survey and version. */
    listPublishedDefinitions(): StoredDefinition[] {
      return selectDefinitions.all().map((r) => ({
        surveyId: r.survey_id,
        version: r.version,
        sha256: r.sha256,
        definition: JSON.parse(r.definition) as Record<string, unknown>,
        publishedAt: r.published_at,
        publishedBy: r.published_by,
      }));
    },
    /** How many: a server polls this to learn that another one published (a count only grows). */
    countPublishedDefinitions(): number {
      return countDefinitions.get() as number;
    },
    isSurveyClosed(surveyId: string): boolean {
      return selectClosed.get(surveyId) !== undefined;
    },
    /** When the survey was closed (ISO time), or undefined while it is open. */
    surveyClosedAt(surveyId: string): string | undefined {
      return selectClosed.get(surveyId)?.closed_at;
    },
    setSurveyClosed(surveyId: string, closed: boolean, now: string): boolean {
      return (closed ? insertClosure.run(surveyId, now) : deleteClosure.run(surveyId)).changes === 1;
    },
  };
}

class PublishConflictError extends Error {
  constructor(readonly conflicts: PublishConflict[]) {
    super(`${conflicts.length} published survey version(s) changed`);
  }
}
