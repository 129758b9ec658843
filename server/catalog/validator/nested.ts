// Repeats (paneldynamic, matrixdynamic), grids (matrixdropdown) and item lists (multipletext). Each entry, row or
// item list is judged against a scope of its own, with the variables survey-core gives its conditions
// ({panel.x}, {panelIndex}, {parentPanel.x}; {row.x}, {rowIndex}, {rowName}); errors name the outer question.
import type {
  MatrixDropdownRowModelBase,
  QuestionMatrixDropdownModel,
  QuestionMatrixDynamicModel,
  QuestionMultipleTextModel,
  QuestionPanelDynamicModel,
} from 'survey-core';
import type { Condition, Values } from './conditions';
import { computeExpressions, judgeScope } from './judge';
import { fail, type AnswerType, type SurveyPlan } from './plan';
import type { JudgedError } from './rules';
import { childrenOf, ScopeBuilder, type Json, type ScopeContext } from './scope';
import { isAbsent, isEmptyValue, isPlainObject, jsonTypeOf, show } from './values';

/** Cell types of matrixdropdown and matrixdynamic columns whose values the validator judges as the page does. */
const CELL_TYPES = new Set([
  'dropdown',
  'radiogroup',
  'checkbox',
  'tagbox',
  'rating',
  'text',
  'comment',
  'boolean',
  'expression',
]);
const EMPTY: Record<string, unknown> = Object.freeze({}) as Record<string, unknown>;

/** One entry's view: the values its conditions see and `own`, the entry's answers plus its computed values. */
function entryValues(
  plan: SurveyPlan,
  entry: Record<string, unknown>,
  outer: Values,
  variable: 'panel' | 'row',
  extra: Values,
): { values: Values; own: Values } {
  const own: Values = {};
  for (const key of plan.keys) if (Object.hasOwn(entry, key)) own[key] = entry[key];
  const values: Values = { ...outer, ...extra, [variable]: own };
  // A template inside a template reads its outer entry as {parentPanel.x}.
  if (variable === 'panel' && outer.panel !== undefined) values.parentPanel = outer.panel;
  computeExpressions(plan, values, own);
  return { values, own };
}

/** Judges one entry and files its errors under the outer question, saying which entry and which inner question. */
function judgeEntry(
  plan: SurveyPlan,
  entry: Record<string, unknown>,
  view: { values: Values; own: Values },
  editable: boolean,
  errors: JudgedError[],
  question: string,
  label: string,
): void {
  const inner: JudgedError[] = [];
  judgeScope(plan, entry, view.values, view.own, editable, inner);
  for (const e of inner)
    errors.push({
      question,
      rule: e.rule === 'hidden-answer' ? 'hidden-entry-answer' : e.rule,
      message: `${label}, "${e.question}": ${e.message}`,
    });
}

function countOf(value: unknown, fallback: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 0 ? n : fallback;
}

/** Array of plain objects within [min, max] entries: what the page's add and remove buttons allow. */
function checkEntries(
  value: unknown,
  min: number,
  max: number,
  what: string,
  errors: JudgedError[],
  question: string,
) {
  if (!Array.isArray(value)) {
    fail(errors, question, 'type', `must be an array of ${what} objects (got ${jsonTypeOf(value)})`);
    return;
  }
  const bad = value.findIndex((entry) => !isPlainObject(entry));
  if (bad >= 0) {
    fail(errors, question, 'type', `${what} ${bad + 1} must be an object (got ${jsonTypeOf(value[bad])})`);
    return;
  }
  if (value.length < min && value.length > 0)
    fail(errors, question, 'repeat-count', `needs at least ${min} ${what}s (got ${value.length})`);
  else if (value.length > max)
    fail(errors, question, 'repeat-count', `allows at most ${max} ${what}s (got ${value.length})`);
}

/**
 * The entries survey-core judges: those sent, or the empty ones the page starts with (panelCount, rowCount) when
 * there is no value. A dynamic panel takes an empty list as no value; a dynamic matrix as no rows.
 */
function entriesOf(
  value: unknown,
  initial: number,
  emptyListIsNoValue: boolean,
): readonly Record<string, unknown>[] {
  if (Array.isArray(value) && (value.length > 0 || !emptyListIsNoValue))
    return value as Record<string, unknown>[];
  return isAbsent(value) || Array.isArray(value)
    ? new Array<Record<string, unknown>>(initial).fill(EMPTY)
    : [];
}

export function panelDynamicAnswer(
  q: QuestionPanelDynamicModel,
  raw: Json,
  where: string,
  ctx: ScopeContext,
): AnswerType {
  if (raw.keyName)
    throw new Error(`${where}: keyName (no two entries alike) is not supported by the server's validator`);
  const scope = new ScopeBuilder(ctx, (name) => q.template.getQuestionByName(name), `${where}, template: `);
  const key = raw.templateElements !== undefined ? 'templateElements' : 'templateQuestions';
  const page = scope.container(
    {
      ...raw,
      name: q.name,
      visibleIf: undefined,
      enableIf: undefined,
      requiredIf: undefined,
      isRequired: false,
      visible: true,
      readOnly: false,
    },
    'panel',
    where,
    key,
  );
  const plan = scope.plan([page], true);
  const visibleIf: Condition | undefined = ctx.logic.condition(
    raw.templateVisibleIf,
    `${where} templateVisibleIf`,
  );
  const min = countOf(q.minPanelCount, 0);
  const max = countOf(q.maxPanelCount, Infinity);
  const initial = Math.max(countOf(raw.panelCount, 0), min);
  return {
    checkShape: (value, errors, question) => checkEntries(value, min, max, 'entry', errors, question),
    checkNested(value, values, editable, errors, question) {
      entriesOf(value, initial, true).forEach((entry, i) => {
        const view = entryValues(plan, entry, values, 'panel', { panelIndex: i });
        if (visibleIf && !visibleIf(view.values)) {
          if (!isEmptyValue(entry))
            fail(
              errors,
              question,
              'hidden-entry-answer',
              `entry ${i + 1} is hidden by templateVisibleIf but has answers`,
            );
          return;
        }
        judgeEntry(plan, entry, view, editable, errors, question, `entry ${i + 1}`);
      });
    },
  };
}

/** The matrix's cell questions, read from one row of the compile-time Model (a dynamic matrix gets one row). */
function sampleRow(
  q: QuestionMatrixDynamicModel | QuestionMatrixDropdownModel,
  dynamic: boolean,
  where: string,
) {
  if (dynamic && (q as QuestionMatrixDynamicModel).rowCount < 1)
    (q as QuestionMatrixDynamicModel).rowCount = 1;
  const row: MatrixDropdownRowModelBase | undefined = q.visibleRows[0];
  if (!row) throw new Error(`${where}: the matrix has no rows`);
  return row;
}

export function matrixRowsAnswer(
  q: QuestionMatrixDynamicModel | QuestionMatrixDropdownModel,
  raw: Json,
  where: string,
  ctx: ScopeContext,
): AnswerType {
  const dynamic = q.getType() === 'matrixdynamic';
  for (const property of ['detailElements', 'keyName'])
    if (Array.isArray(raw[property]) ? (raw[property] as unknown[]).length > 0 : Boolean(raw[property]))
      throw new Error(`${where}: ${property} is not supported by the server's validator`);
  const row = sampleRow(q, dynamic, where);
  const scope = new ScopeBuilder(
    ctx,
    (name) => row.cells.find((cell) => cell.column.name === name)?.question,
    `${where}, column: `,
  );
  const columns = childrenOf(raw, where, 'columns');
  const totals: string[] = [];
  for (const column of columns) {
    const cell = row.cells.find((c) => c.column.name === column.name)?.question;
    const at = `${where}, column "${String(column.name)}"`;
    if (!cell) throw new Error(`${at}: survey-core did not load it`);
    if (!CELL_TYPES.has(cell.getType()))
      throw new Error(`${at}: cell type "${cell.getType()}" is not supported by the server's validator`);
    if (column.isUnique === true)
      throw new Error(`${at}: isUnique is not supported by the server's validator`);
    if (
      cell.getPropertyValue('showOtherItem') === true ||
      column.showOtherItem === true ||
      column.showCommentArea === true
    )
      throw new Error(
        `${at}: "other" and comment areas in cells are not supported by the server's validator`,
      );
    if (typeof column.totalType === 'string' && column.totalType !== 'none') totals.push(q.name + '-total');
  }
  const page = scope.container({ name: q.name, columns }, 'panel', where, 'columns');
  const plan = scope.plan([page], true);
  const rowValues = dynamic ? [] : q.rows.map((r) => r.value as unknown);
  const rowKeys = new Set(rowValues.map(String));
  if (rowKeys.size !== rowValues.length) throw new Error(`${where}: two rows have the same value`);
  const min = dynamic ? countOf((q as QuestionMatrixDynamicModel).minRowCount, 0) : 0;
  const max = dynamic ? countOf((q as QuestionMatrixDynamicModel).maxRowCount, Infinity) : Infinity;
  // survey-core starts a dynamic matrix with rowCount rows (2 by default); minRowCount only limits removing.
  const initial = dynamic ? countOf(raw.rowCount, 2) : 0;
  return {
    computedKeys: totals.length > 0 ? [totals[0] as string] : undefined,
    checkShape(value, errors, question) {
      if (dynamic) return checkEntries(value, min, max, 'row', errors, question);
      if (!isPlainObject(value)) {
        fail(errors, question, 'type', `must be an object of row → cells (got ${jsonTypeOf(value)})`);
        return;
      }
      for (const key of Object.keys(value)) {
        if (!rowKeys.has(key)) fail(errors, question, 'choice', `${show(key)} is not a row of this matrix`);
        else if (!isPlainObject(value[key]))
          fail(errors, question, 'type', `row ${show(key)} must be an object of column → value`);
      }
    },
    checkNested(value, values, editable, errors, question) {
      if (dynamic) {
        entriesOf(value, initial, false).forEach((entry, i) => {
          const view = entryValues(plan, entry, values, 'row', { rowIndex: i + 1 });
          judgeEntry(plan, entry, view, editable, errors, question, `row ${i + 1}`);
        });
        return;
      }
      const rows = isPlainObject(value) ? value : EMPTY;
      rowValues.forEach((name) => {
        const entry = (Object.hasOwn(rows, String(name)) ? rows[String(name)] : EMPTY) as Record<
          string,
          unknown
        >;
        const view = entryValues(plan, entry, values, 'row', { rowName: name, rowValue: name, item: name });
        judgeEntry(plan, entry, view, editable, errors, question, `row ${show(name)}`);
      });
    },
  };
}

export function multipleTextAnswer(
  q: QuestionMultipleTextModel,
  raw: Json,
  where: string,
  ctx: ScopeContext,
): AnswerType {
  const items = (Array.isArray(raw.items) ? raw.items : []).map((item: unknown) =>
    typeof item === 'string' ? { name: item } : item,
  );
  const scope = new ScopeBuilder(
    ctx,
    (name) => q.items.find((item) => item.name === name)?.editor,
    `${where}, item: `,
  );
  const page = scope.container({ name: q.name, items }, 'panel', where, 'items');
  const plan = scope.plan([page], true);
  return {
    checkShape(value, errors, question) {
      if (!isPlainObject(value))
        fail(errors, question, 'type', `must be an object of item → value (got ${jsonTypeOf(value)})`);
    },
    checkNested(value, values, editable, errors, question) {
      const entry = isPlainObject(value) ? value : EMPTY;
      // Items have no conditions of their own: they see the survey's values and their own answers.
      judgeEntry(plan, entry, { values, own: { ...entry } }, editable, errors, question, 'item');
    },
  };
}
