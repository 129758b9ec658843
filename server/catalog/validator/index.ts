// The compiled answer validator: built once per survey version at start-up, then judges each response in
// microseconds without a survey-core Model. Rules and their reasons: rules.ts; the differential test keeps it honest.
import type { AnswerValidator, SurveyJson } from '../types';
import { judge } from './judge';
import type { JudgedError } from './rules';
import { buildPlan, type CompileOptions } from './walk';

export { DEFAULT_COMMENT_MAX_LENGTH, DEFAULT_TEXT_MAX_LENGTH } from './limits';
export { STRICTER_RULES, SURVEY_CORE_RULES, isStricterRule, type JudgedError, type Rule } from './rules';
export type { CompileOptions } from './walk';

/** Like compileValidator, but each error keeps the rule that produced it (for tests and logs, not for clients). */
export function compileJudge(
  definition: SurveyJson,
  options: CompileOptions,
): (data: Record<string, unknown>) => JudgedError[] {
  const plan = buildPlan(definition, options);
  return (data) => judge(plan, data);
}

/**
 * Compiles a definition into a validator. Throws an Error naming the question (and why) when the definition uses
 * something the validator does not follow: an unsupported question type, choicesByUrl, choicesVisibleIf, ...
 */
export function compileValidator(definition: SurveyJson, options: CompileOptions): AnswerValidator {
  const judgeData = compileJudge(definition, options);
  return (data) => {
    const errors = judgeData(data);
    return errors.length === 0 ? [] : errors.map(({ question, message }) => ({ question, message }));
  };
}
