// Value checks for the choice questions: radiogroup and dropdown (one value), checkbox and tagbox (several),
// ranking (an order). Choices come from the compile-time Model, so aliases and generated choices count as on the page.
import type { ItemValue, QuestionCheckboxModel, QuestionRankingModel, QuestionSelectBase } from 'survey-core';
import { fail, MAX_LISTED, someOf, type AnswerType } from './plan';
import type { JudgedError } from './rules';
import { ChoiceSet, isPrimitive, jsonTypeOf, show, type Primitive } from './values';

function valueOf(item: ItemValue, where: string): Primitive {
  const value: unknown = item.value;
  if (!isPrimitive(value))
    throw new Error(`${where}: choice value ${show(value)} is not a string, number or boolean`);
  return value;
}

function choiceValues(q: QuestionSelectBase, where: string, skip?: ItemValue): Primitive[] {
  const values = q.visibleChoices.filter((item) => item !== skip).map((item) => valueOf(item, where));
  const set = new Set(values);
  if (set.size !== values.length) throw new Error(`${where}: two choices have the same value`);
  return values;
}

/** radiogroup and dropdown; `region` is judged by the region codes alone, whatever its choices say. */
export function singleChoiceAnswer(
  q: QuestionSelectBase,
  where: string,
  regionCodes: readonly string[],
): AnswerType {
  const isRegion = q.name === 'region';
  const choices = new ChoiceSet(isRegion ? regionCodes : choiceValues(q, where));
  const other: unknown = q.showOtherItem ? q.otherItem.value : undefined;
  return {
    checkShape(value, errors, question) {
      if (choices.has(value)) return;
      if (!isPrimitive(value))
        fail(errors, question, 'type', `must be one choice value (got ${jsonTypeOf(value)})`);
      else if (isRegion)
        fail(
          errors,
          question,
          'region',
          `${show(value)} is not a region code: expected exactly one of ${regionCodes.join(', ')}`,
        );
      else fail(errors, question, 'choice', choices.explainMiss(value));
    },
    hasOther: other === undefined ? undefined : (value) => value === other,
  };
}

interface ArrayRules {
  choices: ChoiceSet;
  exclusive: ReadonlySet<Primitive>;
  maxSelected: number;
}

/** Checks shared by checkbox, tagbox and ranking; returns false when the items themselves are wrong. */
function checkItems(
  value: unknown,
  rules: ArrayRules,
  errors: JudgedError[],
  question: string,
): value is unknown[] {
  if (!Array.isArray(value)) {
    fail(errors, question, 'type', `must be an array of choice values (got ${jsonTypeOf(value)})`);
    return false;
  }
  let misses = 0;
  for (const item of value) if (!rules.choices.has(item)) misses++;
  if (misses > 0) {
    const shown: string[] = [];
    for (const item of value) {
      if (shown.length === MAX_LISTED) break;
      if (!rules.choices.has(item)) shown.push(rules.choices.explainMiss(item));
    }
    fail(errors, question, 'choice', someOf(shown, misses));
    return false;
  }
  // All items are primitives here, and a Set keeps 1 and "1" apart: same size means no repeats.
  if (new Set(value).size !== value.length) {
    fail(errors, question, 'duplicate', 'the same choice is given more than once');
    return false;
  }
  if (value.length > 1) {
    const alone = value.find((item) => rules.exclusive.has(item as Primitive));
    if (alone !== undefined)
      fail(errors, question, 'exclusive', `${show(alone)} cannot be combined with other choices`);
  }
  if (rules.maxSelected > 0 && value.length > rules.maxSelected)
    fail(errors, question, 'max-selected', `choose at most ${rules.maxSelected} (got ${value.length})`);
  return true;
}

/**
 * survey-core's minSelectedChoices: it applies even to an unanswered question, and one exclusive item ("none")
 * alone satisfies it. A non-array counts as no choice.
 */
function minSelectedCheck(min: number, exclusive: ReadonlySet<Primitive>): AnswerType['checkCore'] {
  if (!(min >= 1)) return undefined;
  return (value, errors, question) => {
    const list = Array.isArray(value) ? value : [];
    if (list.length === 1 && exclusive.has(list[0] as Primitive)) return;
    if (list.length < min)
      fail(errors, question, 'min-selected', `choose at least ${min} (got ${list.length})`);
  };
}

/** checkbox and tagbox */
export function multiChoiceAnswer(q: QuestionCheckboxModel, where: string): AnswerType {
  const skip = q.showSelectAllItem ? q.selectAllItem : undefined; // "select all" stores the choices, not itself
  const rules: ArrayRules = {
    choices: new ChoiceSet(choiceValues(q, where, skip)),
    exclusive: new Set(
      q.visibleChoices.filter((item) => q.isNoneItem(item)).map((item) => valueOf(item, where)),
    ),
    maxSelected: Number(q.maxSelectedChoices) || 0,
  };
  const other: unknown = q.showOtherItem ? q.otherItem.value : undefined;
  return {
    checkShape(value, errors, question) {
      checkItems(value, rules, errors, question);
    },
    checkCore: minSelectedCheck(Number(q.minSelectedChoices), rules.exclusive),
    hasOther: other === undefined ? undefined : (value) => Array.isArray(value) && value.includes(other),
  };
}

/** ranking: an order of distinct choices; all of them (or none) unless selectToRankEnabled, as the page produces. */
export function rankingAnswer(q: QuestionRankingModel, where: string): AnswerType {
  const values = choiceValues(q, where);
  const rules: ArrayRules = {
    choices: new ChoiceSet(values),
    exclusive: new Set(),
    maxSelected: q.selectToRankEnabled ? Number(q.maxSelectedChoices) || 0 : 0,
  };
  const rankAll = !q.selectToRankEnabled;
  return {
    checkShape(value, errors, question) {
      if (!checkItems(value, rules, errors, question)) return;
      if (rankAll && value.length !== 0 && value.length !== values.length)
        fail(
          errors,
          question,
          'ranking-incomplete',
          `must rank all ${values.length} choices (got ${value.length})`,
        );
    },
    checkCore: minSelectedCheck(Number(q.minSelectedChoices), rules.exclusive),
  };
}
