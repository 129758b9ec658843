// Rebuilds the counts of one key (survey, version, region, briefing, day) from its responses in the default set,
// inside the caller's transaction: a review that rejects a response, or takes a rejection back, moves it out of or
// into every count, byte record and text index entry, the way `recount` would build them (same rowid order, so a
// recount afterwards finds nothing differing). A key holds one day of one region's briefing: a few hundred rows.
import { countAnswers, textsOf, type CountLayout } from './count-layout';
import { KAZAKHSTAN_OFFSET_MS } from '../domain/kazakhstan-time';
import { countDay, planKey, RECORDS_PER_CHUNK, vectorBlob } from './answer-counts';
import type { Db } from './db';
import { REJECTED_IDS } from './review-set';

type KeyResponse = [rowid: number, submittedAt: string, answers: string, recordKey: number];

export function createKeyRebuild(
  db: Db,
  layouts: ReadonlyMap<string, CountLayout>,
  touched: (keyId: number) => void,
) {
  const responseAt = db
    .prepare(
      "SELECT survey_id, version, region, coalesce(briefing, ''), submitted_at FROM responses WHERE rowid = ?",
    )
    .raw();
  const keyId = db
    .prepare(
      'SELECT id FROM answer_counts WHERE survey_id = ? AND version = ? AND region = ? AND briefing = ? AND day = ?',
    )
    .pluck();
  // The day's responses through the (survey, region, time) index, a day wider on each side: the exact day is then
  // decided by countDay(), the same function the insert path uses, whatever the stored time's spelling.
  const dayResponses = db
    .prepare(
      `SELECT rowid, submitted_at, answers, record_key FROM responses
       WHERE survey_id = @surveyId AND region = @region AND submitted_at >= @from AND submitted_at < @to
         AND version = @version AND coalesce(briefing, '') = @briefing AND id NOT IN (${REJECTED_IDS})
       ORDER BY rowid`,
    )
    .raw();
  const deleteRecords = db.prepare('DELETE FROM answer_records WHERE key_id = ?');
  const deleteTexts = db.prepare('DELETE FROM answer_texts WHERE key_id = ?');
  const deleteKey = db.prepare('DELETE FROM answer_counts WHERE id = ?');
  const insertKey = db.prepare(
    `INSERT INTO answer_counts (survey_id, version, region, briefing, day, responses, counts)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const updateKey = db.prepare('UPDATE answer_counts SET responses = ?, counts = ? WHERE id = ?');
  const insertChunk = db.prepare('INSERT INTO answer_records (key_id, chunk, records) VALUES (?, ?, ?)');
  const insertText = db.prepare(
    'INSERT INTO answer_texts (survey_id, question, response_rowid, key_id, folded) VALUES (?, ?, ?, ?, ?)',
  );

  /** Rebuilds the key the response with this rowid belongs to; nothing for a version without a count plan. */
  return function rebuildKeyOf(rowid: number): void {
    const row = responseAt.get(rowid) as [string, number, string, string, string] | undefined;
    if (!row) return;
    const [surveyId, version, region, briefing, submittedAt] = row;
    const layout = layouts.get(planKey(surveyId, version));
    if (!layout) return;
    const day = countDay(submittedAt);
    const dayStart = Date.parse(`${day}T00:00:00Z`) - KAZAKHSTAN_OFFSET_MS;
    const responses = (
      dayResponses.all({
        surveyId,
        region,
        version,
        briefing,
        from: new Date(dayStart - 86_400_000).toISOString(),
        to: new Date(dayStart + 2 * 86_400_000).toISOString(),
      }) as KeyResponse[]
    ).filter(([, at]) => countDay(at) === day);
    const vector = new Int32Array(layout.vectorLength);
    const records = new Uint8Array(layout.recordLength * responses.length);
    const texts: [question: string, rowid: number, folded: string][] = [];
    responses.forEach(([rowid, , answers, recordKey], i) => {
      const parsed = JSON.parse(answers) as Record<string, unknown>;
      countAnswers(layout, parsed, vector, records, i * layout.recordLength, recordKey);
      for (const [question, folded] of textsOf(layout.plan, parsed)) texts.push([question, rowid, folded]);
    });
    const key = [surveyId, version, region, briefing, day] as const;
    let id = keyId.get(...key) as number | undefined;
    if (id !== undefined) {
      deleteRecords.run(id);
      deleteTexts.run(id);
      touched(id);
      if (responses.length === 0) {
        // recount makes no key without responses: neither do we.
        deleteKey.run(id);
        return;
      }
      updateKey.run(responses.length, vectorBlob(vector), id);
    } else {
      if (responses.length === 0) return;
      id = Number(insertKey.run(...key, responses.length, vectorBlob(vector)).lastInsertRowid);
      touched(id);
    }
    const chunkBytes = RECORDS_PER_CHUNK * layout.recordLength;
    for (let chunk = 0; chunk * chunkBytes < records.length; chunk++)
      insertChunk.run(id, chunk, Buffer.from(records.subarray(chunk * chunkBytes, (chunk + 1) * chunkBytes)));
    for (const [question, textRowid, folded] of texts)
      insertText.run(surveyId, question, textRowid, id, folded);
  };
}
