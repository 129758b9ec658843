// Published versions' hashes and open/closed surveys, in the database every server shares: a version changed after
// it was published is refused alike by every server, whichever started first.
import type { PublishConflict, PublishedVersion, StoredDefinition } from '../store/types';
import { inTransaction, type Pool } from './pool';

export function createPgSurveys(pool: Pool) {
  return {
    /** Records versions seen for the first time; all or nothing: on any conflict nothing new is recorded. */
    async publishVersions(versions: readonly PublishedVersion[], now: string): Promise<PublishConflict[]> {
      try {
        await inTransaction(pool, async (client) => {
          // Two servers starting at once with the same new version: the second waits here, then finds it recorded.
          await client.query('LOCK TABLE survey_versions IN SHARE ROW EXCLUSIVE MODE');
          const conflicts: PublishConflict[] = [];
          for (const v of versions) {
            const { rows } = await client.query<{ sha256: string; published_at: string }>(
              'SELECT sha256, published_at FROM survey_versions WHERE survey_id = $1 AND version = $2',
              [v.surveyId, v.version],
            );
            const known = rows[0];
            if (!known)
              await client.query(
                'INSERT INTO survey_versions (survey_id, version, sha256, published_at) VALUES ($1, $2, $3, $4)',
                [v.surveyId, v.version, v.sha256, now],
              );
            else if (known.sha256 !== v.sha256)
              conflicts.push({ ...v, recordedSha256: known.sha256, publishedAt: known.published_at });
          }
          // Thrown out of the transaction so that it rolls back.
          if (conflicts.length > 0) throw new PublishConflictError(conflicts);
        });
        return [];
      } catch (error) {
        if (error instanceof PublishConflictError) return error.conflicts;
        throw error;
      }
    },
    /**
     * A version published from the workspace: hash and definition in one transaction; false when the number is
     * taken (another admin, another server, or a file published it first). The insert that loses a race waits
     * for the winner's commit and then finds the key taken.
     */
    async publishDefinition(d: StoredDefinition): Promise<boolean> {
      return inTransaction(pool, async (client) => {
        const { rowCount } = await client.query(
          `INSERT INTO survey_versions (survey_id, version, sha256, published_at) VALUES ($1, $2, $3, $4)
           ON CONFLICT DO NOTHING`,
          [d.surveyId, d.version, d.sha256, d.publishedAt],
        );
        if (rowCount !== 1) return false;
        await client.query(
          `INSERT INTO survey_definitions (survey_id, version, definition, published_at, published_by)
           VALUES ($1, $2, $3, $4, $5)`,
          [d.surveyId, d.version, JSON.stringify(d.definition), d.publishedAt, d.publishedBy],
        );
        return true;
      });
    },
    async listPublishedDefinitions(): Promise<StoredDefinition[]> {
      const { rows } = await pool.query<{
        survey_id: string;
        version: number;
        sha256: string;
        definition: string;
        published_at: string;
        published_by: string;
      }>(
        `SELECT d.survey_id, d.version, v.sha256, d.definition, d.published_at, d.published_by
         FROM survey_definitions d JOIN survey_versions v USING (survey_id, version)
         ORDER BY d.survey_id, d.version`,
      );
      return rows.map((r) => ({
        surveyId: r.survey_id,
        version: r.version,
        sha256: r.sha256,
        definition: JSON.parse(r.definition) as Record<string, unknown>,
        publishedAt: r.published_at,
        publishedBy: r.published_by,
      }));
    },
    /** A server polls this to learn that another one published (a count only grows). */
    async countPublishedDefinitions(): Promise<number> {
      return (await pool.query<{ n: number }>('SELECT count(*) AS n FROM survey_definitions')).rows[0]!.n;
    },
    async publishedVersion(
      surveyId: string,
      version: number,
    ): Promise<{ sha256: string; publishedAt: string } | undefined> {
      const { rows } = await pool.query<{ sha256: string; published_at: string }>(
        'SELECT sha256, published_at FROM survey_versions WHERE survey_id = $1 AND version = $2',
        [surveyId, version],
      );
      return rows[0] && { sha256: rows[0].sha256, publishedAt: rows[0].published_at };
    },
    async isSurveyClosed(surveyId: string): Promise<boolean> {
      const { rowCount } = await pool.query('SELECT 1 FROM survey_closures WHERE survey_id = $1', [surveyId]);
      return (rowCount ?? 0) > 0;
    },
    async surveyClosedAt(surveyId: string): Promise<string | undefined> {
      const { rows } = await pool.query<{ closed_at: string }>(
        'SELECT closed_at FROM survey_closures WHERE survey_id = $1',
        [surveyId],
      );
      return rows[0]?.closed_at;
    },
    async setSurveyClosed(surveyId: string, closed: boolean, now: string): Promise<boolean> {
      // ON CONFLICT DO NOTHING waits for another server's uncommitted closing of the same survey, then counts 0.
      const { rowCount } = closed
        ? await pool.query(
            'INSERT INTO survey_closures (survey_id, closed_at) VALUES ($1, $2) ON CONFLICT DO NOTHING',
            [surveyId, now],
          )
        : await pool.query('DELETE FROM survey_closures WHERE survey_id = $1', [surveyId]);
      return rowCount === 1;
    },
  };
}

class PublishConflictError extends Error {
  constructor(readonly conflicts: PublishConflict[]) {
    super(`${conflicts.length} published survey version(s) changed`);
  }
}
