// Compiling a definition: what is refused at start-up (naming the question), the pii property, and the fact that
// judging a response creates no survey-core Model.
import { Serializer } from 'survey-core';
import { describe, expect, it, vi } from 'vitest';
import { registerCustomProperties } from '../../server/catalog/serializer';
import type { SurveyJson } from '../../server/catalog/types';
import { compileValidator } from '../../server/catalog/validator';

// Counts Model constructions; walk.ts and the tests import the same mocked module.
const models = vi.hoisted(() => ({ created: 0 }));
vi.mock('survey-core', async (importOriginal) => {
  const original = await importOriginal<typeof import('survey-core')>();
  class CountingModel extends original.Model {
    constructor(...args: ConstructorParameters<typeof original.Model>) {
      super(...args);
      models.created++;
    }
  }
  return { ...original, Model: CountingModel };
});

const options = { regionCodes: ['KZ-10'] };
const compileOne = (question: object, survey: object = {}) =>
  compileValidator({ elements: [{ name: 'q', ...question }], ...survey } as SurveyJson, options);

describe('compileValidator refuses what it does not follow, naming the question', () => {
  it.each(['file', 'signaturepad', 'imagepicker'])('refuses a %s question with its name and type', (type) => {
    expect(() => compileOne({ type })).toThrow(new RegExp(`question "q".*${type}`));
  });

  it.each([
    ['choicesByUrl', { choicesByUrl: { url: 'https://example.kz/choices' } }],
    ['choicesVisibleIf', { choicesVisibleIf: '{item} != "a"' }],
    ['choicesEnableIf', { choicesEnableIf: '{item} != "a"' }],
    ['choicesFromQuestion', { choicesFromQuestion: 'other' }],
  ])('refuses %s on a choice question', (property, extra) => {
    expect(() => compileOne({ type: 'checkbox', choices: ['a'], ...extra })).toThrow(
      new RegExp(`question "q": ${property}`),
    );
  });

  it('refuses a choice with its own visibleIf', () => {
    expect(() => compileOne({ type: 'radiogroup', choices: [{ value: 'a', visibleIf: '{x} = 1' }] })).toThrow(
      /question "q".*visibleIf/,
    );
  });

  it('refuses a condition survey-core cannot parse', () => {
    expect(() => compileOne({ type: 'text', visibleIf: '{a} = = 1' })).toThrow(
      /question "q" visibleIf: cannot parse/,
    );
  });

  it('refuses unsupported text inputs, masks and computed limits', () => {
    expect(() => compileOne({ type: 'text', inputType: 'time' })).toThrow(/question "q".*inputType "time"/);
    expect(() => compileOne({ type: 'text', inputType: 'date', min: '2024-01-01' })).toThrow(
      /min\/max on a date/,
    );
    expect(() =>
      compileOne({ type: 'text', maskType: 'pattern', maskSettings: { pattern: '+7 999' } }),
    ).toThrow(/maskType/);
    expect(() => compileOne({ type: 'text', inputType: 'number', min: '=today()' })).toThrow(
      /minValueExpression/,
    );
  });

  it('refuses inside repeats and grids what it cannot follow, naming the outer question and the inner one', () => {
    const template = (elements: unknown[]) => ({ type: 'paneldynamic', templateElements: elements });
    expect(() => compileOne(template([{ type: 'file', name: 'photo' }]))).toThrow(
      /question "q", template: question "photo".*"file"/,
    );
    expect(() => compileOne(template([{ type: 'text', name: 'a', visibleIf: '{prevPanel.a} = 1' }]))).toThrow(
      /\{prevPanel\.a\} is not supported/,
    );
    const grid = { type: 'matrixdynamic', columns: [{ name: 'c', cellType: 'text', isUnique: true }] };
    expect(() => compileOne(grid)).toThrow(/column "c": isUnique/);
    expect(() =>
      compileOne({ type: 'matrixdropdown', rows: ['r'], columns: [{ name: 'c', cellType: 'signaturepad' }] }),
    ).toThrow(/cell type "signaturepad"/);
    expect(() => compileOne({ type: 'matrixdropdown', columns: [{ name: 'c' }] })).toThrow(/has no rows/);
  });

  it('refuses survey settings that change what a valid response is', () => {
    expect(() => compileOne({ type: 'text' }, { clearInvisibleValues: 'none' })).toThrow(
      /clearInvisibleValues/,
    );
    expect(() =>
      compileOne({ type: 'text' }, { triggers: [{ type: 'complete', expression: '{q} = 1' }] }),
    ).toThrow(/triggers/);
    expect(() =>
      compileOne({ type: 'text' }, { calculatedValues: [{ name: 'c', expression: '1' }] }),
    ).toThrow(/calculatedValues/);
  });

  it('refuses a region question that is not a single choice', () => {
    expect(() => compileValidator({ elements: [{ type: 'text', name: 'region' }] }, options)).toThrow(
      /region/,
    );
  });

  it('refuses a question name that collides with another question’s comment key', () => {
    const elements = [
      { type: 'radiogroup', name: 'q', choices: ['a'], showOtherItem: true },
      { type: 'text', name: 'q-Comment' },
    ];
    expect(() => compileValidator({ elements }, options)).toThrow(/"q-Comment" is used twice/);
  });

  it('accepts tagbox, image and html', () => {
    expect(() => compileOne({ type: 'tagbox', choices: ['a'] })).not.toThrow();
    expect(() =>
      compileValidator(
        {
          elements: [
            { type: 'image', name: 'i' },
            { type: 'html', name: 'h' },
          ],
        },
        options,
      ),
    ).not.toThrow();
  });
});

describe('registerCustomProperties', () => {
  it('registers pii once, however often it is called', () => {
    registerCustomProperties();
    registerCustomProperties();
    const pii = Serializer.getProperties('text').filter((p) => p.name === 'pii');
    expect(pii).toHaveLength(1);
    expect(Serializer.findProperty('text', 'pii')?.type).toBe('boolean');
  });
});

describe('judging a response', () => {
  it('creates no survey-core Model: the one Model is made at compile time', () => {
    const validate = compileOne({
      type: 'radiogroup',
      choices: ['a'],
      isRequired: true,
      visibleIf: '{x} empty',
    });
    const before = models.created;
    for (let i = 0; i < 50; i++) validate({ q: i % 2 === 0 ? 'a' : 'b' });
    expect(models.created).toBe(before);
    expect(before).toBeGreaterThan(0);
  });
});
