// check's findings in the workspace's three languages: every finding of one definition carries a code that the
// page words in kk, ru and en, and the English words are the CLI's message.
import { describe, expect, it } from 'vitest';
import { findingText } from '../../client/workspace/surveys/finding-strings';
import { checkDefinition } from '../../server/catalog/check-definition';
import type { SurveyJson } from '../../server/catalog/types';

/** One definition with a problem of nearly every kind. */
const broken: SurveyJson = {
  title: 'Plain title',
  unknownSurveyProperty: true,
  pages: [
    {
      elements: [
        { type: 'radiogroup', name: 'region', choices: ['KZ-10', 'XX'], showOtherItem: true },
        { type: 'text', name: 'a', title: { default: 'A', kk: 'A', ru: 'Б' } },
        { type: 'text', name: 'a', title: { default: 'B', ru: 'В' } },
        { type: 'text', title: { default: 'C', kk: 'С', ru: 'Ц' } },
        { type: 'file', name: 'photo', title: { default: 'Photo', kk: 'Фото', ru: 'Фотография' } },
        {
          type: 'checkbox',
          name: 'needs',
          title: { default: 'Needs', kk: 'Қажеттер', ru: 'Нужды' },
          choices: [
            { value: 'x' },
            { value: 'x', text: { default: 'X', kk: 'Х', ru: 'Икс' } },
            { value: '' },
          ],
        },
      ],
    },
  ],
};

describe('findingText', () => {
  const { findings } = checkDefinition(broken);

  it('words every finding of a definition in kk and ru, not in the English of the CLI', () => {
    const codes = new Set(findings.map((f) => f.code));
    for (const code of [
      'plain-string',
      'missing-text',
      'same-text',
      'value-without-text',
      'survey-core',
      'unnamed-question',
      'name-used',
      'forbidden-type',
      'no-value',
      'value-repeats',
      'region-lacks',
      'region-extra',
      'region-other',
    ])
      expect(codes, code).toContain(code);
    for (const f of findings) {
      expect(f.code, f.message).toBeDefined();
      const kk = findingText(f, 'kk');
      const ru = findingText(f, 'ru');
      expect(kk).not.toBe(f.message);
      expect(ru).not.toBe(f.message);
      expect(`${kk} ${ru}`).not.toMatch(/undefined/);
      expect(kk).toMatch(/[әғқңөұүһі]/);
    }
  });

  it('says in English what the CLI says', () => {
    for (const f of findings) expect(findingText(f, 'en')).toBe(f.message);
  });

  it('falls back to the server’s message for a finding without a code', () => {
    expect(findingText({ message: 'versions are not numbered 1, 2, 3' }, 'kk')).toBe(
      'versions are not numbered 1, 2, 3',
    );
  });
});
