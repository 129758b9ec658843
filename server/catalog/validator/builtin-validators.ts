// survey-core's built-in validators (numeric, text, email, regex, expression, answercount) as plain functions.
// Each copies survey-core's semantics, quirks included (see allowDigits), so the page and the server agree.
import { Helpers, type SurveyValidator } from 'survey-core';
import type { LogicCompiler, Values } from './conditions';
import { isEmptyAnswer } from './values';

/** Returns an English message when the value fails, undefined when it passes. */
export type ValueCheck = (value: unknown, values: Values) => string | undefined;

/** survey-core's own address pattern (EmailValidator.re), so an address the page accepts is accepted here. */
const EMAIL =
  /^(([^<>()[\].,;:\s@"]+(\.[^<>()[\].,;:\s@"]+)*)|(".+"))@(([^<>()=[\].,;:\s@"]+\.)+[^<>()=[\].,;:\s@"]{2,})$/i;

/**
 * survey-core's TextValidator tests /\d+$/: only digits at the END count (so "abc1" fails, "1abc" passes).
 * /\d$/ matches exactly the same strings in linear time; /\d+$/ is quadratic on a long run of digits.
 */
const TRAILING_DIGIT = /\d$/;

export const emailCheck =
  (message: string): ValueCheck =>
  (value) =>
    !value || EMAIL.test(String(value)) ? undefined : message;

function lengthOf(value: unknown): unknown {
  return typeof value === 'string' || (value !== null && typeof value === 'object')
    ? (value as { length?: unknown }).length
    : undefined;
}

function numberOrNull(value: unknown): number | null {
  return value === null || value === undefined || value === '' ? null : Number(value);
}

function numericCheck(v: SurveyValidator, text: string): ValueCheck {
  const min = numberOrNull(v.getPropertyValue('minValue'));
  const max = numberOrNull(v.getPropertyValue('maxValue'));
  const range =
    min !== null && max !== null
      ? `must be between ${min} and ${max}`
      : min !== null
        ? `must be at least ${min}`
        : `must be at most ${max}`;
  return (value) => {
    if (isEmptyAnswer(value)) return undefined;
    // Helpers accepts numeric strings as survey-core does ("7" passes on a plain text question).
    if (!Helpers.isNumber(value)) return text || 'must be a number';
    const n = Helpers.getNumber(value);
    if ((min !== null && min > n) || (max !== null && max < n)) return text || range;
    return undefined;
  };
}

function textCheck(v: SurveyValidator, text: string): ValueCheck {
  const minLength = Number(v.getPropertyValue('minLength')) || 0;
  const maxLength = Number(v.getPropertyValue('maxLength')) || 0;
  const allowDigits = v.getPropertyValue('allowDigits') !== false;
  const range =
    minLength > 0 && maxLength > 0
      ? `must be ${minLength} to ${maxLength} characters long`
      : minLength > 0
        ? `must be at least ${minLength} characters long`
        : `must be at most ${maxLength} characters long`;
  return (value) => {
    if (isEmptyAnswer(value)) return undefined;
    if (!allowDigits && TRAILING_DIGIT.test(String(value))) return text || 'must not end with digits';
    const length = lengthOf(value);
    if (typeof length !== 'number') return undefined;
    if ((minLength > 0 && length < minLength) || (maxLength > 0 && length > maxLength)) return text || range;
    return undefined;
  };
}

function regexCheck(v: SurveyValidator, text: string, where: string): ValueCheck {
  const source: unknown = v.getPropertyValue('regex');
  if (!source) return () => undefined;
  let re: RegExp;
  try {
    re = new RegExp(String(source), v.getPropertyValue('caseInsensitive') === true ? 'i' : '');
  } catch (error) {
    throw new Error(
      `${where}: regex validator ${JSON.stringify(source)} does not compile: ${(error as Error).message}`,
    );
  }
  const message = text || `does not match the expected pattern ${String(source)}`;
  return (value) => {
    if (isEmptyAnswer(value)) return undefined;
    // As survey-core: each item of an array, then the whole value (an array tests as "a,b").
    if (Array.isArray(value) && value.some((item) => !re.test(String(item)))) return message;
    return re.test(String(value)) ? undefined : message;
  };
}

function answerCountCheck(v: SurveyValidator, text: string): ValueCheck {
  const minCount = Number(v.getPropertyValue('minCount')) || 0;
  const maxCount = Number(v.getPropertyValue('maxCount')) || 0;
  return (value) => {
    if (!Array.isArray(value) || value.length === 0) return undefined;
    if (minCount && value.length < minCount) return text || `choose at least ${minCount}`;
    if (maxCount && value.length > maxCount) return text || `choose at most ${maxCount}`;
    return undefined;
  };
}

function expressionCheck(v: SurveyValidator, text: string, where: string, logic: LogicCompiler): ValueCheck {
  const expression: unknown = v.getPropertyValue('expression');
  const condition = logic.condition(expression, `${where}: expression validator`);
  // survey-core passes a validator without an expression; it runs even when the question is empty.
  if (!condition) return () => undefined;
  const message = text || `does not satisfy ${String(expression)}`;
  return (_value, values) => (condition(values) ? undefined : message);
}

/** Compiles one validator of a question of the compile-time Model; throws for types survey-core has but we lack. */
export function compileBuiltinValidator(v: SurveyValidator, where: string, logic: LogicCompiler): ValueCheck {
  // The compile-time Model's locale is the default one, which Saualnama's definitions keep in English.
  const text = v.text;
  switch (v.getType()) {
    case 'numericvalidator':
      return numericCheck(v, text);
    case 'textvalidator':
      return textCheck(v, text);
    case 'emailvalidator':
      return emailCheck(text || 'must be a valid e-mail address');
    case 'regexvalidator':
      return regexCheck(v, text, where);
    case 'answercountvalidator':
      return answerCountCheck(v, text);
    case 'expressionvalidator':
      return expressionCheck(v, text, where, logic);
    default:
      throw new Error(`${where}: validator type "${v.getType()}" is not supported by the server's validator`);
  }
}
