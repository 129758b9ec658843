// Demo data (rows written by `npm run cli -- demo`, marked demo = 1): how much there is, for the workspace's banner,
// and its removal, for `demo --remove` and the admin's button. Removal takes exactly the marked rows and everything
// derived from them, in one transaction, and rebuilds the answer counts of the surveys concerned, so that charts,
// counts and stored CSV lines show the real answers only, as if the demo had never run.
import type { RecountReport } from './count-types';
import { rebuildCodingCounts } from './codebooks';
import type { Db } from './db';

export interface DemoDataCount {
  responses: number;
  briefings: number;
}

export interface DemoRemoval extends DemoDataCount {
  /** Surveys whose counts were rebuilt. */
  surveys: string[];
  /** Demo briefings kept because real answers were tagged with them (their slug was used for a real event). */
  keptBriefings: string[];
}

const DEMO_ROWIDS = 'SELECT rowid FROM responses WHERE demo = 1';
const DEMO_IDS = 'SELECT id FROM responses WHERE demo = 1';

export function createDemoData(db: Db, recount: (surveyIds: readonly string[]) => RecountReport) {
  // Both read the partial indexes of migration 0010: cheap beside a million real answers.
  const count = db.prepare<[], DemoDataCount>(
    `SELECT (SELECT count(*) FROM responses WHERE demo = 1) AS responses,
            (SELECT count(*) FROM briefings WHERE demo = 1) AS briefings`,
  );
  const demoSurveys = db
    .prepare<[], string>('SELECT DISTINCT survey_id FROM responses WHERE demo = 1')
    .pluck();
  /**
   * Tables that hold rows per response, found in the schema rather than listed here: the stored CSV lines, the text
   * index and personal data today, and the coding and review tables other issues add, follow the response without
   * this file knowing them. The names come from sqlite_schema, never from a request.
   */
  const dependents = db.prepare<[], { name: string; column: string }>(
    `SELECT m.name, p.name AS column FROM sqlite_schema m, pragma_table_info(m.name) p
     WHERE m.type = 'table' AND m.name <> 'responses' AND p.name IN ('response_rowid', 'response_id')
     ORDER BY m.name`,
  );
  const deleteResponses = db.prepare('DELETE FROM responses WHERE demo = 1');
  // The code counts are kept per question beside the coded answers: those of questions a demo answer was coded in
  // are rebuilt from what is left (they would keep counting the removed answers).
  const codedQuestions = db.prepare<[], { survey_id: string; question: string }>(
    `SELECT DISTINCT survey_id, question FROM coded_answers WHERE response_rowid IN (${DEMO_ROWIDS})`,
  );
  const keptBriefings = db
    .prepare<[], string>(
      'SELECT slug FROM briefings b WHERE demo = 1 AND EXISTS (SELECT 1 FROM responses r WHERE r.briefing = b.slug)',
    )
    .pluck();
  const deleteBriefings = db.prepare(
    'DELETE FROM briefings WHERE demo = 1 AND NOT EXISTS (SELECT 1 FROM responses r WHERE r.briefing = briefings.slug)',
  );

  const remove = db.transaction((): DemoRemoval => {
    const surveys = demoSurveys.all();
    const coded = codedQuestions.all();
    for (const { name, column } of dependents.all()) {
      const quoted = `"${name.replaceAll('"', '""')}"`;
      const demoRows = column === 'response_rowid' ? DEMO_ROWIDS : DEMO_IDS;
      db.prepare(`DELETE FROM ${quoted} WHERE ${column} IN (${demoRows})`).run();
    }
    const responses = deleteResponses.run().changes;
    const kept = keptBriefings.all();
    const briefings = deleteBriefings.run().changes;
    // Counts, per-response records and the text index are rebuilt from what is left (same transaction: readers
    // see all the demo data or none of it).
    if (surveys.length > 0) recount(surveys);
    for (const { survey_id, question } of coded) rebuildCodingCounts(db, survey_id, question);
    return { responses, briefings, surveys, keptBriefings: kept };
  });

  return {
    countDemoData: (): DemoDataCount => count.get()!,
    removeDemoData: (): DemoRemoval => remove(),
  };
}
