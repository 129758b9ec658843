// The default export's layout of each survey (all versions, codes, one 0/1 column per choice, no personal data):
// the export most analysts download. The store keeps every response's line in it (server/store/export-lines.ts),
// rendered by the same row code as any export, so a download in this layout reads and copies lines instead of
// parsing and flattening each response again.
import { createHash } from 'node:crypto';
import type { ExportLineLayout } from '../server/store';
import { planColumns, type ExportPlan } from './columns';
import type { ExportRow } from '../server/store';
import { csvCell, csvLine } from './csv';
import type { VersionInput } from './questions';
import { compileParsedRows, compileRows, type LabelMode } from './rows';

/** Bump when rows.ts or csv.ts change what they write, so stored lines are rendered again at the next start. */
const LINE_FORMAT = 1;

const DEFAULT_OPTIONS = { choices: 'columns', pii: false } as const;

/** Everything a line depends on: the plan (questions, choices, versions, not-asked lists) and the format. */
function layoutKey(plan: ExportPlan): string {
  const { surveyId, versions, options, questions } = plan;
  const identity = {
    format: LINE_FORMAT,
    surveyId,
    versions,
    options,
    questions,
    notAsked: [...plan.notAsked],
  };
  return createHash('sha256').update(JSON.stringify(identity)).digest('hex');
}

/** One line of a plan's CSV, line end included: what csvStream writes for the row. */
function lineRenderer(plan: ExportPlan): (row: ExportRow) => string {
  const build = compileRows(plan, { labels: 'values', encode: csvCell });
  return (row) => csvLine(build(row));
}

export function exportLineLayoutsOf(
  surveys: readonly { versions: readonly VersionInput[] }[],
): ExportLineLayout[] {
  return surveys
    .filter((s) => s.versions.length > 0)
    .map((s) => {
      const plan = planColumns(s.versions, DEFAULT_OPTIONS);
      const fromParsed = compileParsedRows(plan, { labels: 'values', encode: csvCell });
      return {
        surveyId: plan.surveyId,
        key: layoutKey(plan),
        render: lineRenderer(plan),
        // The insert path's answers are objects still: the same cells without parsing the JSON just written.
        renderNew: (response) => csvLine(fromParsed(response)),
      };
    });
}

/**
 * The layout key under which an export's rows can be taken from stored lines, or undefined when the export is
 * laid out otherwise (labels, joined choices, personal data, fewer versions whose columns differ).
 */
export function storedLineLayout(plan: ExportPlan, labels: LabelMode): string | undefined {
  if (labels !== 'values' || plan.options.pii || plan.options.choices !== DEFAULT_OPTIONS.choices)
    return undefined;
  return layoutKey(plan);
}
