// What the demo needs to know of each question of a definition, read once from a survey-core Model: kind,
// choices, scales, limits, "other"/"none", and its conditions (memoized: they run millions of times).
import {
  ConditionRunner,
  Model,
  QuestionBooleanModel,
  QuestionCheckboxModel,
  QuestionMatrixModel,
  QuestionRankingModel,
  QuestionRatingModel,
  QuestionSelectBase,
  QuestionTextModel,
  settings,
  type ItemValue,
  type Question,
} from 'survey-core';
import { registerCustomProperties } from '../../catalog/serializer';
import type { SurveyJson } from '../../catalog/types';
import type { Person } from './texts';

export type Primitive = string | number | boolean;
export type Kind = 'one' | 'many' | 'rank' | 'rating' | 'matrix' | 'boolean' | 'text' | 'number' | 'comment';
/** Reads an answer (or an "other" text) by its data key while a response is being drawn. */
export type Lookup = (key: string) => unknown;

/**
 * A visibleIf/requiredIf, memoized on the values of the variables it reads: survey-core takes microseconds per
 * evaluation, and a million responses ask the same few questions about the same few answers.
 */
export interface Condition {
  variables: string[];
  run(get: Lookup): boolean;
}

export interface Spec {
  index: number;
  name: string;
  kind: Kind;
  required: boolean;
  requiredIf: Condition | undefined;
  /** The question's own visibleIf and those of the panels and page around it: all must hold. */
  visibleIf: Condition[];
  /** True when a condition reads a later question (or a non-answer), so later answers can still hide this one. */
  forward: boolean;
  choices: Primitive[];
  other: Primitive | undefined;
  /** "None" and other exclusive choices: chosen alone. */
  exclusive: Primitive[];
  commentKey: string;
  minSelected: number;
  maxSelected: number;
  rankAll: boolean;
  /** Matrix row keys, and the order in which to write them (sorted, see answers.ts). */
  rows: string[];
  rowOrder: number[];
  eachRowRequired: boolean;
  eachRowUnique: boolean;
  /** Matrix columns and rating values in scale order, without the unordered ones. */
  scale: Primitive[];
  /** Matrix columns off the scale (don't know, no cooperation). */
  special: Primitive[];
  booleans: [unknown, unknown];
  maxLength: number;
  contact: keyof Person | undefined;
  min: number;
  max: number;
}

/** Choice values that sit off an ordered scale, and that a respondent picks alone. */
export const OFF_SCALE = new Set(['dont_know', 'no_cooperation', 'not_applicable', 'refused']);

type Collect = (get: Lookup) => Record<string, unknown>;

function condition(expression: unknown, collect: Collect): Condition | undefined {
  if (typeof expression !== 'string' || expression.trim() === '') return undefined;
  const runner = new ConditionRunner(expression);
  const variables = runner.getVariables();
  // Paths (panel.question, q[0]) and survey variables are not plain data keys: those run unmemoized on all answers.
  const plain = variables.every((v) => /^[\w-]+$/.test(v));
  const memo = new Map<string, boolean>();
  return {
    variables,
    run(get) {
      if (!plain) return runner.runValues(collect(get)) === true;
      let key = '';
      const values: Record<string, unknown> = {};
      for (const v of variables) {
        const x = (values[v] = get(v));
        key += `${typeof x}:${typeof x === 'object' && x !== null ? JSON.stringify(x) : String(x)}\u0001`;
      }
      let result = memo.get(key);
      if (result === undefined) {
        result = runner.runValues(values) === true;
        if (memo.size > 20_000) memo.clear();
        memo.set(key, result);
      }
      return result;
    },
  };
}

const inputTypeOf = (q: Question) => (q instanceof QuestionTextModel ? q.inputType : '');
const valuesOf = (items: readonly ItemValue[]) => items.map((i) => i.value as Primitive);

function kindOf(q: Question): Kind | undefined {
  if (q instanceof QuestionRankingModel) return 'rank';
  if (q instanceof QuestionCheckboxModel) return 'many';
  if (q instanceof QuestionSelectBase && (q.getType() === 'radiogroup' || q.getType() === 'dropdown'))
    return 'one';
  if (q instanceof QuestionRatingModel) return 'rating';
  if (q instanceof QuestionMatrixModel) return 'matrix';
  if (q instanceof QuestionBooleanModel) return 'boolean';
  if (q instanceof QuestionTextModel) return q.inputType === 'number' ? 'number' : 'text';
  if (q.getType() === 'comment') return 'comment';
  return undefined; // html, image, expression: nothing to answer
}

function specOf(q: Question, index: number, collect: Collect): Spec | undefined {
  const kind = kindOf(q);
  // survey-core has already run visibleIf on empty data, so `visible` is only the author's word without one.
  if (!kind || (!q.visibleIf && q.visible === false)) return undefined;
  const visibleIf: Condition[] = [];
  for (let el: { visibleIf?: string; parent?: unknown } | undefined = q; el; el = el.parent as typeof el) {
    const c = condition(el.visibleIf, collect);
    if (c) visibleIf.push(c);
  }
  const select = q instanceof QuestionSelectBase ? q : undefined;
  const items = select ? (select.choices as ItemValue[]) : [];
  const alone = (item: ItemValue) => select instanceof QuestionCheckboxModel && select.isNoneItem(item);
  // The validators whose limits are easy to respect up front; the rest are met by redrawing (generate.ts).
  const validator = (type: string, property: string) =>
    q.validators
      .filter((v) => v.getType() === type)
      .map((v) => Number(v.getPropertyValue(property)))
      .find((n) => Number.isFinite(n) && n !== 0);
  const minSelected =
    Number(q.getPropertyValue('minSelectedChoices')) || validator('answercountvalidator', 'minCount') || 0;
  const caps = [
    Number(q.getPropertyValue('maxSelectedChoices')),
    validator('answercountvalidator', 'maxCount') ?? 0,
  ].filter((n) => n > 0);
  const maxSelected = caps.length > 0 ? Math.min(...caps) : 0;
  const emailish = inputTypeOf(q) === 'email' || q.validators.some((v) => v.getType() === 'emailvalidator');
  const matrix = q instanceof QuestionMatrixModel ? q : undefined;
  const columns = matrix
    ? valuesOf(matrix.columns as ItemValue[])
    : q instanceof QuestionRatingModel
      ? valuesOf(q.visibleRateValues)
      : [];
  const rows = matrix ? valuesOf(matrix.rows as ItemValue[]).map(String) : [];
  const inputType = inputTypeOf(q);
  const maxLength = Number((q as Question & { getMaxLength?: () => unknown }).getMaxLength?.());
  const personal = q.getPropertyValue('pii') === true || emailish || inputType === 'tel';
  return {
    index,
    name: q.name,
    kind,
    // survey-core checks minSelectedChoices even on an unanswered question: such a question must be answered.
    required: q.isRequired || minSelected > 0,
    requiredIf: condition(q.requiredIf, collect),
    visibleIf,
    forward: true,
    choices: valuesOf(items.filter((item) => !alone(item))),
    other: select?.showOtherItem ? (select.otherItem.value as Primitive) : undefined,
    exclusive: [
      ...(select?.showNoneItem ? [select.noneItem.value as Primitive] : []),
      ...valuesOf(items.filter(alone)),
    ],
    commentKey: q.name + settings.commentSuffix,
    minSelected,
    maxSelected,
    rankAll: q instanceof QuestionRankingModel && !q.selectToRankEnabled,
    rows,
    rowOrder: rows.map((_, i) => i).sort((a, b) => ((rows[a] ?? '') < (rows[b] ?? '') ? -1 : 1)),
    eachRowRequired:
      matrix?.eachRowRequired === true || matrix?.getPropertyValue('isAllRowRequired') === true,
    eachRowUnique: matrix?.eachRowUnique === true,
    scale: columns.filter((c) => !OFF_SCALE.has(String(c))),
    special: columns.filter((c) => OFF_SCALE.has(String(c))),
    booleans: q instanceof QuestionBooleanModel ? [q.getValueTrue(), q.getValueFalse()] : [true, false],
    maxLength: maxLength > 0 ? maxLength : 1000,
    contact: personal ? (emailish ? 'email' : inputType === 'tel' ? 'phone' : 'name') : undefined,
    min: Number(q.getPropertyValue('min')) || validator('numericvalidator', 'minValue') || 0,
    max: Number(q.getPropertyValue('max')) || validator('numericvalidator', 'maxValue') || 100,
  };
}

export interface DataKey {
  key: string;
  index: number;
  /** The "other" text (`<name>-Comment`) rather than the answer itself. */
  comment: boolean;
}

export interface Questionnaire {
  specs: Spec[];
  /** Every data key (question names, "other" comment keys) in sorted order, with where its value is kept. */
  keys: DataKey[];
}

export function readQuestionnaire(definition: SurveyJson): Questionnaire {
  registerCustomProperties();
  let keys: DataKey[] = [];
  const collect: Collect = (get) => Object.fromEntries(keys.map((k) => [k.key, get(k.key)]));
  const specs: Spec[] = [];
  for (const q of new Model(definition).getAllQuestions(false, true)) {
    const spec = specOf(q, specs.length, collect);
    if (spec) specs.push(spec);
  }
  keys = specs
    .flatMap((s) => [
      { key: s.name, index: s.index, comment: false },
      ...(s.other === undefined ? [] : [{ key: s.commentKey, index: s.index, comment: true }]),
    ])
    .sort((a, b) => (a.key < b.key ? -1 : 1));
  const position = new Map(keys.map((k) => [k.key, k.index]));
  for (const s of specs)
    s.forward = s.visibleIf.some((c) => c.variables.some((v) => !((position.get(v) ?? Infinity) < s.index)));
  return { specs, keys };
}
