// Compiled validator: value types and lists per question type, length caps and region codes.
import { describe, expect, it } from 'vitest';
import type { SurveyJson } from '../../server/catalog/types';
import {
  compileJudge,
  compileValidator,
  DEFAULT_COMMENT_MAX_LENGTH,
  DEFAULT_TEXT_MAX_LENGTH,
} from '../../server/catalog/validator';

const options = { regionCodes: ['KZ-10', 'KZ-11', 'KZ-75'] };
/** Judges `{q: value}` against one question named q; returns "rule" strings (empty when accepted). */
function rules(
  question: object,
  value: unknown,
  extra: Record<string, unknown> = {},
  survey: object = {},
): string[] {
  const definition: SurveyJson = {
    pages: [{ name: 'p1', elements: [{ name: 'q', ...question }] }],
    ...survey,
  };
  return compileJudge(definition, options)({ q: value, ...extra }).map((e) => e.rule);
}
function messages(question: object, value: unknown): string[] {
  const definition: SurveyJson = { elements: [{ name: 'q', ...question }] };
  return compileValidator(definition, options)({ q: value }).map((e) => e.message);
}

describe('text and comment', () => {
  it('takes a string and refuses other JSON types', () => {
    expect(rules({ type: 'text' }, 'hello')).toEqual([]);
    expect(rules({ type: 'text' }, 5)).toEqual(['type']);
    expect(rules({ type: 'comment' }, ['a'])).toEqual(['type']);
    expect(messages({ type: 'text' }, 5)).toEqual(['must be a string (got a number)']);
  });

  it('takes a finite JSON number for inputType number and refuses the numeric string', () => {
    expect(rules({ type: 'text', inputType: 'number' }, 5)).toEqual([]);
    expect(rules({ type: 'text', inputType: 'number' }, '5')).toEqual(['type']);
    expect(rules({ type: 'text', inputType: 'number' }, Number.NaN)).toEqual(['type']);
  });

  it('applies min, max and step of a number input, as survey-core does', () => {
    const q = { type: 'text', inputType: 'number', min: 1, max: 10, step: 0.5 };
    expect(rules(q, 9.5)).toEqual([]);
    expect(rules(q, 0)).toEqual(['number-range']);
    expect(rules(q, 11)).toEqual(['number-range']);
    expect(rules(q, 2.25)).toEqual(['number-range']);
  });

  it('checks an email input even without an email validator, as survey-core does', () => {
    expect(rules({ type: 'text', inputType: 'email' }, 'aigerim@example.kz')).toEqual([]);
    expect(rules({ type: 'text', inputType: 'email' }, 'aigerim@')).toEqual(['email-input']);
  });

  it('caps text at its maxLength, counted in UTF-16 units as survey-core and the browser count', () => {
    expect(rules({ type: 'text', maxLength: 4 }, 'abcd')).toEqual([]);
    expect(rules({ type: 'text', maxLength: 4 }, 'abcde')).toEqual(['length-cap']);
    // One emoji is two UTF-16 units.
    expect(rules({ type: 'text', maxLength: 3 }, 'a😊')).toEqual([]);
    expect(rules({ type: 'text', maxLength: 3 }, 'ab😊')).toEqual(['length-cap']);
  });

  it('caps text without maxLength at the survey maxTextLength, else at the default caps', () => {
    expect(rules({ type: 'text' }, 'x'.repeat(11), {}, { maxTextLength: 10 })).toEqual(['length-cap']);
    expect(rules({ type: 'text' }, 'x'.repeat(DEFAULT_TEXT_MAX_LENGTH))).toEqual([]);
    expect(rules({ type: 'text' }, 'x'.repeat(DEFAULT_TEXT_MAX_LENGTH + 1))).toEqual(['length-cap']);
    expect(rules({ type: 'comment' }, 'x'.repeat(DEFAULT_COMMENT_MAX_LENGTH))).toEqual([]);
    expect(rules({ type: 'comment' }, 'x'.repeat(DEFAULT_COMMENT_MAX_LENGTH + 1))).toEqual(['length-cap']);
  });
});

describe('radiogroup and dropdown', () => {
  const q = { type: 'radiogroup', choices: ['a', { value: 'b', text: 'Bee' }] };

  it('takes a listed choice and refuses anything else', () => {
    expect(rules(q, 'b')).toEqual([]);
    expect(rules(q, 'Bee')).toEqual(['choice']);
    expect(rules(q, ['a'])).toEqual(['type']);
  });

  it('compares choices with their JSON type: 1 is not the choice "1", "1" is not the choice 1', () => {
    expect(rules({ type: 'dropdown', choices: ['1', '2'] }, 1)).toEqual(['choice']);
    expect(rules({ type: 'dropdown', choices: [1, 2] }, '1')).toEqual(['choice']);
    expect(messages({ type: 'dropdown', choices: ['1', '2'] }, 1)).toEqual([
      '1 (a number) is not a choice: the choice is "1" (a string); values keep their JSON type',
    ]);
  });

  it('takes "other" only with showOtherItem and "none" only with showNoneItem', () => {
    expect(rules(q, 'other')).toEqual(['choice']);
    expect(rules(q, 'none')).toEqual(['choice']);
    expect(rules({ ...q, showOtherItem: true }, 'other', { 'q-Comment': 'x' })).toEqual([]);
    expect(rules({ ...q, showNoneItem: true }, 'none')).toEqual([]);
  });

  it('takes the choices survey-core generates for a dropdown from choicesMin..choicesMax', () => {
    const generated = { type: 'dropdown', choicesMin: 1, choicesMax: 3 };
    expect(rules(generated, 3)).toEqual([]);
    expect(rules(generated, 4)).toEqual(['choice']);
  });
});

describe('checkbox and tagbox', () => {
  const q = {
    type: 'checkbox',
    choices: ['a', 'b', 'c'],
    showNoneItem: true,
    showOtherItem: true,
    showSelectAllItem: true,
  };

  it('takes an array of distinct listed choices', () => {
    expect(rules(q, ['a', 'c'])).toEqual([]);
    expect(rules(q, 'a')).toEqual(['type']);
    expect(rules(q, ['a', 'zzz'])).toEqual(['choice']);
    expect(rules(q, ['a', 'a'])).toEqual(['duplicate']);
  });

  it('keeps "none" (and refused, don’t know, isExclusive choices) alone', () => {
    expect(rules(q, ['none'])).toEqual([]);
    expect(rules(q, ['none', 'a'])).toEqual(['exclusive']);
    const more = {
      type: 'checkbox',
      choices: ['a', { value: 'never', isExclusive: true }],
      showRefuseItem: true,
      showDontKnowItem: true,
    };
    expect(rules(more, ['refused'])).toEqual([]);
    expect(rules(more, ['dontknow', 'a'])).toEqual(['exclusive']);
    expect(rules(more, ['never', 'a'])).toEqual(['exclusive']);
  });

  it('does not take the select-all item as a value: selecting all stores the choices', () => {
    expect(rules(q, ['a', 'b', 'c'])).toEqual([]);
    expect(rules(q, [''])).toEqual(['choice']);
  });

  it('enforces maxSelectedChoices (ours) and minSelectedChoices even when unanswered (survey-core)', () => {
    const limited = {
      type: 'checkbox',
      choices: ['a', 'b', 'c'],
      minSelectedChoices: 2,
      maxSelectedChoices: 2,
      showNoneItem: true,
    };
    expect(rules(limited, ['a', 'b'])).toEqual([]);
    expect(rules(limited, ['a', 'b', 'c'])).toEqual(['max-selected']);
    expect(rules(limited, ['a'])).toEqual(['min-selected']);
    expect(rules(limited, undefined)).toEqual(['min-selected']);
    expect(rules(limited, ['none'])).toEqual([]);
  });

  it('answers thousands of wrong items with one short error', () => {
    const junk = Array.from({ length: 10_000 }, (_, i) => `junk${i}`);
    const errors = compileValidator({ elements: [{ name: 'q', ...q }] }, options)({ q: junk });
    expect(errors).toHaveLength(1);
    expect(errors[0]?.message).toMatch(/\(and 9997 more\)$/);
    expect(errors[0]?.message.length).toBeLessThan(400);
  });

  it('judges a tagbox as a checkbox', () => {
    expect(rules({ type: 'tagbox', choices: ['a', 'b'] }, ['b'])).toEqual([]);
    expect(rules({ type: 'tagbox', choices: ['a', 'b'] }, ['b', 'z'])).toEqual(['choice']);
  });
});

describe('ranking', () => {
  const q = { type: 'ranking', choices: ['a', 'b', 'c'] };

  it('takes all choices in any order, or none, and nothing in between', () => {
    expect(rules(q, ['c', 'a', 'b'])).toEqual([]);
    expect(rules(q, [])).toEqual([]);
    expect(rules(q, ['c', 'a'])).toEqual(['ranking-incomplete']);
    expect(rules(q, ['c', 'a', 'a'])).toEqual(['duplicate']);
    expect(rules(q, ['c', 'a', 'z'])).toEqual(['choice']);
  });

  it('takes a subset with selectToRankEnabled, within min and max', () => {
    const pick = { ...q, selectToRankEnabled: true, minSelectedChoices: 1, maxSelectedChoices: 2 };
    expect(rules(pick, ['b'])).toEqual([]);
    expect(rules(pick, ['b', 'a', 'c'])).toEqual(['max-selected']);
    expect(rules(pick, [])).toEqual(['min-selected']);
  });
});

describe('rating and boolean', () => {
  it('takes the default scale 1..5 and refuses outside it or as a string', () => {
    expect(rules({ type: 'rating' }, 5)).toEqual([]);
    expect(rules({ type: 'rating' }, 6)).toEqual(['choice']);
    expect(rules({ type: 'rating' }, '3')).toEqual(['choice']);
  });

  it('takes rateMin..rateMax by rateStep, or exactly rateValues when given', () => {
    expect(rules({ type: 'rating', rateMin: 0, rateMax: 10, rateStep: 2 }, 4)).toEqual([]);
    expect(rules({ type: 'rating', rateMin: 0, rateMax: 10, rateStep: 2 }, 5)).toEqual(['choice']);
    expect(rules({ type: 'rating', rateValues: [1, 'x', { value: 9, text: 'nine' }] }, 'x')).toEqual([]);
    expect(rules({ type: 'rating', rateValues: [1, 'x', { value: 9, text: 'nine' }] }, 2)).toEqual([
      'choice',
    ]);
  });

  it('takes true or false, never their strings', () => {
    expect(rules({ type: 'boolean' }, false)).toEqual([]);
    expect(rules({ type: 'boolean' }, 'true')).toEqual(['choice']);
    expect(rules({ type: 'boolean' }, 1)).toEqual(['choice']);
  });

  it('takes only valueTrue and valueFalse when the definition sets them', () => {
    const q = { type: 'boolean', valueTrue: 'yes', valueFalse: 'no' };
    expect(rules(q, 'no')).toEqual([]);
    expect(rules(q, true)).toEqual(['choice']);
  });
});

describe('matrix', () => {
  const q = { type: 'matrix', rows: ['r1', { value: 2, text: 'Two' }], columns: [1, 2, 3] };

  it('takes an object of row → column with the columns’ JSON type', () => {
    expect(rules(q, { r1: 1, 2: 3 })).toEqual([]);
    expect(rules(q, { r1: '1' })).toEqual(['choice']);
    expect(rules(q, { r9: 1 })).toEqual(['choice']);
    expect(rules(q, [1])).toEqual(['type']);
  });

  it('reports all wrong rows and cells in one error', () => {
    const value: Record<string, unknown> = { r1: 'x' };
    for (let i = 0; i < 1000; i++) value[`bad${i}`] = 1;
    expect(rules(q, value)).toEqual(['choice']);
  });

  it('enforces isAllRowRequired and eachRowUnique, as survey-core does', () => {
    expect(rules({ ...q, isAllRowRequired: true }, { r1: 1 })).toEqual(['each-row-required']);
    expect(rules({ ...q, isAllRowRequired: true }, undefined)).toEqual(['each-row-required']);
    expect(rules({ ...q, eachRowUnique: true }, { r1: 1, 2: 1 })).toEqual(['each-row-unique']);
  });
});

describe('region', () => {
  const region = { type: 'dropdown', choices: ['KZ-10', 'KZ-99'] };
  const judge = (value: unknown) =>
    compileJudge(
      { elements: [{ name: 'region', ...region }] },
      options,
    )({ region: value }).map((e) => e.rule);

  it('takes exactly one of the region codes, case and spaces included', () => {
    expect(judge('KZ-75')).toEqual([]);
    expect(judge('kz-75')).toEqual(['region']);
    expect(judge(' KZ-75')).toEqual(['region']);
  });

  it('follows the region codes, not the definition’s choices', () => {
    expect(judge('KZ-99')).toEqual(['region']);
    expect(judge('KZ-11')).toEqual([]);
  });
});
