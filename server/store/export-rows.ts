// Raw rows for exports, read on a connection of their own: an open iterator on the writer's connection would make
// every insert throw "connection is busy" for as long as a download runs, and one read transaction gives a zip's
// 22 files the same snapshot of the data.
import type Database from 'better-sqlite3';
import type { ResponseFilter } from './types';
import { openReadOnly } from './db';
import { unpackRow, type ExportRow } from './packed-row';
import { whereClause } from './where';

export type { ExportFields, ExportRow } from './packed-row';

/**
 * The coded questions whose codes an export reads. Each row then carries `<code ids by ",">|<mask>`: the
 * response's pass-1 code ids, then one character per question here, 1 when the response's answer to it was coded
 * (codes given, or none fits), 0 when not (not asked, not answered, or not coded yet).
 */
export interface ExportCodes {
  questions: readonly string[];
}

/** The SQL of the codes value for a response `alias`; question names travel as parameters. */
function codesColumn(alias: string, codes: ExportCodes): { sql: string; params: Record<string, string> } {
  const given = `coalesce((SELECT group_concat(c.code_id) FROM answer_codes c
    WHERE c.response_rowid = ${alias}.rowid AND c.pass = 1), '')`;
  const coded = codes.questions.map(
    (_, i) => `EXISTS (SELECT 1 FROM coded_answers a WHERE a.survey_id = ${alias}.survey_id
      AND a.question = @codedQuestion${i} AND a.pass = 1 AND a.response_rowid = ${alias}.rowid)`,
  );
  return {
    sql: [given, "'|'", ...coded].join(' || '),
    params: Object.fromEntries(codes.questions.map((q, i) => [`codedQuestion${i}`, q])),
  };
}

/**
 * A row whose stored CSV line was found: the line (ending before the export's own last cell, `flag_fast`), the
 * response's version and duration (for that cell), and the line's `flags` bits (export-lines.ts).
 */
export type StoredLineRow = [
  line: Buffer,
  version: number,
  durationS: number | null,
  flags: number,
  /** The response's codes when the export asked for them (ExportCodes), for its code cells. */
  codes?: string,
];

/** packRow (packed-row.ts) in SQL, for a response without contacts: computed only for the rows that need it. */
const PACKED_IN_SQL = [
  'r.id',
  'r.version',
  'r.submitted_at',
  'r.locale',
  'r.region',
  "coalesce(r.briefing, '')",
  'r.answers',
  "''",
  "coalesce(r.started_at, '')",
  "coalesce(r.duplicate_of, '')",
].join(' || char(1) || ');

export interface ExportReadOptions {
  /** Join the personal data (response_contacts). Callers ask only for a role that may export it. */
  contacts: boolean;
  /** Add each response's codes (the rows' eleventh value). */
  codes?: ExportCodes;
}

/** Rows per batch the reader hands out: an await per batch instead of per row, a few hundred KB at most. */
export const EXPORT_BATCH_ROWS = 256;

export interface ExportReader {
  /**
   * Runs the query when iterated, in batches of a few hundred rows; leaving the loop early (break, return())
   * frees the statement.
   */
  rows(filter: ResponseFilter, options: ExportReadOptions): AsyncIterable<ExportRow[]>;
  /**
   * The same rows, in the same order, as their stored CSV lines (export-lines.ts) where the survey's lines were
   * rendered for `layout`; a row without one comes as an ExportRow (no contacts) for the caller to build.
   */
  lines(
    filter: ResponseFilter,
    layout: string,
    codes?: ExportCodes,
  ): AsyncIterable<(StoredLineRow | ExportRow)[]>;
  /** Each version's median duration in seconds, over all the survey's responses that have one. */
  durationMedians(surveyId: string): Promise<Map<number, number>>;
  count(filter: ResponseFilter): Promise<number>;
  /**
   * The layout key of the survey's stored export lines (export-lines.ts), if any, and how many of its responses
   * in this snapshot have no line yet (the filler's backlog).
   */
  storedLines(surveyId: string): Promise<{ layout: string; missing: number } | undefined>;
  /** Ends any open iteration and closes the connection. Safe to call twice. */
  close(): Promise<void>;
}

let openReaders = 0;

/**
 * Readers opened and not yet closed, in this process: a diagnostic for tests and benchmarks. (Open file handles
 * cannot tell: SQLite keeps a closed connection's descriptor while another connection of the process holds a lock.)
 */
export function countOpenExportReaders(): number {
  return openReaders;
}

export function openExportReader(file: string): ExportReader {
  // Synchronous underneath (better-sqlite3): each member resolves at once; batches keep the awaits few.
  const db = openReadOnly(file);
  openReaders += 1;
  // The snapshot starts at the first read and holds until close: every file of one export sees the same rows.
  db.exec('BEGIN');
  const open = new Set<Iterator<unknown>>();
  /**
   * Runs `statement` when iterated and hands its rows out in batches, each read synchronously (better-sqlite3):
   * leaving the loop early (break, return()) frees the statement; close() ends it.
   */
  async function* batches<T>(
    statement: Database.Statement,
    params: Record<string, unknown>,
    map?: (value: unknown) => T,
  ): AsyncGenerator<T[]> {
    const inner = statement.iterate(params) as IterableIterator<unknown>;
    open.add(inner);
    try {
      for (;;) {
        const batch: T[] = [];
        while (batch.length < EXPORT_BATCH_ROWS) {
          // close() may have ended the statement while the consumer held the previous batch.
          if (!open.has(inner)) return;
          const next = inner.next();
          if (next.done) break;
          batch.push(map ? map(next.value) : (next.value as T));
        }
        if (batch.length === 0) return;
        yield batch;
        if (batch.length < EXPORT_BATCH_ROWS) return;
      }
    } finally {
      if (open.delete(inner)) inner.return?.();
    }
  }

  return {
    rows(filter, { contacts, codes }) {
      const { sql, params } = whereClause(filter, 'r.rowid');
      const coded = codes && codesColumn('r', codes);
      const extra = coded ? `, ${coded.sql}` : '';
      // The (survey, region, time) index yields rows in region, then time order for any filter, so no query
      // sorts: the first row comes at once and nothing is buffered. Ties on time keep insertion order (rowid).
      const text = contacts
        ? `SELECT r.id, r.version, r.submitted_at, r.locale, r.region, r.briefing, r.answers, c.answers,
             r.started_at, r.duplicate_of${extra}
           FROM responses AS r INDEXED BY responses_by_survey_region_time
           LEFT JOIN response_contacts AS c ON c.response_id = r.id
           WHERE ${sql} ORDER BY r.region, r.submitted_at, r.rowid`
        : `SELECT id, version, submitted_at, locale, region, briefing, answers, NULL, started_at, duplicate_of${extra}
           FROM responses AS r INDEXED BY responses_by_survey_region_time
           WHERE ${sql} ORDER BY region, submitted_at, rowid`;
      return batches<ExportRow>(db.prepare(text).raw(true), { ...params, ...coded?.params });
    },
    lines(filter, layout, codes) {
      const { sql, params } = whereClause(filter, 'r.rowid');
      const coded = codes && codesColumn('r', codes);
      // One value per row: the line, or (only when there is none) the packed row. Without a filter on other
      // columns, SQLite reads the index and export_lines only, never the response itself. The layout check is a
      // constant subquery, run once: lines of another layout are never joined. Codes change after a response is
      // stored, so they are never part of its line: they come beside it, read at export time.
      const text = `SELECT coalesce(l.line, ${PACKED_IN_SQL}), l.response_version, l.response_duration_s, l.flags
        ${coded ? `, ${coded.sql}` : ''}
        FROM responses AS r INDEXED BY responses_by_survey_region_time
        LEFT JOIN export_lines AS l ON l.response_rowid = r.rowid
          AND @lineLayout = (SELECT layout FROM export_line_layouts WHERE survey_id = @surveyId)
        WHERE ${sql} ORDER BY r.region, r.submitted_at, r.rowid`;
      const all = { ...params, ...coded?.params, lineLayout: layout };
      return batches(db.prepare(text).raw(true), all, (value): StoredLineRow | ExportRow => {
        const row = value as StoredLineRow | [string, null, null, null, string?];
        if (typeof row[0] !== 'string') return row as StoredLineRow;
        const built = unpackRow(row[0]);
        if (coded) built[10] = row[4];
        return built;
      });
    },
    async count(filter) {
      const { sql, params } = whereClause(filter);
      return (db.prepare(`SELECT count(*) AS n FROM responses WHERE ${sql}`).get(params) as { n: number }).n;
    },
    async durationMedians(surveyId) {
      const medians = new Map<number, number>();
      const versions = db
        .prepare(
          `SELECT version, count(*) FROM responses INDEXED BY responses_by_duration
           WHERE survey_id = ? AND duration_s IS NOT NULL GROUP BY version`,
        )
        .raw()
        .all(surveyId) as [number, number][];
      // The middle entry (or the mean of the two) of the version's durations in index order.
      const at = db
        .prepare(
          `SELECT duration_s FROM responses INDEXED BY responses_by_duration
           WHERE survey_id = ? AND version = ? AND duration_s IS NOT NULL ORDER BY duration_s LIMIT ? OFFSET ?`,
        )
        .pluck();
      for (const [version, n] of versions) {
        const middle = at.all(surveyId, version, 2 - (n % 2), Math.floor((n - 1) / 2)) as number[];
        medians.set(version, middle.reduce((a, b) => a + b, 0) / middle.length);
      }
      return medians;
    },
    async storedLines(surveyId) {
      const stored = db
        .prepare('SELECT layout, filled_to FROM export_line_layouts WHERE survey_id = ?')
        .raw()
        .get(surveyId) as [string, number] | undefined;
      if (!stored) return undefined;
      const missing = db
        .prepare(
          'SELECT count(*) FROM responses INDEXED BY responses_by_survey WHERE survey_id = ? AND rowid > ?',
        )
        .pluck()
        .get(surveyId, stored[1]) as number;
      return { layout: stored[0], missing };
    },
    async close() {
      if (!db.open) return;
      for (const it of open) it.return?.();
      open.clear();
      db.close();
      openReaders -= 1;
    },
  };
}
