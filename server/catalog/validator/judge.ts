// Runs a compiled SurveyPlan against one response's data: visibility, required, shapes, survey-core rules,
// validators, comments and unknown keys. Runs per request, so no Model, no closures per call, few allocations.
import type { Values } from './conditions';
import { fail, type ContainerPlan, type Flag, type QuestionPlan, type SurveyPlan } from './plan';
import type { JudgedError } from './rules';
import { isAbsent, isEmptyAnswer, isEmptyValue, isPlainObject } from './values';

/** Unknown keys listed one by one; the rest are counted in one more error. */
const MAX_UNKNOWN_KEYS = 20;

function holds(f: Flag, values: Values): boolean {
  return f.when ? f.when(values) : f.fixed;
}

/**
 * The answers conditions see: the keys the logic reads, copied from data's own properties (never inherited ones),
 * plus computed expression values. Fewer keys make survey-core's variable lookup (a scan of all keys) faster.
 */
function valuesOf(plan: SurveyPlan, data: Record<string, unknown>): Values {
  const values: Values = {};
  for (const key of plan.logicKeys) if (Object.hasOwn(data, key)) values[key] = data[key];
  computeExpressions(plan, values, values);
  return values;
}

/** Computes a scope's expression questions as the page does, into `target` (the values, or an entry's own). */
export function computeExpressions(plan: SurveyPlan, values: Values, target: Values): void {
  for (let pass = 0; pass < plan.computePasses; pass++) {
    let changed = false;
    for (const q of plan.computed) {
      const next = q.compute?.(values);
      if (!Object.is(next, target[q.name])) {
        target[q.name] = next;
        changed = true;
      }
    }
    if (!changed) break;
  }
}

function checkHidden(q: QuestionPlan, data: Record<string, unknown>, errors: JudgedError[]): void {
  if (Object.hasOwn(data, q.name) && !isEmptyValue(data[q.name]))
    fail(errors, q.name, 'hidden-answer', 'answer given for a hidden question');
  const key = q.comment?.key;
  if (key !== undefined && Object.hasOwn(data, key) && !isEmptyValue(data[key]))
    fail(errors, q.name, 'hidden-answer', `"${key}" given for a hidden question`);
}

function checkComment(
  q: QuestionPlan,
  value: unknown,
  editable: boolean,
  data: Record<string, unknown>,
  errors: JudgedError[],
) {
  const plan = q.comment;
  if (!plan) return;
  const text = Object.hasOwn(data, plan.key) ? data[plan.key] : undefined;
  const chosen = plan.kind === 'other' && q.answer.hasOther?.(value) === true;
  if (!isAbsent(text)) {
    if (typeof text !== 'string') fail(errors, q.name, 'type', `"${plan.key}" must be a string`);
    else if (text.length > plan.maxLength)
      fail(
        errors,
        q.name,
        'length-cap',
        `"${plan.key}" must be at most ${plan.maxLength} characters long (got ${text.length})`,
      );
    if (plan.kind === 'other' && !chosen)
      fail(
        errors,
        q.name,
        'other-text-without-other',
        `"${plan.key}" is the "other" text, but "other" is not chosen`,
      );
  }
  if (!chosen || !editable) return;
  // survey-core requires the text when "other" is chosen, whether or not the question is required.
  if (isAbsent(text)) fail(errors, q.name, 'other-text-required', 'the "other" choice needs its text');
  else if (typeof text === 'string' && text.trim() === '')
    fail(errors, q.name, 'other-text-blank', 'the "other" choice needs its text, not only spaces');
}

function checkQuestion(
  q: QuestionPlan,
  visible: boolean,
  readOnly: boolean,
  data: Record<string, unknown>,
  values: Values,
  errors: JudgedError[],
): void {
  if (q.kind !== 'answer') {
    // Any value counts, even null: the key itself claims an answer the question cannot have.
    if (Object.hasOwn(data, q.name)) {
      if (q.kind === 'computed')
        fail(errors, q.name, 'computed', 'computed from other answers; send no value');
      else fail(errors, q.name, 'no-value', 'this element holds no answer; send no value');
    }
    return;
  }
  if (!visible) {
    checkHidden(q, data, errors);
    return;
  }
  const value = Object.hasOwn(data, q.name) ? data[q.name] : undefined;
  const editable = !readOnly;
  const before = errors.length;
  // survey-core skips every check of a read-only question (enableIf false); we still check shapes.
  if (editable && holds(q.required, values) && isEmptyAnswer(value)) {
    fail(errors, q.name, 'required', 'an answer is required');
  } else {
    if (!isAbsent(value)) q.answer.checkShape(value, errors, q.name);
    if (editable && errors.length === before) q.answer.checkCore?.(value, errors, q.name);
    if (errors.length === before) q.answer.checkNested?.(value, values, editable, errors, q.name);
    // As in survey-core, validators run only on an answer that passed everything else.
    if (editable && errors.length === before) {
      for (const check of q.validators) {
        const message = check(value, values);
        if (message !== undefined) fail(errors, q.name, 'validator', message);
      }
    }
  }
  checkComment(q, value, editable, data, errors);
}

interface Seen {
  /** First visible question inside, where survey-core puts a panel's "answer at least one" error. */
  firstVisible: string | undefined;
  anyAnswered: boolean;
}

function checkContainer(
  c: ContainerPlan,
  parentVisible: boolean,
  parentReadOnly: boolean,
  data: Record<string, unknown>,
  values: Values,
  computedIn: Values,
  errors: JudgedError[],
): Seen {
  // Children of a hidden container are hidden whatever their own conditions say: skip evaluating those.
  const visible = parentVisible && holds(c.visible, values);
  const readOnly = visible && (parentReadOnly || holds(c.readOnly, values));
  const seen: Seen = { firstVisible: undefined, anyAnswered: false };
  for (const child of c.children) {
    if (child.element !== 'question') {
      const inner = checkContainer(child, visible, readOnly, data, values, computedIn, errors);
      seen.firstVisible ??= inner.firstVisible;
      seen.anyAnswered ||= inner.anyAnswered;
      continue;
    }
    const own = visible && holds(child.visible, values);
    const ownReadOnly = own && (readOnly || holds(child.readOnly, values));
    checkQuestion(child, own, ownReadOnly, data, values, errors);
    if (own) {
      seen.firstVisible ??= child.name;
      // survey-core counts a computed expression value as an answer here.
      const answer =
        child.kind === 'computed'
          ? computedIn[child.name]
          : Object.hasOwn(data, child.name)
            ? data[child.name]
            : undefined;
      seen.anyAnswered ||= !isEmptyAnswer(answer);
    }
  }
  if (
    visible &&
    !readOnly &&
    seen.firstVisible !== undefined &&
    !seen.anyAnswered &&
    holds(c.required, values)
  )
    fail(
      errors,
      seen.firstVisible,
      'panel-required',
      `answer at least one question of ${c.element} "${c.name}"`,
    );
  return seen;
}

/**
 * Judges one scope's data: the survey's answers, or one entry of a repeat or row of a grid. `values` are what its
 * conditions see; `computedIn` is where its expression values were put (values itself, or values.panel/row).
 */
export function judgeScope(
  plan: SurveyPlan,
  data: Record<string, unknown>,
  values: Values,
  computedIn: Values,
  editable: boolean,
  errors: JudgedError[],
): void {
  for (const page of plan.pages) checkContainer(page, true, !editable, data, values, computedIn, errors);
  let unknown = 0;
  let firstUnlisted = '';
  for (const key of Object.keys(data)) {
    if (plan.keys.has(key)) continue;
    const owner = plan.computedKeys.get(key);
    if (owner !== undefined) {
      if (!isEmptyValue(data[key])) fail(errors, owner, 'computed', `"${key}" is computed; send no value`);
      continue;
    }
    // A flood of made-up keys gets a bounded list, not an error per key.
    if (++unknown <= MAX_UNKNOWN_KEYS) fail(errors, key, 'unknown-key', 'unknown question');
    else if (unknown === MAX_UNKNOWN_KEYS + 1) firstUnlisted = key;
  }
  if (unknown > MAX_UNKNOWN_KEYS) {
    const rest = unknown - MAX_UNKNOWN_KEYS - 1;
    fail(
      errors,
      firstUnlisted,
      'unknown-key',
      `unknown question (and ${rest} more unknown questions, not listed)`,
    );
  }
}

export function judge(plan: SurveyPlan, data: Record<string, unknown>): JudgedError[] {
  const errors: JudgedError[] = [];
  // The route checks the envelope; this guard keeps the validator total for any caller.
  if (!isPlainObject(data)) {
    fail(errors, 'data', 'type', 'the answers must be a JSON object');
    return errors;
  }
  const values = valuesOf(plan, data);
  judgeScope(plan, data, values, values, true, errors);
  return errors;
}
