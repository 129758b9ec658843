// Rebuilds the answer counts of whole surveys from the responses, in one transaction, and says what differed;
// also run at start-up for a survey whose count plans changed (a new plan means the old vectors mean nothing).
import { createHash } from 'node:crypto';
import { countAnswers, textsOf, type CountLayout } from './count-layout';
import { countDay, planKey, RECORDS_PER_CHUNK, vectorBlob } from './answer-counts';
import type { CountPlan, RecountReport } from './count-types';
import type { Db } from './db';
import { REJECTED_IDS } from './review-set';

/** Bump when the layout code changes meaning, so every database rebuilds its counts at the next start. */
const LAYOUT_FORMAT = 3;
const PAGE = 2_000;

export const planSha256 = (plan: CountPlan) =>
  createHash('sha256')
    .update(JSON.stringify({ format: LAYOUT_FORMAT, plan }))
    .digest('hex');

interface KeyAcc {
  id: number;
  layout: CountLayout;
  responses: number;
  vector: Int32Array;
  /** Records of the chunk being filled. */
  pending: Uint8Array;
}

type ResponsePage = [
  rowid: number,
  version: number,
  region: string,
  briefing: string | null,
  submittedAt: string,
  answers: string,
  recordKey: number,
  rejected: 0 | 1,
][];

const NEW_COUNTS = `SELECT survey_id, version, region, briefing, day, responses, counts FROM answer_counts
  WHERE survey_id IN (SELECT value FROM json_each(@surveys))`;
const NEW_RECORDS = `SELECT k.survey_id, k.version, k.region, k.briefing, k.day, r.chunk, r.records
  FROM answer_records r JOIN answer_counts k ON k.id = r.key_id WHERE k.survey_id IN (SELECT value FROM json_each(@surveys))`;
const NEW_TEXTS = `SELECT t.survey_id, t.question, t.response_rowid, k.version, k.region, k.briefing, k.day, t.folded
  FROM answer_texts t JOIN answer_counts k ON k.id = t.key_id WHERE t.survey_id IN (SELECT value FROM json_each(@surveys))`;
const KEY = 'survey_id, version, region, briefing, day';
/** Old rows are copied aside by natural key, so that a rebuild (which renumbers keys) can be compared. */
const SNAPSHOT = [
  `CREATE TEMP TABLE old_counts AS ${NEW_COUNTS}`,
  `CREATE TEMP TABLE old_records AS ${NEW_RECORDS}`,
  `CREATE TEMP TABLE old_texts AS ${NEW_TEXTS}`,
];

export function createRecount(
  db: Db,
  layouts: ReadonlyMap<string, CountLayout>,
  rebuilt: () => void = () => {},
) {
  const insertKey =
    db.prepare(`INSERT INTO answer_counts (survey_id, version, region, briefing, day, responses, counts)
    VALUES (@surveyId, @version, @region, @briefing, @day, 0, x'')`);
  const updateKey = db.prepare(
    'UPDATE answer_counts SET responses = @responses, counts = @counts WHERE id = @id',
  );
  const insertChunk = db.prepare('INSERT INTO answer_records (key_id, chunk, records) VALUES (?, ?, ?)');
  const insertText = db.prepare(
    'INSERT INTO answer_texts (survey_id, question, response_rowid, key_id, folded) VALUES (?, ?, ?, ?, ?)',
  );
  // `+survey_id` keeps SQLite off the (survey, time) index: through it, every page would scan and sort the whole
  // survey again (quadratic: a 1M recount ran for over half an hour); the rowid range reads each row once.
  // Rejected responses (a test, junk) are in no count: the review that rejected one rebuilt its key without it.
  const page = db
    .prepare(
      `SELECT rowid, version, region, briefing, submitted_at, answers, record_key, id IN (${REJECTED_IDS})
    FROM responses WHERE +survey_id = @surveyId AND rowid > @after ORDER BY rowid LIMIT ${PAGE}`,
    )
    .raw();

  function flushChunk(acc: KeyAcc, full: boolean): void {
    const inChunk = ((acc.responses - 1) % RECORDS_PER_CHUNK) + 1;
    const bytes = full ? acc.pending : acc.pending.subarray(0, inChunk * acc.layout.recordLength);
    insertChunk.run(acc.id, Math.floor((acc.responses - 1) / RECORDS_PER_CHUNK), Buffer.from(bytes));
    acc.pending.fill(0);
  }

  /** Same counting as the insert path, in rowid (= insertion) order so the record chunks come out identical. */
  function rebuildSurvey(surveyId: string): number {
    db.prepare(
      'DELETE FROM answer_records WHERE key_id IN (SELECT id FROM answer_counts WHERE survey_id = ?)',
    ).run(surveyId);
    db.prepare('DELETE FROM answer_texts WHERE survey_id = ?').run(surveyId);
    db.prepare('DELETE FROM answer_counts WHERE survey_id = ?').run(surveyId);
    const keys = new Map<string, KeyAcc>();
    let counted = 0;
    for (let after = 0; ;) {
      const rows = page.all({ surveyId, after }) as ResponsePage;
      for (const [rowid, version, region, briefing, submittedAt, answers, recordKey, rejected] of rows) {
        after = rowid;
        if (rejected) continue;
        const layout = layouts.get(planKey(surveyId, version));
        if (!layout) continue;
        const key = { surveyId, version, region, briefing: briefing ?? '', day: countDay(submittedAt) };
        const name = `${version}\u0000${region}\u0000${key.briefing}\u0000${key.day}`;
        let acc = keys.get(name);
        if (!acc) {
          const id = Number(insertKey.run(key).lastInsertRowid);
          acc = {
            id,
            layout,
            responses: 0,
            vector: new Int32Array(layout.vectorLength),
            pending: new Uint8Array(layout.recordLength * RECORDS_PER_CHUNK),
          };
          keys.set(name, acc);
        }
        const slot = acc.responses % RECORDS_PER_CHUNK;
        const parsed = JSON.parse(answers) as Record<string, unknown>;
        countAnswers(layout, parsed, acc.vector, acc.pending, slot * layout.recordLength, recordKey);
        for (const [question, folded] of textsOf(layout.plan, parsed))
          insertText.run(surveyId, question, rowid, acc.id, folded);
        acc.responses++;
        counted++;
        if (slot === RECORDS_PER_CHUNK - 1) flushChunk(acc, true);
      }
      if (rows.length < PAGE) break;
    }
    for (const acc of keys.values()) {
      if (acc.responses % RECORDS_PER_CHUNK !== 0) flushChunk(acc, false);
      updateKey.run({ id: acc.id, responses: acc.responses, counts: vectorBlob(acc.vector) });
    }
    return counted;
  }

  function differing(oldTable: string, newQuery: string, key: string, surveys: string): number {
    const sql = `SELECT count(*) FROM (
      SELECT ${key} FROM (SELECT * FROM temp.${oldTable} EXCEPT ${newQuery})
      UNION SELECT ${key} FROM (${newQuery} EXCEPT SELECT * FROM temp.${oldTable}))`;
    return db.prepare(sql).pluck().get({ surveys }) as number;
  }

  const recordPlans = db.prepare(
    'INSERT INTO count_plans (survey_id, version, sha256) VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET sha256 = excluded.sha256',
  );

  function savePlans(surveyIds: readonly string[]): void {
    for (const layout of layouts.values())
      if (surveyIds.includes(layout.plan.surveyId))
        recordPlans.run(layout.plan.surveyId, layout.plan.version, planSha256(layout.plan));
  }

  /** One transaction: readers see the old counts or the new ones, never a half-built table. */
  const recount = db.transaction((surveyIds: readonly string[]): RecountReport => {
    const surveys = JSON.stringify(surveyIds);
    for (const sql of SNAPSHOT) db.prepare(sql).run({ surveys });
    try {
      let responses = 0;
      for (const id of surveyIds) responses += rebuildSurvey(id);
      savePlans(surveyIds);
      return {
        surveys: [...surveyIds],
        responses,
        keysDiffering: differing('old_counts', NEW_COUNTS, KEY, surveys),
        recordChunksDiffering: differing('old_records', NEW_RECORDS, `${KEY}, chunk`, surveys),
        textsDiffering: differing('old_texts', NEW_TEXTS, 'survey_id, question, response_rowid', surveys),
      };
    } finally {
      rebuilt();
      db.exec('DROP TABLE temp.old_counts; DROP TABLE temp.old_records; DROP TABLE temp.old_texts;');
    }
  });

  /**
   * At start-up: a survey whose plans differ from those its counts were built with (or that has responses but
   * never had counts, e.g. a database from before migration 0003) is rebuilt. Returns what was rebuilt.
   */
  function syncPlans(): RecountReport[] {
    const recorded = new Map(
      (
        db.prepare('SELECT survey_id, version, sha256 FROM count_plans').raw().all() as [
          string,
          number,
          string,
        ][]
      ).map(([s, v, sha]) => [planKey(s, v), sha]),
    );
    const hasResponses = db
      .prepare('SELECT 1 FROM responses WHERE survey_id = ? AND version = ? LIMIT 1')
      .pluck();
    const stale = new Set<string>();
    const fresh = new Set<string>();
    for (const [key, layout] of layouts) {
      const { surveyId, version } = layout.plan;
      if (recorded.get(key) === planSha256(layout.plan)) continue;
      if (hasResponses.get(surveyId, version) !== undefined) stale.add(surveyId);
      else fresh.add(surveyId);
    }
    db.transaction(() => savePlans([...fresh].filter((s) => !stale.has(s))))();
    return [...stale].map((surveyId) => recount([surveyId]));
  }

  return { recount, syncPlans };
}
