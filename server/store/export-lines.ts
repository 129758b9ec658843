// Export lines: each response's CSV record in its survey's default export, rendered once, with the response (or by
// the background filler, server/export-line-filler.ts, after a new layout), so that the export most analysts
// download costs a read and a copy per row instead of a JSON parse and a flattening. A cache derived from
// `responses`: a response without its line is rendered by the export on the spot: slower, never wrong.
import type { Db } from './db';
import type {
  FillReport,
  InsertedResponse,
  LineRenderer,
  Projection,
  RenderedLine,
} from './interface/projection';
import type { ExportFields, ExportRow } from './packed-row';

/** Responses read and rendered per page; a page is a few milliseconds of work. */
const PAGE = 64;
/** Lines re-rendered at start-up to check that the rendering code still writes what is stored. */
const SAMPLE = 16;

type PageRow = [...Required<ExportFields>, rowid: number];
type LineRow = [responseId: string, line: Buffer, rowid: number];

export function createExportLines(db: Db, initialLayouts: readonly LineRenderer[]) {
  let layouts = initialLayouts;
  const readLayout = db
    .prepare('SELECT layout, filled_to FROM export_line_layouts WHERE survey_id = ?')
    .raw();
  const setLayout = db.prepare(
    'INSERT OR REPLACE INTO export_line_layouts (survey_id, layout, filled_to) VALUES (?, ?, 0)',
  );
  const advance = db.prepare('UPDATE export_line_layouts SET filled_to = ? WHERE survey_id = ?');
  const dropLines = db.prepare(
    'DELETE FROM export_lines WHERE response_rowid IN (SELECT rowid FROM responses WHERE survey_id = ?)',
  );
  // Through responses_by_survey: the survey's next rows in insertion order, whatever other surveys hold.
  const page = db
    .prepare(
      `SELECT id, version, submitted_at, locale, region, briefing, answers, NULL, started_at, duplicate_of, rowid
    FROM responses INDEXED BY responses_by_survey WHERE survey_id = ? AND rowid > ? ORDER BY rowid LIMIT ${PAGE}`,
    )
    .raw();
  const insertLineRow = db.prepare(
    `INSERT OR REPLACE INTO export_lines (response_rowid, response_id, line, response_version, response_duration_s, flags)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const insertLine = (rowid: number, id: string, version: number, line: RenderedLine) =>
    insertLineRow.run(rowid, id, Buffer.from(line.text), version, line.durationS, line.flags);
  const lineAtOrAfter = db
    .prepare(
      'SELECT response_id, line, response_rowid FROM export_lines WHERE response_rowid >= ? ORDER BY response_rowid LIMIT 1',
    )
    .raw();
  const responseAt = db
    .prepare(
      `SELECT id, version, submitted_at, locale, region, briefing, answers, NULL, started_at, duplicate_of, survey_id
       FROM responses WHERE rowid = ?`,
    )
    .raw();
  const maxLineRowid = db.prepare('SELECT max(response_rowid) FROM export_lines').pluck();
  const previousRowid = db
    .prepare(
      'SELECT max(rowid) FROM responses INDEXED BY responses_by_survey WHERE survey_id = ? AND rowid < ?',
    )
    .pluck();
  let byId = new Map(layouts.map((l) => [l.surveyId, l]));
  const storedLayout = (surveyId: string) =>
    readLayout.get(surveyId) as [layout: string, filledTo: number] | undefined;

  function reset(surveyId: string, key: string): void {
    db.transaction(() => {
      dropLines.run(surveyId);
      setLayout.run(surveyId, key);
    })();
  }

  /**
   * Re-renders a sample of stored lines. A line that no longer matches its response (the rendering code changed
   * without a new key) resets its survey; a line whose response is gone or has another id (rowids renumbered by
   * a VACUUM) resets every survey, since the whole table may be off.
   */
  function verifySample(): Set<string> {
    const reset = new Set<string>();
    const top = maxLineRowid.get() as number | null;
    if (top === null) return reset;
    const probes = [top, ...Array.from({ length: SAMPLE - 1 }, () => 1 + Math.floor(Math.random() * top))];
    for (const probe of probes) {
      const line = lineAtOrAfter.get(probe) as LineRow | undefined;
      if (!line) continue;
      const response = responseAt.get(line[2]) as [...Required<ExportFields>, surveyId: string] | undefined;
      if (!response || response[0] !== line[0]) return new Set(layouts.map((l) => l.surveyId));
      const layout = byId.get(response[10]);
      if (layout && layout.render(response.slice(0, 10) as ExportRow).text !== line[1].toString('utf8'))
        reset.add(layout.surveyId);
    }
    return reset;
  }

  /**
   * Brings each survey's stored lines in line with its layout; returns the surveys whose lines were dropped (a
   * survey seen for the first time has none to drop).
   */
  function sync(): string[] {
    const stale = verifySample();
    const dropped: string[] = [];
    for (const { surveyId, key } of layouts) {
      const stored = storedLayout(surveyId);
      if (stored === undefined) reset(surveyId, key);
      else if (stored[0] !== key || stale.has(surveyId)) {
        dropped.push(surveyId);
        reset(surveyId, key);
      }
    }
    return dropped;
  }

  const laterRow = db
    .prepare(
      'SELECT 1 FROM responses INDEXED BY responses_by_survey WHERE survey_id = ? AND rowid > ? LIMIT 1',
    )
    .pluck();
  /** Whether some response of the layout's survey lacks its line (read only: no write lock taken). */
  function hasBacklog(layout: LineRenderer): boolean {
    const stored = storedLayout(layout.surveyId);
    if (stored !== undefined && stored[0] !== layout.key) return false;
    return laterRow.get(layout.surveyId, stored?.[1] ?? 0) !== undefined;
  }

  /** One transaction of rendering: pages of rows until the budget is spent or no row lacks its line. */
  const fillTransaction = db.transaction((budgetMs: number): FillReport => {
    const started = performance.now();
    let filled = 0;
    for (const layout of layouts) {
      const stored = storedLayout(layout.surveyId);
      // Another server sharing the database moved to a newer layout (a version published there): not ours to fill.
      if (stored !== undefined && stored[0] !== layout.key) continue;
      let after = stored?.[1] ?? 0;
      for (;;) {
        const rows = page.all(layout.surveyId, after) as PageRow[];
        if (rows.length === 0) break;
        for (const row of rows)
          insertLine(row[10], row[0], row[1], layout.render(row.slice(0, 10) as ExportRow));
        after = rows[rows.length - 1]![10];
        advance.run(after, layout.surveyId);
        filled += rows.length;
        // Checked after a page, so that every call makes progress however slow the machine.
        if (performance.now() - started >= budgetMs) return { filled, pending: true };
      }
    }
    return { filled, pending: false };
  });

  /**
   * Renders lines for responses stored since the last call, in insertion order, for about `budgetMs`, in one
   * transaction. Synchronous: the event loop, and so every request, waits for it; keep budgets small.
   */
  function fill(budgetMs: number): FillReport {
    // The usual case, looked at once a second: nothing to render. Then no transaction, which (IMMEDIATE) would wait
    // for the writer thread's batch with the event loop held.
    if (!layouts.some(hasBacklog)) return { filled: 0, pending: false };
    // Lines are derived data: losing the last ones to a power cut costs a re-render (filled_to is in the same
    // transaction), so their commits skip the fsync that FULL would add on the thread that also serves requests.
    // The next response's FULL commit syncs the whole WAL, these pages included.
    const durability = db.pragma('synchronous', { simple: true }) as number;
    db.pragma('synchronous = NORMAL');
    try {
      return fillTransaction(budgetMs);
    } finally {
      db.pragma(`synchronous = ${durability}`);
    }
  }

  /**
   * Called in the savepoint that inserts a response: when the survey's lines are complete up to the response
   * before it, its line is written now (it commits or rolls back with the response) and the filler has nothing
   * to do; otherwise (a backfill under way) the filler renders it in its turn.
   */
  function addLine({ response, rowid, duplicateOf }: InsertedResponse): void {
    const layout = byId.get(response.surveyId);
    if (!layout) return;
    const stored = storedLayout(response.surveyId);
    const filledTo = stored?.[1];
    if (
      filledTo === undefined ||
      stored![0] !== layout.key ||
      filledTo !== ((previousRowid.get(response.surveyId, rowid) as number | null) ?? 0)
    )
      return;
    insertLine(rowid, response.id, response.version, layout.renderNew(response, duplicateOf));
    advance.run(rowid, response.surveyId);
  }

  /** New layouts while serving (a version published): syncs as at start-up; returns the surveys reset. */
  function adopt(next: readonly LineRenderer[]): string[] {
    layouts = next;
    byId = new Map(layouts.map((l) => [l.surveyId, l]));
    return sync();
  }

  /**
   * New renderers without the sync: for the response writer thread, whose lines follow whatever layout the main
   * connection's sync left in export_line_layouts (addLine writes only under the stored layout's key).
   */
  function follow(next: readonly LineRenderer[]): void {
    layouts = next;
    byId = new Map(layouts.map((l) => [l.surveyId, l]));
  }

  const projection: Projection = { onInsert: addLine };
  return { sync, fill, adopt, follow, projection };
}
