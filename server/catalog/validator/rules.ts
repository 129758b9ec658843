// The named rules an answer can break, split into survey-core's own rules and the ones where Saualnama is stricter.
// The differential test and the README rely on this list: a stricter rule without a reason here is a bug.
import type { AnswerError } from '../types';

/** Rules survey-core's Model also enforces (`model.validate()`): ours must reject wherever it rejects. */
export const SURVEY_CORE_RULES = {
  required: 'isRequired / requiredIf on a visible, editable question',
  'panel-required':
    'isRequired / requiredIf on a visible panel or page: at least one visible question answered',
  'other-text-required': 'the "other" choice is chosen and its text is empty',
  'min-selected':
    'minSelectedChoices on checkbox, tagbox and ranking (survey-core applies it even when unanswered)',
  'each-row-required': 'matrix eachRowRequired (isAllRowRequired): every row answered',
  'each-row-unique': 'matrix eachRowUnique: no two rows with the same column',
  'number-range': 'text inputType number: the question’s own min, max and step',
  'email-input': 'text inputType email: survey-core checks the address even without an email validator',
  validator: 'a validator of the definition (numeric, text, email, regex, expression, answercount)',
} as const;

/**
 * Rules where ours rejects and survey-core's Model does not, each with its reason.
 * Most of them are things the respondent page cannot produce; a request that breaks one did not come from it.
 */
export const STRICTER_RULES = {
  'unknown-key':
    'a key that names no question (or a comment that the question does not offer): survey-core keeps any key in data',
  'hidden-answer':
    'a value for a question hidden at completion (visibleIf on it, its panel or its page): survey-core would clear it on complete, we refuse it so that stored data equals what the logic allows',
  'hidden-entry-answer':
    'a value inside an entry of a repeat, a row of a grid or an item list for a question hidden there (by its visibleIf, or templateVisibleIf for the entry): survey-core clears it on complete, we refuse it',
  'repeat-count':
    'a repeat (dynamic panel, dynamic matrix) with fewer entries than minPanelCount/minRowCount or more than maxPanelCount/maxRowCount: the page\u2019s add and remove buttons never allow it, survey-core accepts it',
  computed:
    'a value sent for an expression question, an expression cell or a matrix total: it is computed from other answers, never entered',
  'no-value': 'a value sent for html or image elements, which hold no answer',
  type: 'a value of the wrong JSON type (string for a number, scalar for a checkbox, number 1 for choice "1"): survey-core converts it or keeps it as sent',
  choice:
    'a choice, rating, boolean or matrix value outside the definition: survey-core accepts it (with showOtherItem it even takes it as the "other" text) and may drop it on complete',
  region:
    'region must be exactly one of the 20 ISO 3166-2:KZ codes (case and spaces count), whatever the choices say',
  duplicate: 'the same value twice in a checkbox, tagbox or ranking answer',
  exclusive:
    '"none" (or refused, don’t know, isExclusive choices) together with other choices: the page never sends both',
  'max-selected':
    'maxSelectedChoices exceeded: the page disables further choices, survey-core does not validate it',
  'ranking-incomplete':
    'a ranking without selectToRankEnabled must rank all its choices or none, as the page does',
  'length-cap':
    'text longer than its maxLength (or survey maxTextLength / maxCommentLength), else a default cap: the page enforces maxLength in the input, survey-core does not validate it',
  'other-text-without-other': 'an "other" text sent although "other" is not chosen',
  'other-text-blank':
    'an "other" text made only of spaces: the page trims it to empty and asks again, survey-core accepts it in data',
} as const;

export type SurveyCoreRule = keyof typeof SURVEY_CORE_RULES;
export type StricterRule = keyof typeof STRICTER_RULES;
export type Rule = SurveyCoreRule | StricterRule;

/** An answer error with the rule that produced it; the rule stays on the server (tests, logs). */
export interface JudgedError extends AnswerError {
  rule: Rule;
}

export function isStricterRule(rule: Rule): rule is StricterRule {
  return Object.hasOwn(STRICTER_RULES, rule);
}
