// Stored CSV lines on PostgreSQL (as server/store/export-lines.ts): each response's line in its survey's default
// export, written in the insert's transaction through the LineRenderers the store was given, or later by the filler
// for responses without one (a new layout, a copied database). A cache derived from `responses`: an export renders
// a missing line on the spot, slower, never wrong. Every line carries its layout's generation (migration 0004), so
// a line rendered by a server that had not yet seen a new layout is never exported as one of the new.
import type { FillReport, LineRenderer, RenderedLine } from '../store/interface/projection';
import type { ExportRow } from '../store/packed-row';
import type { CountedResponse } from './answer-counts';
import type { Statement } from './batch-statement';
import { inTransaction, type Pool, type PoolClient } from './pool';

/** Responses rendered per page; a page is a few milliseconds of work. */
const PAGE = 64;

interface StoredLayout {
  survey_id: string;
  layout: string;
  generation: number;
  filled_to: number;
}

interface Line {
  seq: number;
  generation: number;
  version: number;
  line: RenderedLine;
}

/** The export's fields of a response row, in ExportRow's order (no contacts). */
export const EXPORT_FIELDS = 'r.id, r.version, r.submitted_at, r.locale, r.region, r.briefing, r.answers';
export const EXPORT_TAIL = 'r.started_at, r.duplicate_of';

type PageRow = { seq: number; row: ExportRow };

async function writeLines(client: PoolClient, lines: readonly Line[]): Promise<void> {
  if (lines.length === 0) return;
  await client.query(
    `INSERT INTO export_lines (response_seq, generation, line, response_version, response_duration_s, flags)
     SELECT * FROM unnest($1::bigint[], $2::int[], $3::bytea[], $4::int[], $5::int[], $6::int[])
     ON CONFLICT (response_seq) DO UPDATE SET generation = EXCLUDED.generation, line = EXCLUDED.line,
       response_version = EXCLUDED.response_version, response_duration_s = EXCLUDED.response_duration_s,
       flags = EXCLUDED.flags`,
    [
      lines.map((l) => l.seq),
      lines.map((l) => l.generation),
      lines.map((l) => Buffer.from(l.line.text)),
      lines.map((l) => l.version),
      lines.map((l) => l.line.durationS),
      lines.map((l) => l.line.flags),
    ],
  );
}

export function createPgExportLines(pool: Pool, initial: readonly LineRenderer[]) {
  let renderers = initial;
  let byId = new Map(renderers.map((r) => [r.surveyId, r]));

  const storedLayouts = async (client: Pool | PoolClient, surveyIds: readonly string[]) => {
    const { rows } = await client.query<StoredLayout>(
      'SELECT survey_id, layout, generation, filled_to FROM export_line_layouts WHERE survey_id = ANY($1::text[])',
      [surveyIds],
    );
    return new Map(rows.map((r) => [r.survey_id, r]));
  };

  /**
   * In the batch's transaction: the lines of the new responses whose survey's stored layout is this store's, the
   * layout row joined in the INSERT itself (a read, never a write: servers inserting at once do not wait for each
   * other here; no round trip of its own: it goes with the batch's other writes, batch-statement.ts).
   */
  function lineStatement(created: readonly CountedResponse[]): Statement | undefined {
    const mine = created.filter((c) => byId.has(c.response.surveyId));
    if (mine.length === 0) return undefined;
    const lines = mine.map(({ response, seq, duplicateOf }) => {
      const renderer = byId.get(response.surveyId)!;
      return {
        seq,
        surveyId: response.surveyId,
        key: renderer.key,
        version: response.version,
        line: renderer.renderNew(response, duplicateOf),
      };
    });
    return {
      sql: `INSERT INTO export_lines (response_seq, generation, line, response_version, response_duration_s, flags)
     SELECT t.seq, l.generation, t.line, t.version, t.duration_s, t.flags
     FROM unnest($1::bigint[], $2::text[], $3::text[], $4::bytea[], $5::int[], $6::int[], $7::int[])
       AS t(seq, survey_id, layout, line, version, duration_s, flags)
     JOIN export_line_layouts l ON l.survey_id = t.survey_id AND l.layout = t.layout
     ON CONFLICT (response_seq) DO UPDATE SET generation = EXCLUDED.generation, line = EXCLUDED.line,
       response_version = EXCLUDED.response_version, response_duration_s = EXCLUDED.response_duration_s,
       flags = EXCLUDED.flags`,
      params: [
        lines.map((l) => l.seq),
        lines.map((l) => l.surveyId),
        lines.map((l) => l.key),
        lines.map((l) => Buffer.from(l.line.text)),
        lines.map((l) => l.version),
        lines.map((l) => l.line.durationS),
        lines.map((l) => l.line.flags),
      ],
    };
  }

  /** A new layout for a survey: its lines go, the generation moves on, the filler starts from the first response. */
  async function reset(surveyId: string, key: string): Promise<void> {
    await inTransaction(pool, async (client) => {
      await client.query(
        `INSERT INTO export_line_layouts (survey_id, layout, generation, filled_to) VALUES ($1, $2, 1, 0)
         ON CONFLICT (survey_id) DO UPDATE SET layout = EXCLUDED.layout,
           generation = export_line_layouts.generation + 1, filled_to = 0`,
        [surveyId, key],
      );
      await client.query(
        'DELETE FROM export_lines WHERE response_seq IN (SELECT seq FROM responses WHERE survey_id = $1)',
        [surveyId],
      );
    });
  }

  /** Brings each survey's stored layout in line with its renderer; returns the surveys whose lines were dropped. */
  async function sync(): Promise<string[]> {
    const stored = await storedLayouts(
      pool,
      renderers.map((r) => r.surveyId),
    );
    const dropped: string[] = [];
    for (const { surveyId, key } of renderers) {
      const layout = stored.get(surveyId);
      if (layout?.layout === key) continue;
      if (layout !== undefined) dropped.push(surveyId);
      await reset(surveyId, key);
    }
    return dropped;
  }

  /**
   * The survey's next responses without a line of this generation, after `after`, in insertion order. The lines'
   * side of the anti-join is bounded by `after` too: without it the planner merged against every line from the first
   * (an index scan of all lines so far per page: 0.4 s a page at 270,000 lines, a million-response copy's lines
   * would have taken hours).
   */
  async function lacking(client: PoolClient, layout: StoredLayout, after: number): Promise<PageRow[]> {
    const { rows } = await client.query<{ seq: number; row: ExportRow }>(
      `SELECT r.seq, json_build_array(${EXPORT_FIELDS}, NULL, ${EXPORT_TAIL}) AS row FROM responses r
       WHERE r.survey_id = $1 AND r.seq > $2 AND NOT EXISTS (
         SELECT 1 FROM export_lines l WHERE l.response_seq = r.seq AND l.response_seq > $2 AND l.generation = $3)
       ORDER BY r.seq LIMIT ${PAGE}`,
      [layout.survey_id, after, layout.generation],
    );
    return rows;
  }

  /**
   * Renders lines of responses that lack them, for about `budgetMs`, in one transaction. Lines are derived data:
   * their commit does not wait for the WAL flush (the next response's commit flushes it).
   */
  function fill(budgetMs: number): Promise<FillReport> {
    return inTransaction(pool, async (client) => {
      await client.query('SET LOCAL synchronous_commit = off');
      const started = performance.now();
      let filled = 0;
      const stored = await storedLayouts(
        client,
        renderers.map((r) => r.surveyId),
      );
      for (const renderer of renderers) {
        const layout = stored.get(renderer.surveyId);
        // Another server moved the survey to a newer layout (a version published there): not ours to fill.
        if (layout?.layout !== renderer.key) continue;
        let after = layout.filled_to;
        for (;;) {
          const rows = await lacking(client, layout, after);
          if (rows.length === 0) {
            // Everything after `after` has its line: the mark moves to the newest response. One still being
            // written (a lower number, not yet committed) writes its own line in its transaction.
            await client.query(
              `UPDATE export_line_layouts SET filled_to = greatest(filled_to,
                 (SELECT coalesce(max(seq), 0) FROM responses WHERE survey_id = $1))
               WHERE survey_id = $1 AND generation = $2`,
              [layout.survey_id, layout.generation],
            );
            break;
          }
          await writeLines(
            client,
            rows.map(({ seq, row }) => ({
              seq,
              generation: layout.generation,
              version: row[1],
              line: renderer.render(row),
            })),
          );
          after = rows[rows.length - 1]!.seq;
          await client.query(
            'UPDATE export_line_layouts SET filled_to = greatest(filled_to, $3) WHERE survey_id = $1 AND generation = $2',
            [layout.survey_id, layout.generation, after],
          );
          filled += rows.length;
          // Checked after a page, so that every call makes progress however slow the machine.
          if (performance.now() - started >= budgetMs) return { filled, pending: true };
        }
      }
      return { filled, pending: false };
    });
  }

  /** New renderers while serving (a version published): syncs as at start-up; returns the surveys reset. */
  function adopt(next: readonly LineRenderer[]): Promise<string[]> {
    renderers = next;
    byId = new Map(renderers.map((r) => [r.surveyId, r]));
    return sync();
  }

  return { lineStatement, sync, fill, adopt };
}
