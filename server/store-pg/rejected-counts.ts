// `review: 'all'` on the counts and the question-by-question tables (as server/store/count-adjustments.ts does for
// SQLite): the kept counts and records hold every response but rejected ones, so the rejected ones within the
// filter are counted here, per request, as keys of one response each with its byte record. They are few (a
// reviewer rejects tests and junk one by one), found through a partial index.
import { countDay } from '../store/answer-counts';
import { countAnswers, type CountLayout } from '../store/count-layout';
import type { CountFilter } from '../store/count-types';
import { blobOf, type KeyRow } from './count-keys';
import type { Pool } from './pool';

interface RejectedRow {
  version: number;
  region: string;
  briefing: string;
  submitted_at: string;
  answers: string;
  record_key: number;
}

export async function rejectedKeyRows(
  pool: Pool,
  filter: CountFilter,
  layoutOf: (surveyId: string, version: number) => CountLayout | undefined,
): Promise<{ keyRow: KeyRow; record: Uint8Array }[]> {
  const { rows } = await pool.query<RejectedRow>(
    `SELECT r.version, r.region, coalesce(r.briefing, '') AS briefing, r.submitted_at, r.answers, r.record_key
     FROM response_reviews v JOIN responses r ON r.id = v.response_id
     WHERE v.status = 'rejected' AND r.survey_id = $1
       AND ($2::text[] IS NULL OR r.region = ANY($2::text[]))
       AND ($3::int[] IS NULL OR r.version = ANY($3::int[]))
       AND ($4::text[] IS NULL OR coalesce(r.briefing, '') = ANY($4::text[]))`,
    [filter.surveyId, filter.regions ?? null, filter.versions ?? null, filter.briefings ?? null],
  );
  const out: { keyRow: KeyRow; record: Uint8Array }[] = [];
  for (const r of rows) {
    const layout = layoutOf(filter.surveyId, r.version);
    if (!layout) continue;
    // The day as the insert path decides it (countDay), whatever the stored time's spelling.
    const day = countDay(r.submitted_at);
    if (
      (filter.fromDay !== undefined && day < filter.fromDay) ||
      (filter.toDay !== undefined && day > filter.toDay)
    )
      continue;
    const vector = new Int32Array(layout.vectorLength);
    const record = new Uint8Array(layout.recordLength);
    countAnswers(layout, JSON.parse(r.answers) as Record<string, unknown>, vector, record, 0, r.record_key);
    const keyRow: KeyRow = {
      survey_id: filter.surveyId,
      version: r.version,
      region: r.region,
      briefing: r.briefing,
      day,
      responses: 1,
      counts: blobOf(vector),
    };
    out.push({ keyRow, record });
  }
  return out;
}
