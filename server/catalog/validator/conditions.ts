// visibleIf, enableIf, requiredIf and expressions, parsed once at compile time by survey-core's own engine.
// Using its ConditionRunner/ExpressionRunner (not a re-implementation) keeps `{a} = 1` meaning what the page means.
import { ConditionRunner, ExpressionRunner } from 'survey-core';

/** The answers as conditions see them: the keys the logic reads, plus computed expressions. */
export type Values = Record<string, unknown>;

export type Condition = (values: Values) => boolean;
export type Expression = (values: Values) => unknown;

/**
 * survey-core variables that name a neighbour or a view (the previous entry, the visible index, the totals row,
 * the whole matrix): the compiled validator gives conditions the entry's own values and index only.
 */
const UNSUPPORTED_VARIABLES = new Set([
  'prevpanel',
  'nextpanel',
  'visiblepanelindex',
  'prevrow',
  'nextrow',
  'totalrow',
  'visiblerowindex',
  'rowtitle',
  'self',
  'composite',
  'matrix',
  'survey',
]);

/** Empty on purpose: functions that need the survey object (e.g. displayValue) have no survey here. */
const NO_PROPERTIES = {};

/**
 * Compiles every condition and expression of one survey and remembers the variables they read.
 * survey-core looks a variable up by scanning every key of the values object (names match case-insensitively),
 * so handing it only the keys the logic reads is what keeps a response in the tens of microseconds.
 */
export class LogicCompiler {
  /** Lower-cased, as survey-core compares them. */
  private readonly variables = new Set<string>();

  condition(expression: unknown, where: string): Condition | undefined {
    const text = this.text(expression, where);
    if (text === undefined) return undefined;
    const runner = new ConditionRunner(text);
    this.check(runner, where, text);
    return (values) => runner.runValues(values, NO_PROPERTIES);
  }

  expression(expression: unknown, where: string): Expression | undefined {
    const text = this.text(expression, where);
    if (text === undefined) return undefined;
    const runner = new ExpressionRunner(text);
    this.check(runner, where, text);
    return (values) => runner.runValues(values, NO_PROPERTIES);
  }

  /** Whether some condition or expression reads `key`: `{key}`, `{key.row}`, `{key[0]}`, `{key.length}`. */
  reads(key: string): boolean {
    const k = key.toLowerCase();
    for (const v of this.variables)
      if (v === k || v.startsWith(`${k}.`) || v.startsWith(`${k}[`)) return true;
    return false;
  }

  private text(expression: unknown, where: string): string | undefined {
    if (expression === undefined || expression === null || expression === '') return undefined;
    if (typeof expression !== 'string') throw new Error(`${where}: the expression must be a string`);
    return expression;
  }

  private check(runner: ConditionRunner | ExpressionRunner, where: string, expression: string): void {
    if (!runner.canRun())
      throw new Error(`${where}: cannot parse the expression ${JSON.stringify(expression)}`);
    // An async function would answer after we have judged; survey-core waits for it, we cannot.
    if (runner.isAsync)
      throw new Error(`${where}: async functions are not supported in ${JSON.stringify(expression)}`);
    for (const name of runner.getVariables()) {
      const first = name.toLowerCase().split(/[.[]/)[0] ?? '';
      if (UNSUPPORTED_VARIABLES.has(first))
        throw new Error(`${where}: the variable {${name}} is not supported by the server's validator`);
      this.variables.add(name.toLowerCase());
    }
  }
}
