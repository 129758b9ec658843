// The default export's layout of each survey (all versions, codes, one 0/1 column per choice, no personal data):
// the export most analysts download. The store keeps every response's line in it (server/store/export-lines.ts),
// rendered by the same row code as any export, so a download in this layout reads and copies lines instead of
// parsing and flattening each response again.
import { createHash } from 'node:crypto';
import type { LineRenderer, RenderedLine } from '../server/store';
import { planColumns, type ExportPlan } from './columns';
import { csvCell } from './csv';
import { FLAG_DUPLICATE, FLAG_STRAIGHTLINING } from './quality-columns';
import type { VersionInput } from './questions';
import { compileParsedRows, compileRows, type LabelMode } from './rows';

/** Bump when rows.ts or csv.ts change what they write, so stored lines are rendered again at the next start. */
const LINE_FORMAT = 2;

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

/**
 * One line of a plan's CSV as stored: every cell but the last, `flag_fast`, which depends on the version's median
 * at the time of the export and is added by csvStream (FAST_TAIL), line end included. Beside it, the flags that do
 * not depend on the export and the duration, so that the export can judge the row without reading the line.
 */
function storedLine(plan: ExportPlan): (cells: string[]) => RenderedLine {
  const at = (name: string) => plan.columns.findIndex((c) => c.name === name && c.kind === 'quality');
  const [duration, straight, duplicate] = [at('duration_s'), at('flag_straightlining'), at('flag_duplicate')];
  return (cells) => {
    const seconds = cells[duration] === '' ? null : Number(cells[duration]);
    const flags =
      (cells[straight] === '1' ? FLAG_STRAIGHTLINING : 0) | (cells[duplicate] === '1' ? FLAG_DUPLICATE : 0);
    return { text: cells.slice(0, -1).join(','), flags, durationS: seconds };
  };
}

export function lineRenderersOf(surveys: readonly { versions: readonly VersionInput[] }[]): LineRenderer[] {
  return surveys
    .filter((s) => s.versions.length > 0)
    .map((s) => {
      const plan = planColumns(s.versions, DEFAULT_OPTIONS);
      const fromParsed = compileParsedRows(plan, { labels: 'values', encode: csvCell });
      const fromStored = compileRows(plan, { labels: 'values', encode: csvCell });
      const stored = storedLine(plan);
      return {
        surveyId: plan.surveyId,
        key: layoutKey(plan),
        render: (row) => stored(fromStored(row)),
        // The insert path's answers are objects still: the same cells without parsing the JSON just written.
        renderNew: (response, duplicateOf) => stored(fromParsed({ ...response, duplicateOf })),
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
