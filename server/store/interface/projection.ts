// Projections: data the store derives from each response inside the same savepoint as the response's INSERT, so
// that it commits or rolls back with it. There are three: the answer counts (per key a vector and the responses'
// byte records), the text index (folded copies of free-text answers, keyed to the counts' rows) and the stored CSV
// lines. Their storage is the store's business (SQL only in the store); *what* they hold is decided outside it, by
// the formats (exports/projections.ts), and handed to the store once, when it opens, as ProjectionPlans: plain
// data (count plans) and one named rendering interface (LineRenderer). The store imports no format code.
import type { CountPlan, RecountReport } from '../count-types';
import type { ExportRow } from '../packed-row';
import type { NewResponse } from '../types';

/** How each survey's stored CSV line is rendered: exports/lines.ts builds one per survey from its columns. */
export interface LineRenderer {
  surveyId: string;
  /** Changes whenever the lines would: the columns, the not-asked lists, the rendering format. */
  key: string;
  /** The CSV record of one stored response (exports/lines.ts says where it ends), and what goes beside it. */
  render(row: ExportRow): RenderedLine;
  /** The same record from a response being stored (its answers still objects). */
  renderNew(response: NewResponse, duplicateOf: string | null): RenderedLine;
}

export interface RenderedLine {
  text: string;
  /** Flags bits that do not depend on the export (exports/quality-columns.ts). */
  flags: number;
  durationS: number | null;
}

/** What the store is fed with when it opens: everything its projections need to know from the formats. */
export interface ProjectionPlans {
  /** How each survey version's answers are counted and which texts are indexed (exports/aggregates/count-plan.ts). */
  countPlans?: readonly CountPlan[];
  /** Each survey's default CSV layout, whose lines are stored for fast exports (exports/lines.ts). */
  lineRenderers?: readonly LineRenderer[];
  /**
   * What these plans were built from, as plain data (the survey versions' definitions): renderers are functions
   * and cannot be posted to the response writer thread, which builds its own from this. The store passes it on
   * unread.
   */
  sources?: unknown;
}

/** What adopting new plans changed. */
export interface AdoptedPlans {
  /** Counts rebuilt because a version's count plan changed. */
  countsRebuilt: RecountReport[];
  /** Surveys whose stored CSV lines were dropped (a new layout), to be rendered again by the filler. */
  exportLinesReset: string[];
}

/** The store's side of the projections: the plans it is fed with, again whenever the catalog grows. */
export interface ProjectionStore {
  /**
   * Takes the catalog's plans (they grow when a version is published while serving): counts of versions whose plan
   * changed are rebuilt, lines of surveys whose renderer changed are dropped.
   */
  adoptPlans(plans: ProjectionPlans): Promise<AdoptedPlans>;
}

/** A response as the store has just written it, inside its insert's savepoint. */
export interface InsertedResponse {
  response: NewResponse;
  /** The response's row (projections refer to it, e.g. export_lines.response_rowid). */
  rowid: number;
  /** Its random record key (cell key method): the counts keep key sums. */
  recordKey: number;
  /** The earlier response of the same briefing with the same answers, if any (duplicates.ts). */
  duplicateOf: string | null;
}

/**
 * One projection as the store's write path sees it. `onInsert` runs in the response's savepoint after its INSERT
 * succeeded (an identical retry or a clash never gets here); throwing rolls the response back with it. `onBatch`
 * runs once per transaction, after every savepoint, with the responses that were stored: work shared by a batch
 * (one key row written once for all its responses) is done once; throwing there fails the whole batch.
 */
export interface Projection {
  onInsert?(inserted: InsertedResponse): void;
  onBatch?(inserted: readonly InsertedResponse[]): void;
}

/** What one call of the background line filler did (store/export-lines.ts). */
export interface FillReport {
  /** Lines rendered by this call. */
  filled: number;
  /** Responses still without a line: call again soon. */
  pending: boolean;
}
