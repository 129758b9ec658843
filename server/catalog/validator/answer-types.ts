// Value checks for the non-choice questions: text, comment, rating, boolean and matrix.
// Shape checks are ours (types, lists, caps); checkCore copies survey-core's own rules for these types.
import {
  Helpers,
  type ItemValue,
  type QuestionBooleanModel,
  type QuestionCommentModel,
  type QuestionMatrixModel,
  type QuestionRatingModel,
  type QuestionTextModel,
} from 'survey-core';
import { emailCheck } from './builtin-validators';
import { DEFAULT_COMMENT_MAX_LENGTH, DEFAULT_TEXT_MAX_LENGTH } from './limits';
import { fail, MAX_LISTED, someOf, type AnswerType } from './plan';
import {
  ChoiceSet,
  isEmptyAnswer,
  isEmptyValue,
  isPlainObject,
  isPrimitive,
  jsonTypeOf,
  show,
  type Primitive,
} from './values';

/** inputTypes whose value is a plain string. Date-like, color and range inputs are refused at compile time. */
const STRING_INPUT_TYPES = new Set(['text', 'email', 'tel', 'url', 'password', 'search']);

/** The question's maxLength, else the survey's maxTextLength (what survey-core shows on the page), else our cap. */
function maxLengthOf(q: QuestionTextModel | QuestionCommentModel, fallback: number): number {
  const own: unknown = q.getMaxLength();
  return typeof own === 'number' && own > 0 ? own : fallback;
}

function stringAnswer(maxLength: number, typeName: string): AnswerType['checkShape'] {
  return (value, errors, question) => {
    if (typeof value !== 'string')
      fail(errors, question, 'type', `must be ${typeName} (got ${jsonTypeOf(value)})`);
    else if (value.length > maxLength)
      fail(
        errors,
        question,
        'length-cap',
        `must be at most ${maxLength} characters long (got ${value.length})`,
      );
  };
}

function optionalNumber(value: unknown, where: string, property: string): number | undefined {
  if (isEmptyAnswer(value)) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n)) throw new Error(`${where}: ${property} ${show(value)} is not a number`);
  return n;
}

/** survey-core's isStepNumberIncorrect: scales both to integers (up to 6 decimals) and checks divisibility. */
function breaksStep(value: number, step: number): boolean {
  let pw = 1;
  while ((Math.round(step * pw) / pw !== step || Math.round(value * pw) / pw !== value) && pw < 1000000)
    pw *= 10;
  const s = Math.round(step * pw);
  return s > 0 && Math.round(value * pw) % s !== 0;
}

function numberInput(q: QuestionTextModel, where: string): AnswerType {
  const min = optionalNumber(q.min, where, 'min');
  const max = optionalNumber(q.max, where, 'max');
  const step = Helpers.isNumber(q.step) ? Helpers.getNumber(q.step) : undefined;
  return {
    checkShape(value, errors, question) {
      // JSON numbers are always finite; the check keeps NaN out when a caller builds data in code.
      if (typeof value !== 'number' || !Number.isFinite(value))
        fail(errors, question, 'type', `must be a number (got ${jsonTypeOf(value)})`);
    },
    checkCore(value, errors, question) {
      if (typeof value !== 'number') return;
      if (min !== undefined && value < min) fail(errors, question, 'number-range', `must be at least ${min}`);
      if (max !== undefined && value > max) fail(errors, question, 'number-range', `must be at most ${max}`);
      if (step !== undefined && breaksStep(value, step))
        fail(errors, question, 'number-range', `must be a multiple of ${step}`);
    },
  };
}

/** A calendar date as the browser's date input gives it: `YYYY-MM-DD`, a day that exists. */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isCalendarDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.toISOString().slice(0, 10) === value;
}

/** inputType date: the page's date picker stores `YYYY-MM-DD`; a min or max (which survey-core checks) is refused. */
function dateInput(q: QuestionTextModel, where: string): AnswerType {
  if (!isEmptyAnswer(q.min) || !isEmptyAnswer(q.max))
    throw new Error(`${where}: min/max on a date input is not supported by the server's validator`);
  return {
    checkShape(value, errors, question) {
      if (typeof value !== 'string')
        fail(errors, question, 'type', `must be a date string YYYY-MM-DD (got ${jsonTypeOf(value)})`);
      else if (!isCalendarDate(value))
        fail(errors, question, 'type', `${show(value)} is not a date written YYYY-MM-DD`);
    },
  };
}

export function textAnswer(q: QuestionTextModel, where: string): AnswerType {
  const inputType = q.inputType;
  if (inputType === 'number') return numberInput(q, where);
  if (inputType === 'date') return dateInput(q, where);
  if (!STRING_INPUT_TYPES.has(inputType))
    throw new Error(`${where}: inputType "${inputType}" is not supported by the server's validator`);
  const checkShape = stringAnswer(maxLengthOf(q, DEFAULT_TEXT_MAX_LENGTH), 'a string');
  // survey-core checks an email input even without an email validator; with one, the validator does it.
  const checksEmail = inputType === 'email' && !q.validators.some((v) => v.getType() === 'emailvalidator');
  if (!checksEmail) return { checkShape };
  const isEmail = emailCheck('must be a valid e-mail address');
  return {
    checkShape,
    checkCore(value, errors, question) {
      const message = isEmail(value, {});
      if (message) fail(errors, question, 'email-input', message);
    },
  };
}

export function commentAnswer(q: QuestionCommentModel): AnswerType {
  return { checkShape: stringAnswer(maxLengthOf(q, DEFAULT_COMMENT_MAX_LENGTH), 'a string') };
}

function listed(values: readonly unknown[], where: string, what: string): ChoiceSet {
  const list = values.map((value) => {
    if (!isPrimitive(value))
      throw new Error(`${where}: ${what} ${show(value)} is not a string, number or boolean`);
    return value;
  });
  return new ChoiceSet(list);
}

function oneOf(set: ChoiceSet, what: string): AnswerType['checkShape'] {
  return (value, errors, question) => {
    if (set.has(value)) return;
    if (!isPrimitive(value)) fail(errors, question, 'type', `must be one ${what} (got ${jsonTypeOf(value)})`);
    else fail(errors, question, 'choice', set.explainMiss(value));
  };
}

/** The rate values the page shows: rateValues if given, else rateMin..rateMax by rateStep (survey-core computes them). */
export function ratingAnswer(q: QuestionRatingModel, where: string): AnswerType {
  const set = listed(
    q.visibleRateValues.map((item) => item.value as unknown),
    where,
    'rate value',
  );
  return { checkShape: oneOf(set, 'rating value') };
}

/** true/false, or valueTrue/valueFalse when the definition sets them. */
export function booleanAnswer(q: QuestionBooleanModel, where: string): AnswerType {
  const values: unknown[] = [q.getValueTrue(), q.getValueFalse()];
  return { checkShape: oneOf(listed(values, where, 'boolean value'), 'of the boolean values') };
}

/** A matrix value is an object: row value (as a JSON key) → column value (with its JSON type). */
export function matrixAnswer(q: QuestionMatrixModel, where: string): AnswerType {
  const rowValues = (q.rows as ItemValue[]).map(
    (row) => listed([row.value], where, 'row value').list[0] as Primitive,
  );
  const rowKeys = new Set(rowValues.map(String));
  if (rowKeys.size !== rowValues.length) throw new Error(`${where}: two rows have the same value`);
  const columns = listed(
    (q.columns as ItemValue[]).map((c) => c.value as unknown),
    where,
    'column value',
  );
  const eachRowRequired = q.eachRowRequired === true;
  const eachRowUnique = q.eachRowUnique === true;
  const rowValue = (value: unknown, key: string): unknown =>
    isPlainObject(value) && Object.hasOwn(value, key) ? value[key] : undefined;
  return {
    checkShape(value, errors, question) {
      if (!isPlainObject(value)) {
        fail(errors, question, 'type', `must be an object of row → column (got ${jsonTypeOf(value)})`);
        return;
      }
      // One error for all wrong cells, listing a few: a hostile object with thousands of keys gets a short error.
      const shown: string[] = [];
      let wrong = 0;
      for (const key of Object.keys(value)) {
        const cell = value[key];
        const problem = !rowKeys.has(key)
          ? `${show(key)} is not a row of this matrix`
          : columns.has(cell)
            ? undefined
            : `row ${show(key)}: ${columns.explainMiss(cell)}`;
        if (problem === undefined) continue;
        wrong++;
        if (shown.length < MAX_LISTED) shown.push(problem);
      }
      if (wrong > 0) fail(errors, question, 'choice', someOf(shown, wrong));
    },
    checkCore:
      eachRowRequired || eachRowUnique
        ? (value, errors, question) => {
            const seen = new Set<string>();
            let missing = false;
            let repeated = false;
            for (const key of rowKeys) {
              const cell = rowValue(value, key);
              if (isEmptyValue(typeof cell === 'string' ? cell.trim() : cell)) missing = true;
              // survey-core keys its uniqueness hash by the cell's string form.
              else if (seen.has(String(cell))) repeated = true;
              else seen.add(String(cell));
            }
            if (eachRowRequired && missing)
              fail(errors, question, 'each-row-required', 'every row needs an answer');
            if (eachRowUnique && repeated)
              fail(errors, question, 'each-row-unique', 'each row needs a different column');
          }
        : undefined,
  };
}
