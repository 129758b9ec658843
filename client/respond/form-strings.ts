// The form's own words around SurveyJS (the progress indicator, the note on a full "choose up to N" question)
// in Kazakh, Russian and English; the page chrome's words are in client/lib/strings.ts.
import type { Locale } from '../lib/locale';

export interface FormStrings {
  /** The progress indicator's accessible name. */
  progressLabel: string;
  /** "Page k of n", as the indicator shows it above every page. */
  pageOf: (page: number, pages: number) => string;
  /** Said under a question once `max` choices are ticked: why the others no longer respond to a tap. */
  choicesFull: (max: number) => string;
}

const FORM_STRINGS: Record<Locale, FormStrings> = {
  kk: {
    progressLabel: 'Сауалнама бөлімдері',
    pageOf: (k, n) => `${k}-бет, барлығы ${n}`,
    choicesFull: (max) =>
      `Ең көбі ${max} нұсқа таңдалды, қалғандары жабық. Басқасын таңдау үшін алдымен біреуінің белгісін алып тастаңыз.`,
  },
  ru: {
    progressLabel: 'Разделы анкеты',
    pageOf: (k, n) => `Страница ${k} из ${n}`,
    choicesFull: (max) =>
      `Выбрано максимум вариантов (${max}), остальные закрыты. Чтобы выбрать другой, сначала снимите отметку с одного из выбранных.`,
  },
  en: {
    progressLabel: 'Survey sections',
    pageOf: (k, n) => `Page ${k} of ${n}`,
    choicesFull: (max) =>
      `The most you can choose (${max}) is chosen, so the other options are locked. To choose another, untick one first.`,
  },
};

export function formStringsFor(locale: Locale): FormStrings {
  return FORM_STRINGS[locale];
}
