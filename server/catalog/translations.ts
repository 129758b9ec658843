// Finds strings a respondent would see untranslated: every localizable text needs kk, ru and English (`default`).
import type { FindingCode, FindingParams } from './finding-codes';
import type { Locale } from './types';

/** SurveyJS properties that hold text shown to people. */
export const LOCALIZABLE = new Set([
  'title',
  'description',
  'text',
  'placeholder',
  'otherText',
  'otherPlaceholder',
  'noneText',
  'selectAllText',
  'commentText',
  'commentPlaceholder',
  'minRateDescription',
  'maxRateDescription',
  'labelTrue',
  'labelFalse',
  'completedHtml',
  'completedBeforeHtml',
  'html',
  'requiredErrorText',
  'otherErrorText',
  'pagePrevText',
  'pageNextText',
  'completeText',
  'startSurveyText',
  'previewText',
  'editText',
  'minErrorText',
  'maxErrorText',
]);
/** Arrays whose plain-string items are shown as labels (a bare "yes" choice has no kk/ru text). */
export const LABEL_LISTS = new Set(['choices', 'rows', 'columns', 'rateValues']);

const REQUIRED_LOCALES: Record<Locale, string> = { en: 'default', kk: 'kk', ru: 'ru' };

export interface TranslationProblem {
  /** JSON path to the string, e.g. pages[1].elements[3].choices[2].text */
  path: string;
  message: string;
  code: FindingCode;
  params: FindingParams;
}

function isLocalizedObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return keys.length > 0 && keys.every((k) => /^(default|[a-z]{2}(-[a-z]+)?)$/i.test(k));
}

function checkLocalized(value: unknown, path: string, strict: boolean, out: TranslationProblem[]): void {
  if (typeof value === 'string') {
    out.push({
      path,
      message: `"${value.slice(0, 40)}" is a plain string: it needs default (English), kk and ru`,
      code: 'plain-string',
      params: { text: value.slice(0, 40) },
    });
    return;
  }
  if (!isLocalizedObject(value)) return;
  for (const [locale, key] of Object.entries(REQUIRED_LOCALES)) {
    const text = value[key];
    if (typeof text !== 'string' || text.trim() === '')
      out.push({ path, message: `missing ${locale} text`, code: 'missing-text', params: { locale } });
  }
  if (!strict) return;
  // The same text in two languages is almost always a copy-paste that was never translated.
  const [en, kk, ru] = [value.default, value.kk, value.ru];
  if (typeof kk === 'string' && kk.trim() !== '' && (kk === ru || kk === en))
    out.push({
      path,
      message: `kk text equals the ${kk === ru ? 'ru' : 'English'} text: "${kk.slice(0, 40)}"`,
      code: 'same-text',
      params: { locale: 'kk', as: kk === ru ? 'ru' : 'en', text: kk.slice(0, 40) },
    });
  else if (typeof ru === 'string' && ru.trim() !== '' && ru === en)
    out.push({
      path,
      message: `ru text equals the English text: "${ru.slice(0, 40)}"`,
      code: 'same-text',
      params: { locale: 'ru', as: 'en', text: ru.slice(0, 40) },
    });
}

/**
 * @param strict also flag texts that are identical across languages (the CLI `check`); start-up only warns
 *   about missing ones, because proper names and numbers can legitimately be the same.
 */
export function findTranslationProblems(definition: unknown, strict = false): TranslationProblem[] {
  const out: TranslationProblem[] = [];
  const walk = (node: unknown, path: string): void => {
    if (Array.isArray(node)) {
      node.forEach((item, i) => walk(item, `${path}[${i}]`));
      return;
    }
    if (node === null || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      const here = path ? `${path}.${key}` : key;
      if (LOCALIZABLE.has(key)) checkLocalized(value, here, strict, out);
      else if (LABEL_LISTS.has(key) && Array.isArray(value)) {
        value.forEach((item, i) => {
          if (typeof item === 'string') checkLocalized(item, `${here}[${i}]`, strict, out);
          else if (item !== null && typeof item === 'object' && !('text' in item) && key !== 'rateValues')
            out.push({
              path: `${here}[${i}]`,
              message: 'has a value but no text: the code would be shown',
              code: 'value-without-text',
              params: {},
            });
          else walk(item, `${here}[${i}]`);
        });
      } else walk(value, here);
    }
  };
  walk(definition, '');
  return out;
}
