// Compiled validator: unknown keys, prototype safety, visibility at completion, required, read-only and panels.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REGION_CODES } from '../../server/catalog/regions';
import type { SurveyJson } from '../../server/catalog/types';
import { compileJudge, compileValidator } from '../../server/catalog/validator';

const options = { regionCodes: ['KZ-10', 'KZ-11'] };
const survey = (elements: object[], extra: object = {}): SurveyJson => ({
  pages: [{ name: 'p1', elements }],
  ...extra,
});
const validate = (elements: object[], data: Record<string, unknown>) =>
  compileValidator(survey(elements), options)(data);
const rulesOf = (elements: object[], data: Record<string, unknown>) =>
  compileJudge(survey(elements), options)(data).map((e) => `${e.question}:${e.rule}`);

const kitchenSink = JSON.parse(
  readFileSync(join(import.meta.dirname, '..', 'fixtures', 'surveys', 'kitchen-sink', 'v1.json'), 'utf8'),
) as SurveyJson;

/** A complete, valid answer set for the kitchen sink, as the page would send it. */
const validKitchenSink = {
  region: 'KZ-55',
  role: 'other',
  'role-Comment': 'Волонтёр-координатор',
  age: 34,
  hours: 7.5,
  years_active: 5,
  mood: 8,
  experience: 'Көмек көрсеттім, ерікті болдым',
  has_org: true,
  org_kind: 'registered',
  org_size: 12,
  weekly_days: 3,
  fields: ['health', 'other'],
  'fields-Comment': 'Қайырымдылық',
  tools: ['telegram', 'sheets'],
  channels: ['radio'],
  'channels-Comment': 'Жергілікті радио',
  priorities: ['people', 'money', 'space', 'training'],
  top_needs: ['transport'],
  satisfaction: { support: 4, supplies: 3, training: 5 },
  idea_b: 'Мектептерде',
  consent: true,
  contact_email: 'aigerim@example.kz',
  contact_phone: '+7 701 234 56 78',
  city: 'Шымкент',
  pairs: { x: 'a', y: 'c' },
  years_confirm: 10,
};

describe('compiled validator: keys and prototype safety', () => {
  it('accepts a complete, valid kitchen-sink answer set with no errors', () => {
    expect(compileValidator(kitchenSink, { regionCodes: REGION_CODES })(validKitchenSink)).toEqual([]);
  });

  it('names an unknown key "unknown question"', () => {
    expect(validate([{ type: 'text', name: 'a' }], { a: 'x', b: 'y' })).toEqual([
      { question: 'b', message: 'unknown question' },
    ]);
  });

  it('treats own __proto__, constructor and toString keys as unknown questions and pollutes nothing', () => {
    const data = JSON.parse(
      '{"__proto__": {"polluted": true}, "constructor": 1, "toString": "x", "a": "ok"}',
    ) as Record<string, unknown>;
    const errors = validate([{ type: 'text', name: 'a' }], data);
    expect(errors.map((e) => e.question).sort()).toEqual(['__proto__', 'constructor', 'toString']);
    expect(errors.every((e) => e.message === 'unknown question')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('ignores inherited properties: a polluted Object.prototype does not answer a question', () => {
    const judge = compileJudge(survey([{ type: 'text', name: 'inherited_q', isRequired: true }]), options);
    // Simulates pollution by some other code: the validator must only read the request's own keys.
    Object.defineProperty(Object.prototype, 'inherited_q', {
      value: 'x',
      configurable: true,
      enumerable: false,
    });
    try {
      expect(judge({}).map((e) => e.rule)).toEqual(['required']);
    } finally {
      delete (Object.prototype as Record<string, unknown>).inherited_q;
    }
  });

  it('refuses a <name>-Comment for a question that offers no comment', () => {
    expect(validate([{ type: 'text', name: 'a' }], { 'a-Comment': 'x' })).toEqual([
      { question: 'a-Comment', message: 'unknown question' },
    ]);
  });

  it('lists at most 20 unknown keys one by one and counts the rest in one more error', () => {
    const data: Record<string, unknown> = { a: 'x' };
    for (let i = 0; i < 5000; i++) data[`junk${i}`] = i;
    const errors = validate([{ type: 'text', name: 'a' }], data);
    expect(errors).toHaveLength(21);
    expect(errors[20]).toEqual({
      question: 'junk20',
      message: 'unknown question (and 4979 more unknown questions, not listed)',
    });
  });

  it('refuses data that is not a plain object', () => {
    expect(validate([{ type: 'text', name: 'a' }], [] as unknown as Record<string, unknown>)).toHaveLength(1);
  });

  it('lists errors in definition order, unknown keys last', () => {
    const elements = [
      { type: 'text', name: 'first', isRequired: true },
      { type: 'text', name: 'second', inputType: 'number' },
    ];
    expect(validate(elements, { zzz: 1, second: 'x' }).map((e) => e.question)).toEqual([
      'first',
      'second',
      'zzz',
    ]);
  });
});

describe('compiled validator: visibility at completion', () => {
  const gate = { type: 'boolean', name: 'gate' };

  it('refuses an answer to a question hidden by its visibleIf on the submitted data', () => {
    const elements = [gate, { type: 'text', name: 'q', visibleIf: '{gate} = true' }];
    expect(validate(elements, { gate: false, q: 'x' })).toEqual([
      { question: 'q', message: 'answer given for a hidden question' },
    ]);
    expect(validate(elements, { gate: true, q: 'x' })).toEqual([]);
  });

  it('refuses an answer inside a panel hidden by the panel visibleIf', () => {
    const elements = [
      gate,
      { type: 'panel', name: 'pn', visibleIf: '{gate} = true', elements: [{ type: 'text', name: 'q' }] },
    ];
    expect(rulesOf(elements, { gate: false, q: 'x' })).toEqual(['q:hidden-answer']);
  });

  it('refuses an answer on a page hidden by the page visibleIf', () => {
    const definition = {
      pages: [
        { name: 'p1', elements: [gate] },
        { name: 'p2', visibleIf: '{gate} = true', elements: [{ type: 'text', name: 'q', isRequired: true }] },
      ],
    };
    const judge = compileJudge(definition, options);
    expect(judge({ gate: false, q: 'x' }).map((e) => e.rule)).toEqual(['hidden-answer']);
    // Hidden, so its isRequired does not apply either.
    expect(judge({ gate: false })).toEqual([]);
  });

  it('refuses a static visible: false question with a value, and its comment', () => {
    const elements = [{ type: 'radiogroup', name: 'q', visible: false, choices: ['a'], showOtherItem: true }];
    expect(rulesOf(elements, { q: 'other', 'q-Comment': 'x' })).toEqual([
      'q:hidden-answer',
      'q:hidden-answer',
    ]);
  });

  it('accepts an empty value ("" or [] or null) for a hidden question', () => {
    const elements = [gate, { type: 'checkbox', name: 'q', choices: ['a'], visibleIf: '{gate} = true' }];
    expect(validate(elements, { gate: false, q: [] })).toEqual([]);
    expect(validate(elements, { gate: false, q: null })).toEqual([]);
  });

  it('computes expression questions so that conditions can read them', () => {
    const elements = [
      { type: 'text', name: 'age', inputType: 'number' },
      { type: 'expression', name: 'double', expression: '{age} * 2' },
      { type: 'text', name: 'bonus', visibleIf: '{double} > 100' },
    ];
    expect(validate(elements, { age: 60, bonus: 'x' })).toEqual([]);
    expect(rulesOf(elements, { age: 20, bonus: 'x' })).toEqual(['bonus:hidden-answer']);
  });

  it('refuses any value sent for an expression question, even the right one', () => {
    const elements = [
      { type: 'text', name: 'age', inputType: 'number' },
      { type: 'expression', name: 'double', expression: '{age} * 2' },
    ];
    expect(rulesOf(elements, { age: 2, double: 4 })).toEqual(['double:computed']);
  });

  it('refuses a value for an html element', () => {
    expect(rulesOf([{ type: 'html', name: 'note', html: '<p>hi</p>' }], { note: 'x' })).toEqual([
      'note:no-value',
    ]);
  });
});

describe('compiled validator: required', () => {
  const required = (q: object) => [{ name: 'q', isRequired: true, ...q }];

  it('requires a visible isRequired question and says so', () => {
    expect(validate(required({ type: 'text' }), {})).toEqual([
      { question: 'q', message: 'an answer is required' },
    ]);
  });

  it('counts a string of spaces as no answer, as survey-core does', () => {
    expect(rulesOf(required({ type: 'text' }), { q: '   ' })).toEqual(['q:required']);
  });

  it('counts boolean false and the number 0 as answers', () => {
    expect(validate(required({ type: 'boolean' }), { q: false })).toEqual([]);
    expect(validate(required({ type: 'text', inputType: 'number' }), { q: 0 })).toEqual([]);
  });

  it('counts [] and a matrix whose rows are all empty as no answer', () => {
    expect(rulesOf(required({ type: 'checkbox', choices: ['a'] }), { q: [] })).toEqual(['q:required']);
    expect(rulesOf(required({ type: 'matrix', rows: ['r'], columns: ['c'] }), { q: { r: '' } })).toEqual([
      'q:required',
    ]);
    expect(rulesOf(required({ type: 'matrix', rows: ['r'], columns: ['c'] }), { q: {} })).toEqual([
      'q:required',
    ]);
  });

  it('follows requiredIf, which overrides isRequired', () => {
    const elements = [
      { type: 'boolean', name: 'gate' },
      { type: 'text', name: 'q', isRequired: true, requiredIf: '{gate} = true' },
    ];
    expect(rulesOf(elements, { gate: true })).toEqual(['q:required']);
    expect(rulesOf(elements, { gate: false })).toEqual([]);
  });

  it('does not require a read-only question (readOnly or enableIf false) but still checks its type', () => {
    const elements = [
      { type: 'boolean', name: 'gate' },
      { type: 'text', name: 'q', inputType: 'number', isRequired: true, enableIf: '{gate} = true' },
      { type: 'text', name: 'r', isRequired: true, readOnly: true },
    ];
    expect(rulesOf(elements, { gate: false })).toEqual([]);
    expect(rulesOf(elements, { gate: true })).toEqual(['q:required']);
    expect(rulesOf(elements, { gate: false, q: 'seven' })).toEqual(['q:type']);
  });

  it('requires one answer in a required panel, named on its first visible question', () => {
    const elements = [
      {
        type: 'panel',
        name: 'ideas',
        isRequired: true,
        elements: [
          { type: 'text', name: 'a', visible: false },
          { type: 'text', name: 'b' },
          { type: 'text', name: 'c' },
        ],
      },
    ];
    expect(validate(elements, {})).toEqual([
      { question: 'b', message: 'answer at least one question of panel "ideas"' },
    ]);
    expect(validate(elements, { c: 'x' })).toEqual([]);
  });
});
