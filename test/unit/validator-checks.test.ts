// Compiled validator: the built-in validators, "other" texts and comment areas, and the helpers that copy survey-core.
import { EmailValidator, Helpers } from 'survey-core';
import { describe, expect, it } from 'vitest';
import type { SurveyJson } from '../../server/catalog/types';
import { compileJudge, compileValidator, DEFAULT_COMMENT_MAX_LENGTH } from '../../server/catalog/validator';
import { isEmptyValue } from '../../server/catalog/validator/values';

const options = { regionCodes: ['KZ-10'] };
const definitionOf = (question: object, survey: object = {}): SurveyJson => ({
  elements: [{ name: 'q', ...question }],
  ...survey,
});
const rules = (question: object, data: Record<string, unknown>, survey: object = {}) =>
  compileJudge(definitionOf(question, survey), options)(data).map((e) => e.rule);
const messages = (question: object, data: Record<string, unknown>) =>
  compileValidator(definitionOf(question), options)(data).map((e) => e.message);

describe('built-in validators', () => {
  it('numeric: refuses a value outside minValue..maxValue with a clear default message', () => {
    const q = {
      type: 'text',
      inputType: 'number',
      validators: [{ type: 'numeric', minValue: 1, maxValue: 5 }],
    };
    expect(rules(q, { q: 3 })).toEqual([]);
    expect(messages(q, { q: 6 })).toEqual(['must be between 1 and 5']);
  });

  it('numeric: refuses a non-numeric text and takes a numeric one, as survey-core does', () => {
    const q = { type: 'text', validators: [{ type: 'numeric', minValue: 10 }] };
    expect(messages(q, { q: 'ten' })).toEqual(['must be a number']);
    expect(rules(q, { q: '12' })).toEqual([]);
    expect(messages(q, { q: '9' })).toEqual(['must be at least 10']);
  });

  it('text: minLength and maxLength', () => {
    const q = { type: 'comment', validators: [{ type: 'text', minLength: 3, maxLength: 5 }] };
    expect(rules(q, { q: 'abcd' })).toEqual([]);
    expect(messages(q, { q: 'ab' })).toEqual(['must be 3 to 5 characters long']);
    expect(rules(q, { q: 'abcdef' })).toEqual(['validator']);
  });

  it('text: allowDigits false refuses only trailing digits, survey-core’s quirk (/\\d+$/)', () => {
    const q = { type: 'text', validators: [{ type: 'text', allowDigits: false }] };
    expect(rules(q, { q: 'room 12' })).toEqual(['validator']);
    expect(rules(q, { q: '12 rooms' })).toEqual([]);
  });

  it('email: refuses an invalid address, skips an empty answer', () => {
    const q = { type: 'text', validators: [{ type: 'email' }] };
    expect(rules(q, { q: 'a@b.kz' })).toEqual([]);
    expect(rules(q, { q: 'a@b' })).toEqual(['validator']);
    expect(rules(q, {})).toEqual([]);
  });

  it('regex: tests the pattern, case-insensitive when asked', () => {
    const q = { type: 'text', validators: [{ type: 'regex', regex: '^kz-\\d+$', caseInsensitive: true }] };
    expect(rules(q, { q: 'KZ-10' })).toEqual([]);
    expect(rules(q, { q: 'KZ10' })).toEqual(['validator']);
  });

  it('expression: runs on the answers, even when the question itself is empty', () => {
    const elements = [
      { type: 'text', name: 'age', inputType: 'number' },
      {
        type: 'text',
        name: 'years',
        inputType: 'number',
        validators: [{ type: 'expression', expression: '{years} <= {age}' }],
      },
    ];
    const judge = compileJudge({ elements }, options);
    expect(judge({ age: 30, years: 10 })).toEqual([]);
    expect(judge({ age: 30, years: 40 }).map((e) => `${e.question}:${e.rule}`)).toEqual(['years:validator']);
    // `{years} <= {age}` is false when years is empty: survey-core refuses that too.
    expect(judge({ age: 30 }).map((e) => e.rule)).toEqual(['validator']);
  });

  it('answercount: minCount and maxCount on a checkbox', () => {
    const q = {
      type: 'checkbox',
      choices: ['a', 'b', 'c'],
      validators: [{ type: 'answercount', minCount: 2, maxCount: 2 }],
    };
    expect(rules(q, { q: ['a', 'b'] })).toEqual([]);
    expect(messages(q, { q: ['a'] })).toEqual(['choose at least 2']);
    expect(rules(q, { q: ['a', 'b', 'c'] })).toEqual(['validator']);
  });

  it('uses the validator’s English (default) text when the definition gives one', () => {
    const text = { default: 'Digits, spaces and hyphens only.', kk: 'Тек цифрлар.', ru: 'Только цифры.' };
    const q = { type: 'text', validators: [{ type: 'regex', regex: '^[0-9 -]+$', text }] };
    expect(messages(q, { q: 'abc' })).toEqual(['Digits, spaces and hyphens only.']);
  });

  it('does not run validators on a read-only question', () => {
    const q = { type: 'text', readOnly: true, validators: [{ type: 'regex', regex: '^a' }] };
    expect(rules(q, { q: 'b' })).toEqual([]);
  });
});

describe('"other" text and comment area', () => {
  const q = { type: 'checkbox', choices: ['a'], showOtherItem: true };

  it('requires the "other" text when "other" is chosen (survey-core requires it too)', () => {
    expect(rules(q, { q: ['other'], 'q-Comment': 'my own' })).toEqual([]);
    expect(rules(q, { q: ['other'] })).toEqual(['other-text-required']);
    expect(rules(q, { q: ['other'], 'q-Comment': '' })).toEqual(['other-text-required']);
  });

  it('refuses an "other" text of spaces only, which survey-core would take', () => {
    expect(rules(q, { q: ['other'], 'q-Comment': '   ' })).toEqual(['other-text-blank']);
  });

  it('refuses an "other" text when "other" is not chosen', () => {
    expect(messages(q, { q: ['a'], 'q-Comment': 'stray' })).toEqual([
      '"q-Comment" is the "other" text, but "other" is not chosen',
    ]);
  });

  it('refuses a non-string "other" text, and one over the cap', () => {
    expect(rules(q, { q: ['other'], 'q-Comment': 5 })).toEqual(['type']);
    expect(rules(q, { q: ['other'], 'q-Comment': 'x'.repeat(DEFAULT_COMMENT_MAX_LENGTH + 1) })).toEqual([
      'length-cap',
    ]);
    expect(rules(q, { q: ['other'], 'q-Comment': 'xyz' }, { maxCommentLength: 2 })).toEqual(['length-cap']);
  });

  it('takes an optional comment area text with any answer, within the cap', () => {
    const area = { type: 'radiogroup', choices: ['a'], showCommentArea: true };
    expect(rules(area, { q: 'a', 'q-Comment': 'why' })).toEqual([]);
    expect(rules(area, { 'q-Comment': 'only a comment' })).toEqual([]);
    expect(rules(area, { q: 'a', 'q-Comment': ['x'] })).toEqual(['type']);
  });
});

describe('helpers that copy survey-core', () => {
  it('isEmptyValue agrees with survey-core’s Helpers.isValueEmpty', () => {
    const samples: unknown[] = [
      undefined,
      null,
      '',
      ' ',
      0,
      false,
      true,
      Number.NaN,
      [],
      [''],
      {},
      { a: '' },
      { a: { b: [] } },
      { a: 0 },
      'x',
    ];
    for (const value of samples)
      expect(isEmptyValue(value), JSON.stringify(value)).toBe(Helpers.isValueEmpty(value));
  });

  it('the email check agrees with survey-core’s EmailValidator', () => {
    const q = { type: 'text', validators: [{ type: 'email' }] };
    const judge = compileJudge(definitionOf(q), options);
    const theirs = new EmailValidator();
    const samples = [
      'a@b.kz',
      'a.b@c.d.kz',
      'a@b',
      'a b@c.kz',
      '"quoted name"@x.kz',
      'a@@b.kz',
      'a@b.c',
      'name@домен.kz',
      'x@y..kz',
      'a\\b@c.kz',
    ];
    for (const address of samples) {
      const oursFails = judge({ q: address }).length > 0;
      const theirsFails =
        theirs.validate(address)?.error !== undefined && theirs.validate(address)?.error !== null;
      expect(oursFails, address).toBe(theirsFails);
    }
  });
});
