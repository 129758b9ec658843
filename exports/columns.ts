// The export plan: which columns, in which order, under which names. Compiled once per export from the chosen
// versions; rows.ts fills it per response. Pure: no HTTP, no SQL.
import { columnName, FIXED_COLUMNS, NOT_ASKED_COLUMN, questionSegment, textColumnName } from './names';
import type { CodeColumn } from './code-columns';
import { QUALITY_COLUMNS, type QualityColumnName } from './quality-columns';
import { describeQuestions, type ChoiceInfo, type QuestionInfo, type VersionInput } from './questions';

export type ChoiceLayout = 'columns' | 'joined';

export interface PlanOptions {
  /** `columns`: one 0/1 column per checkbox choice and one rank column per ranking choice; `joined`: one cell. */
  choices: ChoiceLayout;
  /** Include `pii: true` questions (contact details). The caller decides who may ask. */
  pii: boolean;
}

interface Base {
  name: string;
}
/** One of the fixed leading columns. */
export interface FixedColumn extends Base {
  kind: 'fixed';
}
/** The question's own value: one choice, a number, a text, a boolean as 1/0, or a joined list of codes. */
export interface ValueColumn extends Base {
  kind: 'value';
  question: QuestionInfo;
}
/** `q/<choice>`: 1 when chosen, 0 when the question was answered without it, empty when unanswered. */
export interface ChoiceColumn extends Base {
  kind: 'choice';
  question: QuestionInfo;
  choice: ChoiceInfo;
}
/** `q/<choice>` of a ranking: the choice's rank, 1 = first; empty when not ranked. */
export interface RankColumn extends Base {
  kind: 'rank';
  question: QuestionInfo;
  choice: ChoiceInfo;
}
/** `q/<row>`: a matrix row's answer column, or a multipletext item's text. */
export interface RowColumn extends Base {
  kind: 'row';
  question: QuestionInfo;
  row: ChoiceInfo;
}
/** `q/<row>/<column>`: one cell of a matrixdropdown. */
export interface CellColumn extends Base {
  kind: 'cell';
  question: QuestionInfo;
  row: ChoiceInfo;
  cell: ChoiceInfo;
}
/** `q/other` (the text of the "other" choice) or `q/comment` (a comment area), from `<q>-Comment`. */
export interface TextColumn extends Base {
  kind: 'text';
  question: QuestionInfo;
  which: 'other' | 'comment';
}
/** `__not_asked`: the questions the response's version did not ask. */
export interface NotAskedColumn extends Base {
  kind: 'not-asked';
}

/** The time and quality columns after `__not_asked` (quality-columns.ts). */
export interface QualityColumn extends Base {
  kind: 'quality';
  name: QualityColumnName;
}

export type Column =
  | FixedColumn
  | QualityColumn
  | ValueColumn
  | ChoiceColumn
  | RankColumn
  | RowColumn
  | CellColumn
  | TextColumn
  | NotAskedColumn
  | CodeColumn;

export interface ExportPlan {
  surveyId: string;
  /** The chosen versions, ascending. */
  versions: readonly number[];
  options: PlanOptions;
  /** The exported questions in column order (personal data left out unless options.pii). */
  questions: readonly QuestionInfo[];
  columns: readonly Column[];
  /** For a response of each version: the `__not_asked` list, question names (encoded as in column names) by `;`. */
  notAsked: ReadonlyMap<number, string>;
  /** Questions with code columns (code-columns.ts), in the order of their `slot`; empty without codes. */
  coded: readonly string[];
}

function questionColumns(q: QuestionInfo, layout: ChoiceLayout): Column[] {
  const value: Column = { kind: 'value', name: columnName(q.name), question: q };
  const listed = (kind: 'choice' | 'rank') =>
    q.choices
      // The "other" choice has no 0/1 column: `q/other` holds its text, non-empty exactly when it was chosen.
      .filter((choice) => choice.special !== 'other')
      .map((choice) => ({ kind, name: columnName(q.name, String(choice.code)), question: q, choice }));
  let columns: Column[];
  switch (q.shape) {
    case 'multiple':
      columns = layout === 'joined' ? [value] : listed('choice');
      break;
    case 'ranking':
      columns = layout === 'joined' ? [value] : listed('rank');
      break;
    case 'matrix':
    case 'multipletext':
      columns = q.rows.map((row) => ({
        kind: 'row',
        name: columnName(q.name, String(row.code)),
        question: q,
        row,
      }));
      break;
    case 'matrixdropdown':
      columns = q.rows.flatMap((row) =>
        q.cells.map((cell): Column => ({
          kind: 'cell',
          name: columnName(q.name, String(row.code), String(cell.code)),
          question: q,
          row,
          cell,
        })),
      );
      break;
    default:
      columns = [value];
  }
  if (q.text)
    columns.push({ kind: 'text', name: textColumnName(q.name, q.text), question: q, which: q.text });
  return columns;
}

/**
 * Compiles the plan for an export over `versions` (the chosen ones, any order). The region question is the fixed
 * `region` column; html, image and expression elements have no answers and no columns.
 */
export function planColumns(versions: readonly VersionInput[], options: PlanOptions): ExportPlan {
  const first = versions[0];
  if (!first) throw new Error('planColumns needs at least one survey version');
  const questions = describeQuestions(versions).filter((q) => q.name !== 'region' && (options.pii || !q.pii));
  const columns: Column[] = [
    ...FIXED_COLUMNS.map((name): Column => ({ kind: 'fixed', name })),
    ...questions.flatMap((q) => questionColumns(q, options.choices)),
    { kind: 'not-asked', name: NOT_ASKED_COLUMN },
    ...QUALITY_COLUMNS.map((name): Column => ({ kind: 'quality', name })),
  ];
  const seen = new Set<string>();
  for (const c of columns) {
    // Only codes that differ by JSON type alone (1 and "1") can meet here; refuse rather than merge two answers.
    if (seen.has(c.name))
      throw new Error(`two columns would be named "${c.name}": choice codes differ only by type`);
    seen.add(c.name);
  }
  const chosen = versions.map((v) => v.version).sort((a, b) => a - b);
  const notAsked = new Map(
    chosen.map((v) => [
      v,
      questions
        .filter((q) => !q.versions.includes(v))
        .map((q) => questionSegment(q.name))
        .join(';'),
    ]),
  );
  return { surveyId: first.surveyId, versions: chosen, options, questions, columns, notAsked, coded: [] };
}
