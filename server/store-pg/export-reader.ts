// The export reader on PostgreSQL (as server/store/export-rows.ts): one pool connection held for the reader's life, in
// one read-only repeatable-read transaction, so every file of a zip sees the same snapshot. Rows come through
// server-side cursors (DECLARE … CURSOR, FETCH a batch at a time): the server keeps the result, this process holds one
// batch. Plain SQL cursors rather than pg-cursor's protocol-level portal, because pg's client queues every query
// behind an open pg-cursor: a count or a second file read while a file streams would wait for ever. SQL cursors are
// ordinary statements, so any number interleave on the one connection.
import type { ExportCodes, ExportReadOptions, StoredLineRow } from '../store/export-rows';
import type { ExportRow } from '../store/packed-row';
import type { ResponseFilter } from '../store/types';
import type { Pool, PoolClient } from './pool';
import { responseWhere } from './responses';

/** Rows per FETCH: ~1.7 MB of answers for a large instrument, a few milliseconds of work per batch. */
export const EXPORT_BATCH = 1000;

/** The asynchronous reader (the Store interface's, once it is asynchronous): batches of rows, promised values. */
export interface PgExportReader {
  rows(filter: ResponseFilter, options: ExportReadOptions): AsyncIterable<ExportRow[]>;
  lines(
    filter: ResponseFilter,
    layout: string,
    codes?: ExportCodes,
  ): AsyncIterable<(StoredLineRow | ExportRow)[]>;
  durationMedians(surveyId: string): Promise<Map<number, number>>;
  count(filter: ResponseFilter): Promise<number>;
  storedLines(surveyId: string): Promise<{ layout: string; missing: number } | undefined>;
  close(): Promise<void>;
}

/**
 * The codes value of a response (export-rows.ts ExportCodes): its pass-1 code ids, then 1/0 per coded question. On
 * the coding tables of migration 0007 (keyed by response_seq); question names travel as parameters.
 */
function codesColumn(codes: ExportCodes, params: unknown[]): string {
  const given = `coalesce((SELECT string_agg(c.code_id::text, ',' ORDER BY c.code_id) FROM answer_codes c
    WHERE c.response_seq = r.seq AND c.pass = 1), '')`;
  const coded = codes.questions.map((q) => {
    params.push(q);
    return `CASE WHEN EXISTS (SELECT 1 FROM coded_answers a WHERE a.survey_id = r.survey_id
      AND a.question = $${params.length} AND a.pass = 1 AND a.response_seq = r.seq) THEN '1' ELSE '0' END`;
  });
  return [given, "'|'", ...coded].join(' || ');
}

// The filter's WHERE is responses.ts's (unqualified columns, none of which the joined tables have): rejected
// responses (a test, junk) are left out unless asked for.
const ORDER = 'ORDER BY r.region, r.submitted_at, r.seq';

let openReaders = 0;
/** Readers opened and not yet closed in this process (tests, benchmarks). */
export const countOpenPgExportReaders = () => openReaders;

export async function openPgExportReader(pool: Pool, batch = EXPORT_BATCH): Promise<PgExportReader> {
  const client: PoolClient = await pool.connect();
  try {
    // A streamed read gains nothing from JIT, whose compilation (over a second on a busy machine for the stored
    // lines' plan at 100k) would all come before the first batch. A random page costs little more than a sequential
    // one here (the default 4 assumes spinning disks): without that the planner read a whole survey's rows and
    // sorted them (150 MB spilled to disk at 100k, 0.7 s before the first row) rather than walk the index that holds
    // the export's order (responses_in_export_order): 1.6 s against 0.5 s for the stored lines' query.
    await client.query(
      'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY; SET LOCAL jit = off; SET LOCAL random_page_cost = 1.1',
    );
  } catch (error) {
    client.release(true);
    throw error;
  }
  openReaders += 1;
  let closed = false;
  let cursors = 0;

  /**
   * A cursor over `sql`, fetched a batch at a time when iterated; break or return() closes it. The next FETCH is
   * sent before a batch is handed out, so the server reads the next rows while this process writes the last ones
   * (on two cores the two had taken turns: ~0.8 s of the server's and ~1 s of this process's time a 100k CSV). One
   * batch ahead at most, so the memory stays one batch more; a query asked meanwhile (a count) queues behind it.
   */
  function iterate<R, T>(sql: string, params: unknown[], map: (rows: R[]) => T[]): AsyncIterable<T[]> {
    const fetch = (name: string) =>
      client
        .query<R[]>({ text: `FETCH ${batch} FROM ${name}`, rowMode: 'array' })
        .then(({ rows }) => rows as unknown as R[]);
    return {
      async *[Symbol.asyncIterator]() {
        if (closed) throw new Error('the export reader is closed');
        const name = `export_${++cursors}`;
        await client.query(`DECLARE ${name} NO SCROLL CURSOR FOR ${sql}`, params);
        let next: Promise<R[]> | undefined = fetch(name);
        try {
          while (next && !closed) {
            const rows: R[] = await next;
            next = rows.length === batch ? fetch(name) : undefined;
            if (rows.length > 0) yield map(rows);
          }
        } finally {
          // Also when the caller stops early (a download cut off): the server drops what was left of the result.
          // A FETCH still on its way is let finish first (its rows are dropped).
          await next?.catch(() => {});
          if (!closed) await client.query(`CLOSE ${name}`).catch(() => {});
        }
      },
    };
  }

  return {
    rows(filter, { contacts, codes }) {
      const { sql, params } = responseWhere(filter);
      const coded = codes ? `, ${codesColumn(codes, params)}` : '';
      const text = contacts
        ? `SELECT r.id, r.version, r.submitted_at, r.locale, r.region, r.briefing, r.answers, c.answers,
             r.started_at, r.duplicate_of${coded}
           FROM responses r LEFT JOIN response_contacts c ON c.response_id = r.id WHERE ${sql} ${ORDER}`
        : `SELECT r.id, r.version, r.submitted_at, r.locale, r.region, r.briefing, r.answers, NULL, r.started_at,
             r.duplicate_of${coded} FROM responses r WHERE ${sql} ${ORDER}`;
      return iterate<ExportRow, ExportRow>(text, params, (rows) => rows);
    },
    lines(filter, layout, codes) {
      const { sql, params } = responseWhere(filter);
      params.push(layout);
      const layoutAt = params.length;
      const coded = codes ? `, ${codesColumn(codes, params)}` : '';
      // The line where one of the survey's current layout is stored, else the row's fields for the caller to build;
      // a line of another layout, or of an older generation of this one, is never joined.
      // LATERAL … LIMIT 1: each row's line is one index lookup as the rows come, never a hash of every line built
      // before the first row (the plan a plain join got: ~0.9 s before the first batch at 100k).
      const text = `SELECT l.line, l.response_version, l.response_duration_s, l.flags,
          CASE WHEN l.line IS NULL THEN json_build_array(r.id, r.version, r.submitted_at, r.locale, r.region,
            r.briefing, r.answers, NULL, r.started_at, r.duplicate_of) END${coded}
        FROM responses r LEFT JOIN LATERAL (
          SELECT x.line, x.response_version, x.response_duration_s, x.flags FROM export_lines x
          WHERE x.response_seq = r.seq AND x.generation =
            (SELECT generation FROM export_line_layouts WHERE survey_id = $1 AND layout = $${layoutAt})
          LIMIT 1) l ON true
        WHERE ${sql} ${ORDER}`;
      type Row = [Buffer | null, number | null, number | null, number | null, ExportRow | null, string?];
      return iterate<Row, StoredLineRow | ExportRow>(text, params, (rows) =>
        rows.map(([line, version, durationS, flags, fields, codesValue]) => {
          if (line !== null) {
            const stored: StoredLineRow = [line, version!, durationS, flags!];
            if (codes) stored[4] = codesValue;
            return stored;
          }
          const row = fields!;
          if (codes) row[10] = codesValue;
          return row;
        }),
      );
    },
    async durationMedians(surveyId) {
      // From the stored durations and their index (migration 0010), not from the text times of every response.
      const { rows } = await client.query<{ version: number; median: number }>(
        `SELECT version, percentile_cont(0.5) WITHIN GROUP (ORDER BY duration_s) AS median FROM responses
         WHERE survey_id = $1 AND duration_s IS NOT NULL GROUP BY version`,
        [surveyId],
      );
      return new Map(rows.map((r) => [r.version, r.median]));
    },
    async count(filter) {
      const { sql, params } = responseWhere(filter);
      const { rows } = await client.query<{ n: number }>(
        `SELECT count(*) AS n FROM responses r WHERE ${sql}`,
        params,
      );
      return rows[0]!.n;
    },
    async storedLines(surveyId) {
      const { rows } = await client.query<{ layout: string; missing: number }>(
        `SELECT s.layout, (SELECT count(*) FROM responses r WHERE r.survey_id = s.survey_id AND r.seq > s.filled_to
           AND NOT EXISTS (SELECT 1 FROM export_lines l WHERE l.response_seq = r.seq AND l.generation = s.generation))
           AS missing
         FROM export_line_layouts s WHERE s.survey_id = $1`,
        [surveyId],
      );
      return rows[0];
    },
    async close() {
      if (closed) return;
      closed = true;
      openReaders -= 1;
      // COMMIT closes every cursor still open; a connection that fails it is not put back in the pool.
      try {
        await client.query('COMMIT');
        client.release();
      } catch {
        client.release(true);
      }
    },
  };
}
