// Briefings: one event each (slug, survey, region, city, date, title in kk/ru/en, when it takes answers), and the
// counts of responses tagged with them, in total and per local hour for the live screen and the workspace.
import { KAZAKHSTAN_SQLITE_MODIFIER } from '../domain/kazakhstan-time';
import { notRejected } from './review-set';
import { toBriefing, type BriefingRow } from './briefing-row';
import type { Db } from './db';
import type { Briefing, BriefingChanges, BriefingHour, ScopedCount, UpdateBriefingOutcome } from './types';

/** SQLite's date modifier for Kazakhstan's clock: the same offset as the answer counts' days. */
const LOCAL_OFFSET = KAZAKHSTAN_SQLITE_MODIFIER;

export function createBriefingStore(db: Db) {
  const insert = db.prepare(`INSERT INTO briefings
    (slug, survey_id, region, city, city_kk, city_ru, city_en, date, title_kk, title_ru, title_en, opens_at,
     closes_at, closed_at, created_at, updated_at, demo)
    VALUES (@slug, @surveyId, @region, @city, @cityKk, @cityRu, @cityEn, @date, @kk, @ru, @en, @opensAt,
     @closesAt, @closedAt, @createdAt, @createdAt, @demo)
    ON CONFLICT (slug) DO NOTHING`);
  const update = db.prepare(`UPDATE briefings SET survey_id = @surveyId, region = @region, city = @city,
    city_kk = @cityKk, city_ru = @cityRu, city_en = @cityEn, date = @date, title_kk = @kk, title_ru = @ru, title_en = @en, opens_at = @opensAt, closes_at = @closesAt,
    closed_at = @closedAt, updated_at = @updatedAt WHERE slug = @slug`);
  const selectOne = db.prepare<[string], BriefingRow>('SELECT * FROM briefings WHERE slug = ?');
  const selectAll = db.prepare<[], BriefingRow>('SELECT * FROM briefings ORDER BY date, slug');
  // Any response, rejected or not: a rejected one was answered to the survey's questions too.
  const anyResponse = db.prepare<[string], 1>('SELECT 1 FROM responses WHERE briefing = ? LIMIT 1').pluck();
  // Reads the partial index responses_by_briefing_time only: cheap enough to run every second per briefing.
  // Rejected responses (review status) are in no count: notRejected() goes by rowid, which the index holds.
  const countOne = db.prepare<[string], { n: number }>(
    `SELECT count(*) AS n FROM responses WHERE briefing = ? AND ${notRejected()}`,
  );
  // Within a reader's regions (a respondent may change the prefilled region): counts with their cell keys, the sum
  // of the record keys (total() is a double: exact for any realistic number of 32-bit keys).
  const IN_REGIONS = `region IN (SELECT value FROM json_each(@regions)) AND ${notRejected()}`;
  const scopedOne = db.prepare<{ slug: string; regions: string }, { n: number; keys: number }>(
    `SELECT count(*) AS n, total(record_key) AS keys FROM responses WHERE briefing = @slug AND ${IN_REGIONS}`,
  );
  const scopedAll = db.prepare<{ regions: string }, { slug: string; n: number; keys: number }>(
    `SELECT briefing AS slug, count(*) AS n, total(record_key) AS keys FROM responses
     WHERE briefing IS NOT NULL AND ${IN_REGIONS} GROUP BY briefing`,
  );
  const scopedByHour = db.prepare<
    { slug: string; offset: string; regions: string },
    { hour: string; n: number; keys: number }
  >(
    `SELECT strftime('%Y-%m-%dT%H:00', submitted_at, @offset) AS hour, count(*) AS n, total(record_key) AS keys
     FROM responses WHERE briefing = @slug AND ${IN_REGIONS} GROUP BY hour ORDER BY hour`,
  );
  const scoped = (n: number, keys: number): ScopedCount => ({ responses: n, cellKey: keys % 2 ** 32 });

  const params = ({ cityNames, ...b }: Briefing) => ({
    ...b,
    ...b.title,
    cityKk: cityNames?.kk ?? null,
    cityRu: cityNames?.ru ?? null,
    cityEn: cityNames?.en ?? null,
    opensAt: b.opensAt ?? null,
    closesAt: b.closesAt ?? null,
    closedAt: b.closedAt ?? null,
  });

  return {
    /** Returns false when the slug is taken. `demo`: made by `npm run cli -- demo`, removed with its responses. */
    addBriefing(b: Briefing, createdAt: string, demo = false): boolean {
      return insert.run({ ...params(b), createdAt, demo: demo ? 1 : 0 }).changes === 1;
    },
    /** Applies the changes and returns the briefing as it now is (interface/briefing-store.ts). */
    updateBriefing: db.transaction(
      (slug: string, changes: BriefingChanges, now: string): UpdateBriefingOutcome => {
        const row = selectOne.get(slug);
        if (!row) return { status: 'not-found' };
        // In the write's transaction, which holds the write lock from BEGIN (db.ts): no response is stored, by this
        // connection or the writer thread's, between check and write.
        if (changes.surveyId !== undefined && changes.surveyId !== row.survey_id && anyResponse.get(slug))
          return { status: 'survey-has-responses' };
        const next: Briefing = {
          ...toBriefing(row),
          ...changes,
          title: { ...toBriefing(row).title, ...changes.title },
        };
        update.run({ ...params(next), slug, updatedAt: now });
        return { status: 'updated', briefing: next };
      },
    ),
    getBriefing(slug: string): Briefing | undefined {
      const row = selectOne.get(slug);
      return row && toBriefing(row);
    },
    listBriefings(): Briefing[] {
      return selectAll.all().map(toBriefing);
    },
    countBriefingResponses(slug: string): number {
      return countOne.get(slug)?.n ?? 0;
    },
    /** Responses through a briefing whose region is one of `regions`, with their cell key. */
    briefingResponsesIn(slug: string, regions: readonly string[]): ScopedCount {
      const row = scopedOne.get({ slug, regions: JSON.stringify(regions) });
      return scoped(row?.n ?? 0, row?.keys ?? 0);
    },
    /** Per briefing slug, its responses from `regions`; briefings without any are absent. */
    briefingResponsesPerBriefingIn(regions: readonly string[]): Map<string, ScopedCount> {
      return new Map(
        scopedAll.all({ regions: JSON.stringify(regions) }).map((r) => [r.slug, scoped(r.n, r.keys)]),
      );
    },
    /** Responses per hour of Kazakhstan's clock (UTC+5), `YYYY-MM-DDTHH:00` local, hours without any left out,
     * counting only responses from `regions`, each hour with its cell key. */
    briefingResponsesByHourIn(slug: string, regions: readonly string[]): (BriefingHour & ScopedCount)[] {
      return scopedByHour
        .all({ slug, offset: LOCAL_OFFSET, regions: JSON.stringify(regions) })
        .map((r) => ({ hour: r.hour, ...scoped(r.n, r.keys) }));
    },
  };
}
