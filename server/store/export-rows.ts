// Raw rows for exports, read on a connection of their own: an open iterator on the writer's connection would make
// every insert throw "connection is busy" for as long as a download runs, and one read transaction gives a zip's
// 22 files the same snapshot of the data.
import type Database from 'better-sqlite3';
import type { ResponseFilter } from './types';
import { openReadOnly } from './db';
import { unpackRow } from './packed-row';
import { whereClause } from './where';

/**
 * One response as the export reads it: plain values in a fixed order (`.raw()` rows, no object per row).
 * `contacts` is the JSON of the personal-data answers, null unless asked for and given.
 */
export type ExportRow = [
  id: string,
  version: number,
  submittedAt: string,
  locale: string,
  region: string,
  briefing: string | null,
  answers: string,
  contacts: string | null,
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
].join(' || char(1) || ');

export interface ExportReadOptions {
  /** Join the personal data (response_contacts). Callers ask only for a role that may export it. */
  contacts: boolean;
}

export interface ExportReader {
  /** Runs the query when iterated; closing the iterator early (break, return()) frees the statement. */
  rows(filter: ResponseFilter, options: ExportReadOptions): Iterable<ExportRow>;
  /**
   * The same rows, in the same order, as their stored CSV lines (export-lines.ts) where the survey's lines were
   * rendered for `layout`; a row without one comes as an ExportRow (no contacts) for the caller to build.
   */
  lines(filter: ResponseFilter, layout: string): Iterable<Buffer | ExportRow>;
  count(filter: ResponseFilter): number;
  /**
   * The layout key of the survey's stored export lines (export-lines.ts), if any, and how many of its responses
   * in this snapshot have no line yet (the filler's backlog).
   */
  storedLines(surveyId: string): { layout: string; missing: number } | undefined;
  /** Ends any open iteration and closes the connection. Safe to call twice. */
  close(): void;
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
  const db = openReadOnly(file);
  openReaders += 1;
  // The snapshot starts at the first read and holds until close: every file of one export sees the same rows.
  db.exec('BEGIN');
  const open = new Set<Iterator<unknown>>();
  /** Runs `statement` when iterated. Closing the iterator early (break, return()) frees it; close() ends it. */
  function iterable<T>(
    statement: Database.Statement,
    params: Record<string, unknown>,
    map?: (value: unknown) => T,
  ): Iterable<T> {
    return {
      [Symbol.iterator]() {
        const inner = statement.iterate(params) as IterableIterator<unknown>;
        open.add(inner);
        const next = map
          ? () => {
              const result = inner.next();
              if (!result.done) result.value = map(result.value);
              return result as IteratorResult<T>;
            }
          : (inner.next.bind(inner) as () => IteratorResult<T>);
        // Wraps return(), so the set forgets an iterator that was closed early.
        return {
          next,
          return(value?: unknown) {
            open.delete(inner);
            return (inner.return?.(value) ?? { done: true, value: undefined }) as IteratorResult<T>;
          },
          [Symbol.iterator]() {
            return this;
          },
        };
      },
    };
  }

  return {
    rows(filter, { contacts }) {
      const { sql, params } = whereClause(filter);
      // The (survey, region, time) index yields rows in region, then time order for any filter, so no query
      // sorts: the first row comes at once and nothing is buffered. Ties on time keep insertion order (rowid).
      const text = contacts
        ? `SELECT r.id, r.version, r.submitted_at, r.locale, r.region, r.briefing, r.answers, c.answers
           FROM responses AS r INDEXED BY responses_by_survey_region_time
           LEFT JOIN response_contacts AS c ON c.response_id = r.id
           WHERE ${sql} ORDER BY r.region, r.submitted_at, r.rowid`
        : `SELECT id, version, submitted_at, locale, region, briefing, answers, NULL
           FROM responses INDEXED BY responses_by_survey_region_time
           WHERE ${sql} ORDER BY region, submitted_at, rowid`;
      return iterable<ExportRow>(db.prepare(text).raw(true), params);
    },
    lines(filter, layout) {
      const { sql, params } = whereClause(filter);
      // One value per row: the line, or (only when there is none) the packed row. Without a filter on other
      // columns, SQLite reads the index and export_lines only, never the response itself. The layout check is a
      // constant subquery, run once: lines of another layout are never joined.
      const text = `SELECT coalesce(l.line, ${PACKED_IN_SQL})
        FROM responses AS r INDEXED BY responses_by_survey_region_time
        LEFT JOIN export_lines AS l ON l.response_rowid = r.rowid
          AND @lineLayout = (SELECT layout FROM export_line_layouts WHERE survey_id = @surveyId)
        WHERE ${sql} ORDER BY r.region, r.submitted_at, r.rowid`;
      return iterable(db.prepare(text).pluck(true), { ...params, lineLayout: layout }, (value) =>
        typeof value === 'string' ? unpackRow(value) : (value as Buffer),
      );
    },
    count(filter) {
      const { sql, params } = whereClause(filter);
      return (db.prepare(`SELECT count(*) AS n FROM responses WHERE ${sql}`).get(params) as { n: number }).n;
    },
    storedLines(surveyId) {
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
    close() {
      if (!db.open) return;
      for (const it of open) it.return?.();
      open.clear();
      db.close();
      openReaders -= 1;
    },
  };
}
