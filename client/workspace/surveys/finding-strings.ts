// check's findings in the reader's language, from their code and parameters (server/catalog/finding-codes.ts).
// survey-core's and the validator's own explanations exist only in English: they are quoted inside the sentence.
import type { FindingCode, FindingParams } from '../../../server/catalog/finding-codes';
import type { Locale } from '../../lib/locale';

type Words = Record<FindingCode, (p: FindingParams) => string>;

const LANGUAGE: Record<'kk' | 'ru', Record<string, string>> = {
  kk: { kk: 'қазақша', ru: 'орысша', en: 'ағылшынша' },
  ru: { kk: 'казахский', ru: 'русский', en: 'английский' },
};

const kk: Words = {
  'plain-string': (p) => `«${p.text}» — жай мәтін: ағылшынша (default), қазақша (kk) және орысша (ru) нұсқалары керек`,
  'missing-text': (p) => `${LANGUAGE.kk[p.locale!] ?? p.locale} мәтіні жоқ`,
  'same-text': (p) =>
    `${LANGUAGE.kk[p.locale!]} мәтін ${LANGUAGE.kk[p.as!]} мәтінмен бірдей: «${p.text}» (аударылмаған болар)`,
  'value-without-text': () => 'мәні бар, мәтіні жоқ: респондент кодты көреді',
  'survey-core': (p) => `SurveyJS кітапханасы қабылдамайды (ағылшынша): ${p.detail}`,
  'unnamed-question': () => 'сұрақтың атауы (name) жоқ',
  'name-used': (p) => `«${p.name}» сұрақ атауы ${p.first} жерінде бұрын қолданылған`,
  'forbidden-type': (p) => `«${p.name}» сұрағының түрі ${p.type}: Saualnama мұндай сұрақты қабылдамайды`,
  'no-value': () => 'мәні (value) жоқ',
  'value-repeats': (p) => `«${p.value}» мәні ${p.list}[${p.first}] мәнін қайталайды`,
  'no-region': () => '«region» деген сұрақ жоқ (әр сауалнама респонденттің өңірін сұрайды)',
  'region-type': (p) => `«region» ашылмалы тізім (dropdown) немесе radiogroup болуы керек, ${p.type} емес`,
  'region-lacks': (p) => `мына өңір кодтары жетіспейді: ${p.codes}`,
  'region-extra': (p) => `өңір коды емес мәндер бар: ${p.values}`,
  'region-other': () => 'өңір — 20 кодтың дәл біреуі: «басқа» немесе «ешқайсысы» болмайды',
  validator: (p) => `жауап тексерушісі қабылдамайды (ағылшынша): ${p.detail}`,
};

const ru: Words = {
  'plain-string': (p) =>
    `«${p.text}» — простая строка: нужны английский (default), казахский (kk) и русский (ru) варианты`,
  'missing-text': (p) => `нет текста: ${LANGUAGE.ru[p.locale!] ?? p.locale}`,
  'same-text': (p) =>
    `${LANGUAGE.ru[p.locale!]} текст совпадает с текстом (${LANGUAGE.ru[p.as!]}): «${p.text}» (видимо, не переведён)`,
  'value-without-text': () => 'есть значение, но нет текста: респондент увидит код',
  'survey-core': (p) => `библиотека SurveyJS не принимает (по-английски): ${p.detail}`,
  'unnamed-question': () => 'у вопроса нет имени (name)',
  'name-used': (p) => `имя вопроса «${p.name}» уже использовано в ${p.first}`,
  'forbidden-type': (p) => `вопрос «${p.name}» типа ${p.type}: Saualnama такие вопросы не принимает`,
  'no-value': () => 'нет значения (value)',
  'value-repeats': (p) => `значение «${p.value}» повторяет ${p.list}[${p.first}]`,
  'no-region': () => 'нет вопроса «region» (каждая анкета спрашивает регион респондента)',
  'region-type': (p) => `«region» должен быть выпадающим списком (dropdown) или radiogroup, а не ${p.type}`,
  'region-lacks': (p) => `не хватает кодов регионов: ${p.codes}`,
  'region-extra': (p) => `есть значения, которые не являются кодами регионов: ${p.values}`,
  'region-other': () => 'регион — ровно один из 20 кодов: без «другого» и «ничего»',
  validator: (p) => `проверка ответов не принимает (по-английски): ${p.detail}`,
};

const en: Words = {
  'plain-string': (p) => `"${p.text}" is a plain string: it needs default (English), kk and ru`,
  // As the CLI words them (locale codes), so that en readers see what `npm run cli -- check` prints.
  'missing-text': (p) => `missing ${p.locale} text`,
  'same-text': (p) => `${p.locale} text equals the ${p.as === 'ru' ? 'ru' : 'English'} text: "${p.text}"`,
  'value-without-text': () => 'has a value but no text: the code would be shown',
  'survey-core': (p) => `survey-core: ${p.detail}`,
  'unnamed-question': () => 'a question without a name',
  'name-used': (p) => `question name "${p.name}" is already used at ${p.first}`,
  'forbidden-type': (p) => `question "${p.name}" is of type ${p.type}, which Saualnama does not accept`,
  'no-value': () => 'has no value',
  'value-repeats': (p) => `value "${p.value}" repeats ${p.list}[${p.first}]`,
  'no-region': () => `has no question named "region" (every survey asks the respondent's region)`,
  'region-type': (p) => `"region" must be a dropdown or radiogroup, not ${p.type}`,
  'region-lacks': (p) => `lacks region codes ${p.codes}`,
  'region-extra': (p) => `offers values that are not region codes: ${p.values}`,
  'region-other': () => 'the region is exactly one of the 20 codes: no "other" or "none"',
  validator: (p) => `the answer validator refuses it: ${p.detail}`,
};

const WORDS: Record<Locale, Words> = { kk, ru, en };

/** The finding in the reader's language; the server's English when it brings no code (or an unknown one). */
export function findingText(
  finding: { message: string; code?: FindingCode; params?: FindingParams },
  locale: Locale,
): string {
  const say = finding.code && WORDS[locale][finding.code];
  return say ? say(finding.params ?? {}) : finding.message;
}

export const FINDING_CODES = Object.keys(en) as FindingCode[];
