// Single responses for the workspace's responses table: one page at a time, newest first, within the reader's
// regions, with what a reviewer decides on (review status, quality flags, duration, whether contacts are kept).
import type { Db } from './db';
import { createFastThresholds } from './fast-thresholds';
import { notRejected } from './review-set';
import type { ReviewStatus } from './reviews';

export interface ResponseListQuery {
  surveyId: string;
  /** The reader's regions within the filter (never empty: the route answers 403 first). */
  regions: readonly string[];
  /** `unreviewed`: no status yet; undefined: every response, rejected ones included. */
  review?: ReviewStatus | 'unreviewed';
  /** Only this briefing's responses. */
  briefing?: string;
  /** Inclusive lower and exclusive upper bounds on submitted_at (ISO 8601). */
  from?: string;
  to?: string;
  /**
   * Quality flags: one of them, `any` of them, or `none`. `fast` is a duration under `fastFraction` of the median
   * of the response's version (as the export's flag_fast); straight-lining as the stored CSV line's bit says.
   */
  flag?: ResponseFlagFilter;
  fastFraction?: number;
  offset: number;
  limit: number;
}

export const RESPONSE_FLAG_FILTERS = ['any', 'none', 'fast', 'straightlining', 'duplicate'] as const;
export type ResponseFlagFilter = (typeof RESPONSE_FLAG_FILTERS)[number];

/** The table's filters without its paging: what a count or a set of ids is taken over. */
export type ResponseSetQuery = Omit<ResponseListQuery, 'offset' | 'limit'>;

/** responses.jsonl: the next responses after a point in (submitted_at, id) order, within regions. */
export interface ResponsePageQuery {
  surveyId: string;
  regions: readonly string[];
  /** Responses received after this instant (ISO 8601), or from the first when absent. */
  since?: string;
  /** With `since`: also those received at exactly `since` with a greater id (the last line of the previous page). */
  after?: string;
  limit: number;
  /** `all`: rejected responses too. */
  review?: 'all';
}

/** One line of responses.jsonl: the response as stored (never its contact details) and its review status. */
export interface ResponseLine {
  id: string;
  survey: string;
  version: number;
  locale: string;
  region: string;
  briefing: string | null;
  startedAt: string | null;
  submittedAt: string;
  durationS: number | null;
  review: ReviewStatus | null;
  answers: Record<string, unknown>;
}

type LineRow = [
  id: string,
  version: number,
  locale: string,
  region: string,
  briefing: string | null,
  startedAt: string | null,
  submittedAt: string,
  durationS: number | null,
  review: ReviewStatus | null,
  answers: string,
];

export interface ResponseListItem {
  id: string;
  version: number;
  locale: string;
  region: string;
  briefing: string | null;
  submittedAt: string;
  durationS: number | null;
  /** The stored CSV line's flags bits (1 straight-lining, 2 duplicate); null while the line is not rendered yet. */
  flags: number | null;
  duplicateOf: string | null;
  review: ReviewStatus | null;
  note: string | null;
  hasContacts: boolean;
  contactsErased: boolean;
}

type ListRow = [
  id: string,
  version: number,
  locale: string,
  region: string,
  briefing: string | null,
  submittedAt: string,
  durationS: number | null,
  flags: number | null,
  duplicateOf: string | null,
  review: ReviewStatus | null,
  note: string | null,
  hasContacts: 0 | 1,
  erased: 0 | 1,
];

const REVIEW_WHERE: Record<ReviewStatus | 'unreviewed' | 'any', string> = {
  any: '',
  unreviewed: 'AND v.status IS NULL',
  approved: "AND v.status = 'approved'",
  on_hold: "AND v.status = 'on_hold'",
  rejected: "AND v.status = 'rejected'",
};

const FAST = `coalesce(r.duration_s < (SELECT f.value ->> 1 FROM json_each(@fastBelow) f
  WHERE f.value ->> 0 = r.version), 0)`;
const STRAIGHTLINING = 'coalesce(l.flags, 0) & 1 <> 0';
const DUPLICATE = 'r.duplicate_of IS NOT NULL';
const FLAG_WHERE: Record<ResponseFlagFilter | 'all', string> = {
  all: '',
  any: `AND (${FAST} OR ${STRAIGHTLINING} OR ${DUPLICATE})`,
  none: `AND NOT (${FAST} OR ${STRAIGHTLINING} OR ${DUPLICATE})`,
  fast: `AND ${FAST}`,
  straightlining: `AND ${STRAIGHTLINING}`,
  duplicate: `AND ${DUPLICATE}`,
};

/** The statement's fixed fragments, from the allow-lists above; the values travel as parameters. */
function whereOf(q: ResponseSetQuery): string {
  return [
    'r.survey_id = @surveyId AND r.region IN (SELECT value FROM json_each(@regions))',
    REVIEW_WHERE[q.review ?? 'any'],
    q.briefing !== undefined ? 'AND r.briefing = @briefing' : '',
    q.from !== undefined ? 'AND r.submitted_at >= @from' : '',
    q.to !== undefined ? 'AND r.submitted_at < @to' : '',
    FLAG_WHERE[q.flag ?? 'all'],
  ].join(' ');
}

const FROM = `FROM responses r INDEXED BY responses_by_survey_time
  LEFT JOIN response_reviews v ON v.response_id = r.id
  LEFT JOIN export_lines l ON l.response_rowid = r.rowid`;

/** The most ids one request hands out for "all matching the filter" (the review of a set sends them 500 at a time). */
export const MAX_RESPONSE_IDS = 10_000;

export function createResponseList(db: Db) {
  const fastBelow = createFastThresholds(db);
  // One statement per shape of query (fixed fragments), prepared when first used.
  const statements = new Map<string, ReturnType<Db['prepare']>>();
  const statement = (sql: string) => {
    let s = statements.get(sql);
    if (!s) statements.set(sql, (s = db.prepare(sql).raw()));
    return s;
  };
  const paramsOf = (q: ResponseSetQuery) => ({
    surveyId: q.surveyId,
    regions: JSON.stringify(q.regions),
    ...(q.briefing !== undefined && { briefing: q.briefing }),
    ...(q.from !== undefined && { from: q.from }),
    ...(q.to !== undefined && { to: q.to }),
    ...(q.flag !== undefined &&
      q.flag !== 'straightlining' &&
      q.flag !== 'duplicate' && {
        fastBelow: JSON.stringify(fastBelow(q.surveyId, q.fastFraction ?? 0)),
      }),
  });

  const pageSql = (
    review: 'default' | 'all',
  ) => `SELECT r.id, r.version, r.locale, r.region, r.briefing, r.started_at,
      r.submitted_at, r.duration_s, v.status, r.answers
    FROM responses r INDEXED BY responses_by_survey_time LEFT JOIN response_reviews v ON v.response_id = r.id
    WHERE r.survey_id = @surveyId AND r.region IN (SELECT value FROM json_each(@regions))
      AND (@since IS NULL OR r.submitted_at > @since OR (r.submitted_at = @since AND r.id > @after))
      ${review === 'all' ? '' : `AND ${notRejected('r.rowid')}`}
    ORDER BY r.submitted_at, r.id LIMIT @limit`;
  const pages = { default: db.prepare(pageSql('default')).raw(), all: db.prepare(pageSql('all')).raw() };

  return {
    /** The next `limit` responses in (submitted_at, id) order: incremental pulls by submission time. */
    pageResponses(query: ResponsePageQuery): ResponseLine[] {
      const rows = pages[query.review ?? 'default'].all({
        surveyId: query.surveyId,
        regions: JSON.stringify(query.regions),
        since: query.since ?? null,
        // Without `after`, `since` itself is excluded: '~' sorts after every uuid.
        after: query.after ?? '~',
        limit: query.limit,
      }) as LineRow[];
      return rows.map((r) => ({
        id: r[0],
        survey: query.surveyId,
        version: r[1],
        locale: r[2],
        region: r[3],
        briefing: r[4],
        startedAt: r[5],
        submittedAt: r[6],
        durationS: r[7],
        review: r[8],
        answers: JSON.parse(r[9]) as Record<string, unknown>,
      }));
    },
    /** One page of the table and whether more follow. */
    listResponses(query: ResponseListQuery): { items: ResponseListItem[]; hasMore: boolean } {
      const sql = `SELECT r.id, r.version, r.locale, r.region, r.briefing, r.submitted_at, r.duration_s, l.flags,
          r.duplicate_of, v.status, v.note,
          EXISTS (SELECT 1 FROM response_contacts c WHERE c.response_id = r.id),
          EXISTS (SELECT 1 FROM contact_erasures e WHERE e.response_id = r.id)
        ${FROM} WHERE ${whereOf(query)}
        ORDER BY r.submitted_at DESC, r.rowid DESC LIMIT @limit OFFSET @offset`;
      const rows = statement(sql).all({
        ...paramsOf(query),
        limit: query.limit + 1,
        offset: query.offset,
      }) as ListRow[];
      const items = rows.slice(0, query.limit).map((r): ResponseListItem => ({
        id: r[0],
        version: r[1],
        locale: r[2],
        region: r[3],
        briefing: r[4],
        submittedAt: r[5],
        durationS: r[6],
        flags: r[7],
        duplicateOf: r[8],
        review: r[9],
        note: r[10],
        hasContacts: r[11] === 1,
        contactsErased: r[12] === 1,
      }));
      return { items, hasMore: rows.length > query.limit };
    },
    /** How many responses the table's filters match. */
    countResponses(query: ResponseSetQuery): number {
      const row = statement(`SELECT count(*) ${FROM} WHERE ${whereOf(query)}`).get(paramsOf(query));
      return (row as [number])[0];
    },
    /** The ids the filters match, newest first, at most `limit` (for a review of the whole filtered set). */
    listResponseIds(query: ResponseSetQuery, limit: number): string[] {
      const sql = `SELECT r.id ${FROM} WHERE ${whereOf(query)} ORDER BY r.submitted_at DESC, r.rowid DESC LIMIT @limit`;
      return (statement(sql).all({ ...paramsOf(query), limit }) as [string][]).map((r) => r[0]);
    },
  };
}
