// The workspace's responses table and responses.jsonl on PostgreSQL (as server/store/response-list.ts): one page at
// a time, newest first, within the reader's regions, with what a reviewer decides on; and the next responses in
// submission order for incremental pulls. Ids compare byte-wise (COLLATE "C"), as SQLite's do, whatever the
// database's collation, so a pull's `after` means the same on both engines.
import type {
  ResponseLine,
  ResponseListItem,
  ResponseListQuery,
  ResponsePageQuery,
  ResponseSetQuery,
} from '../store/response-list';
import type { ReviewStatus } from '../store/reviews';
import type { Pool } from './pool';
import { DURATION_S, SET_FROM, setWhere } from './response-set';

interface ListRow {
  id: string;
  version: number;
  locale: string;
  region: string;
  briefing: string | null;
  submitted_at: string;
  duration_s: number | null;
  flags: number | null;
  duplicate_of: string | null;
  status: ReviewStatus | null;
  note: string | null;
  has_contacts: boolean;
  erased: boolean;
}

type LineRow = Omit<ListRow, 'duplicate_of' | 'flags' | 'note' | 'has_contacts' | 'erased'> & {
  started_at: string | null;
  answers: string;
};

export function createPgResponseList(pool: Pool) {
  return {
    /** One page of the table and whether more follow. */
    async listResponses(query: ResponseListQuery): Promise<{ items: ResponseListItem[]; hasMore: boolean }> {
      const { sql, params } = await setWhere(pool, query);
      const { rows } = await pool.query<ListRow>(
        `SELECT r.id, r.version, r.locale, r.region, r.briefing, r.submitted_at, ${DURATION_S} AS duration_s,
           l.flags, r.duplicate_of, v.status, v.note,
           EXISTS (SELECT 1 FROM response_contacts c WHERE c.response_id = r.id) AS has_contacts,
           EXISTS (SELECT 1 FROM contact_erasures e WHERE e.response_id = r.id) AS erased
         ${SET_FROM} WHERE ${sql}
         ORDER BY r.submitted_at DESC, r.seq DESC LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
        [...params, query.limit + 1, query.offset],
      );
      const items = rows.slice(0, query.limit).map((r): ResponseListItem => ({
        id: r.id,
        version: r.version,
        locale: r.locale,
        region: r.region,
        briefing: r.briefing,
        submittedAt: r.submitted_at,
        durationS: r.duration_s,
        flags: r.flags,
        duplicateOf: r.duplicate_of,
        review: r.status,
        note: r.note,
        hasContacts: r.has_contacts,
        contactsErased: r.erased,
      }));
      return { items, hasMore: rows.length > query.limit };
    },
    /** How many responses the table's filters match. */
    async countResponses(query: ResponseSetQuery): Promise<number> {
      const { sql, params } = await setWhere(pool, query);
      const { rows } = await pool.query<{ n: number }>(
        `SELECT count(*) AS n ${SET_FROM} WHERE ${sql}`,
        params,
      );
      return rows[0]!.n;
    },
    /** The ids the filters match, newest first, at most `limit` (for a review of the whole filtered set). */
    async listResponseIds(query: ResponseSetQuery, limit: number): Promise<string[]> {
      const { sql, params } = await setWhere(pool, query);
      const { rows } = await pool.query<{ id: string }>(
        `SELECT r.id ${SET_FROM} WHERE ${sql} ORDER BY r.submitted_at DESC, r.seq DESC LIMIT $${params.length + 1}`,
        [...params, limit],
      );
      return rows.map((r) => r.id);
    },
    /** The next `limit` responses in (submitted_at, id) order: incremental pulls by submission time. */
    async pageResponses(query: ResponsePageQuery): Promise<ResponseLine[]> {
      const { rows } = await pool.query<LineRow>(
        `SELECT r.id, r.version, r.locale, r.region, r.briefing, r.started_at, r.submitted_at,
           ${DURATION_S} AS duration_s, v.status, r.answers
         FROM responses r LEFT JOIN response_reviews v ON v.response_id = r.id
         WHERE r.survey_id = $1 AND r.region = ANY($2::text[])
           AND ($3::text IS NULL OR r.submitted_at > $3
             OR (r.submitted_at = $3 AND $4::text IS NOT NULL AND r.id COLLATE "C" > $4))
           ${query.review === 'all' ? '' : "AND v.status IS DISTINCT FROM 'rejected'"}
         ORDER BY r.submitted_at, r.id COLLATE "C" LIMIT $5`,
        [query.surveyId, query.regions, query.since ?? null, query.after ?? null, query.limit],
      );
      return rows.map((r) => ({
        id: r.id,
        survey: query.surveyId,
        version: r.version,
        locale: r.locale,
        region: r.region,
        briefing: r.briefing,
        startedAt: r.started_at,
        submittedAt: r.submitted_at,
        durationS: r.duration_s,
        review: r.status,
        answers: JSON.parse(r.answers) as Record<string, unknown>,
      }));
    },
  };
}
