// What the form does beyond SurveyJS's defaults so that it reads well on a 390 px phone and in every language:
// our own progress indicator instead of SurveyJS's, the survey's title and introduction on the first page only,
// ratings as buttons, a visible reason when a "choose up to N" question is full, the region list in the
// reader's alphabetical order, and popups (Cancel…) that follow a language switch. Presentation only: the
// answers and their codes are exactly what the definition says.
import { ItemValue, type Model, type Question, type QuestionCheckboxModel } from 'survey-core';
import { LOCALES, type Locale } from '../lib/locale';
import { formStringsFor } from './form-strings';

export function adaptForPhones(model: Model): void {
  // client/respond/page-progress.tsx shows the current step and "page k of n" on every page instead.
  model.showProgressBar = false;
  const showHeaderOnFirstPage = () => {
    // The title and the introduction take ~400 px of a phone: once read on page 1, every later page starts
    // with its own questions.
    model.showTitle = model.currentPageNo === 0;
  };
  showHeaderOnFirstPage();
  model.onCurrentPageChanged.add(showHeaderOnFirstPage);
  model.onScrollToTop.add((_, options) => {
    // A new page starts at the top of the window, so the language switch, the progress indicator and the
    // page's title are in sight (SurveyJS would scroll the page's title under the sticky indicator).
    if (!options.element.isPage) return;
    options.allow = false;
    window.scrollTo(0, 0);
  });

  for (const question of model.getAllQuestions()) {
    if (question.getType() === 'rating') {
      // SurveyJS turns a rating that does not fit beside its end labels into a dropdown (two taps, then a bare
      // «4»). Buttons with the end labels above and below fit 390 px.
      question.displayMode = 'buttons';
      question.rateDescriptionLocation = 'topBottom';
    }
    if (question.getType() === 'checkbox' && (question as QuestionCheckboxModel).maxSelectedChoices > 0) {
      explainFullChoices(model, question as QuestionCheckboxModel);
    }
  }
}

/**
 * Once `maxSelectedChoices` are ticked SurveyJS disables the other items; respond.css greys them, and the
 * question's description says why in every language (so a language switch keeps it right).
 */
function explainFullChoices(model: Model, question: QuestionCheckboxModel): void {
  const original = (question.locDescription.getJson() ?? {}) as string | Record<string, string>;
  const originalIn = (lang: string): string =>
    typeof original === 'string' ? original : (original[lang] ?? original.default ?? '');
  const update = () => {
    const max = question.maxSelectedChoices;
    const chosen = Array.isArray(question.value) ? question.value.length : 0;
    const full = chosen >= max;
    const json: Record<string, string> = {};
    for (const lang of ['default', ...LOCALES]) {
      const note = full ? formStringsFor(lang === 'default' ? 'en' : (lang as Locale)).choicesFull(max) : '';
      json[lang] = [originalIn(lang), note].filter(Boolean).join(' ');
    }
    question.locDescription.setJson(json);
  };
  update();
  question.registerFunctionOnPropertyValueChanged('value', update, 'choices-full-note');
  // A screen reader hears the note when it appears, not only when it returns to the question.
  model.onAfterRenderQuestion.add((_, options) => {
    if (options.question !== question) return;
    options.htmlElement.querySelector('.sd-question__description')?.setAttribute('aria-live', 'polite');
  });
}

/** Switches the form to `locale`: SurveyJS's texts, the region list's order, and its popups' buttons. */
export function switchLocale(model: Model, locale: Locale): void {
  model.locale = locale;
  const region = model.getQuestionByName('region');
  if (region) sortChoices(region, locale);
  for (const question of model.getAllQuestions()) resetPopup(question);
}

/** The 20 regions in the reader's alphabetical order (the definition lists them in Kazakh order). */
function sortChoices(question: Question, locale: Locale): void {
  const choices = (question as unknown as { choices?: ItemValue[] }).choices;
  if (!Array.isArray(choices)) return;
  const collator = new Intl.Collator(locale);
  const sorted = [...choices].sort((a, b) => collator.compare(a.calculatedText, b.calculatedText));
  if (sorted.every((item, i) => item === choices[i])) return;
  (question as unknown as { choices: ItemValue[] }).choices = sorted;
}

/**
 * A dropdown's popup takes its language when first built and keeps it: after a switch its «Cancel» stayed in
 * the first language. Dropping the list model makes SurveyJS build a new one, in the new language, on the next
 * render (survey-form.tsx renders the survey again on a switch).
 */
function resetPopup(question: Question): void {
  const holder = question as unknown as { dropdownListModelValue?: { dispose(): void } };
  if (!holder.dropdownListModelValue) return;
  holder.dropdownListModelValue.dispose();
  holder.dropdownListModelValue = undefined;
}
