// visibleIf, enableIf, requiredIf and expressions, parsed once at compile time by survey-core's own engine.
// Using its ConditionRunner/ExpressionRunner (not a re-implementation) keeps `{a} = 1` meaning what the page means.
import { ConditionRunner, ExpressionRunner } from 'survey-core';

/** The answers as conditions see them: known question names and comment keys only, plus computed expressions. */
export type Values = Record<string, unknown>;

export type Condition = (values: Values) => boolean;
export type Expression = (values: Values) => unknown;

/** Empty on purpose: functions that need the survey object (e.g. displayValue) have no survey here. */
const NO_PROPERTIES = {};

function checkParsed(runner: ConditionRunner | ExpressionRunner, where: string, expression: string): void {
  if (!runner.canRun()) throw new Error(`${where}: cannot parse the expression ${JSON.stringify(expression)}`);
  // An async function would answer after we have judged; survey-core waits for it, we cannot.
  if (runner.isAsync) throw new Error(`${where}: async functions are not supported in ${JSON.stringify(expression)}`);
}

/** Undefined when there is no expression (the static property then decides). */
export function compileCondition(expression: unknown, where: string): Condition | undefined {
  if (expression === undefined || expression === null || expression === '') return undefined;
  if (typeof expression !== 'string') throw new Error(`${where}: the condition must be a string`);
  const runner = new ConditionRunner(expression);
  checkParsed(runner, where, expression);
  return (values) => runner.runValues(values, NO_PROPERTIES);
}

export function compileExpression(expression: unknown, where: string): Expression | undefined {
  if (expression === undefined || expression === null || expression === '') return undefined;
  if (typeof expression !== 'string') throw new Error(`${where}: the expression must be a string`);
  const runner = new ExpressionRunner(expression);
  checkParsed(runner, where, expression);
  return (values) => runner.runValues(values, NO_PROPERTIES);
}
