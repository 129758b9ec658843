// Briefings on PostgreSQL, and the counts of responses tagged with them (in total, per local hour, within a reader's
// regions with their cell keys). Every server reads the same rows, so a live screen served by one server moves
// with responses stored by any other (briefing-live.ts polls these counts each second). Rejected responses (review
// status) are in no count.
import { KAZAKHSTAN_OFFSET_MS } from '../domain/kazakhstan-time';
import type {
  Briefing,
  BriefingChanges,
  BriefingHour,
  ScopedCount,
  UpdateBriefingOutcome,
} from '../store/types';
import { toBriefing, type BriefingRow } from '../store/briefing-row';
import { inTransaction, type Pool } from './pool';
import { NOT_REJECTED } from './responses';

const values = (b: Briefing) => [
  b.surveyId,
  b.region,
  b.city,
  b.cityNames?.kk ?? null,
  b.cityNames?.ru ?? null,
  b.cityNames?.en ?? null,
  b.date,
  b.title.kk,
  b.title.ru,
  b.title.en,
  b.opensAt ?? null,
  b.closesAt ?? null,
  b.closedAt ?? null,
];

/** An hour of Kazakhstan's clock, `YYYY-MM-DDTHH:00`, as SQLite's strftime makes it from the ISO text. */
const LOCAL_HOUR = `to_char((submitted_at::timestamptz AT TIME ZONE 'UTC')
  + interval '${KAZAKHSTAN_OFFSET_MS / 3_600_000} hours', 'YYYY-MM-DD"T"HH24:00')`;

const scoped = (n: number, keys: number): ScopedCount => ({ responses: n, cellKey: keys % 2 ** 32 });

export function createPgBriefings(pool: Pool) {
  return {
    async addBriefing(b: Briefing, createdAt: string, demo = false): Promise<boolean> {
      const { rowCount } = await pool.query(
        `INSERT INTO briefings (slug, survey_id, region, city, city_kk, city_ru, city_en, date, title_kk, title_ru,
           title_en, opens_at, closes_at, closed_at, created_at, updated_at, demo)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $15, $16)
         ON CONFLICT (slug) DO NOTHING`,
        [b.slug, ...values(b), createdAt, demo],
      );
      return rowCount === 1;
    },
    async updateBriefing(
      slug: string,
      changes: BriefingChanges,
      now: string,
    ): Promise<UpdateBriefingOutcome> {
      return inTransaction(pool, async (client): Promise<UpdateBriefingOutcome> => {
        // FOR UPDATE conflicts with the FOR KEY SHARE lock a response's foreign key check takes on this row: it
        // waits for responses being stored under the briefing (on any server) to commit, and holds new ones back
        // until this commits, so the check below sees every response there is.
        const row = (
          await client.query<BriefingRow>('SELECT * FROM briefings WHERE slug = $1 FOR UPDATE', [slug])
        ).rows[0];
        if (!row) return { status: 'not-found' };
        if (changes.surveyId !== undefined && changes.surveyId !== row.survey_id) {
          // Any response, rejected or not: a rejected one was answered to the survey's questions too.
          const { rowCount } = await client.query('SELECT 1 FROM responses WHERE briefing = $1 LIMIT 1', [
            slug,
          ]);
          if (rowCount) return { status: 'survey-has-responses' };
        }
        const before = toBriefing(row);
        const next: Briefing = { ...before, ...changes, title: { ...before.title, ...changes.title } };
        await client.query(
          `UPDATE briefings SET survey_id = $2, region = $3, city = $4, city_kk = $5, city_ru = $6, city_en = $7,
             date = $8, title_kk = $9, title_ru = $10, title_en = $11, opens_at = $12, closes_at = $13,
             closed_at = $14, updated_at = $15
           WHERE slug = $1`,
          [slug, ...values(next), now],
        );
        return { status: 'updated', briefing: next };
      });
    },
    async getBriefing(slug: string): Promise<Briefing | undefined> {
      const { rows } = await pool.query<BriefingRow>('SELECT * FROM briefings WHERE slug = $1', [slug]);
      return rows[0] && toBriefing(rows[0]);
    },
    async listBriefings(): Promise<Briefing[]> {
      return (await pool.query<BriefingRow>('SELECT * FROM briefings ORDER BY date, slug')).rows.map(
        toBriefing,
      );
    },
    async countBriefingResponses(slug: string): Promise<number> {
      const { rows } = await pool.query<{ n: number }>(
        `SELECT count(*) AS n FROM responses WHERE briefing = $1 AND ${NOT_REJECTED}`,
        [slug],
      );
      return rows[0]!.n;
    },
    async briefingResponsesIn(slug: string, regions: readonly string[]): Promise<ScopedCount> {
      const { rows } = await pool.query<{ n: number; keys: number | null }>(
        `SELECT count(*) AS n, sum(record_key) AS keys FROM responses
         WHERE briefing = $1 AND region = ANY($2::text[]) AND ${NOT_REJECTED}`,
        [slug, regions],
      );
      return scoped(rows[0]!.n, rows[0]!.keys ?? 0);
    },
    async briefingResponsesPerBriefingIn(regions: readonly string[]): Promise<Map<string, ScopedCount>> {
      const { rows } = await pool.query<{ slug: string; n: number; keys: number }>(
        `SELECT briefing AS slug, count(*) AS n, sum(record_key) AS keys FROM responses
         WHERE briefing IS NOT NULL AND region = ANY($1::text[]) AND ${NOT_REJECTED} GROUP BY briefing`,
        [regions],
      );
      return new Map(rows.map((r) => [r.slug, scoped(r.n, r.keys)]));
    },
    async briefingResponsesByHourIn(
      slug: string,
      regions: readonly string[],
    ): Promise<(BriefingHour & ScopedCount)[]> {
      const { rows } = await pool.query<{ hour: string; n: number; keys: number }>(
        `SELECT ${LOCAL_HOUR} AS hour, count(*) AS n, sum(record_key) AS keys FROM responses
         WHERE briefing = $1 AND region = ANY($2::text[]) AND ${NOT_REJECTED} GROUP BY 1 ORDER BY 1`,
        [slug, regions],
      );
      return rows.map((r) => ({ hour: r.hour, ...scoped(r.n, r.keys) }));
    },
  };
}
