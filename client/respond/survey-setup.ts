// Everything survey-core needs before a form is shown: the custom `pii` property, SurveyJS's own kk/ru words
// (with a few Kazakh fixes), and a calm theme that uses the phone's system font instead of a web font.
import { DefaultTheme, Model, surveyLocalization } from 'survey-core';
import 'survey-core/i18n/kazakh';
import 'survey-core/i18n/russian';
import { registerCustomProperties } from '../../server/catalog/serializer';
import type { SurveyJson } from '../../server/catalog/types';
import type { Locale } from '../lib/locale';
import { adaptForPhones, switchLocale } from './phone-form';

// The one registration the server's catalog uses too, so a definition loads identically on both sides.
registerCustomProperties();

// survey-core's Kazakh file has machine-translated and broken strings among those a respondent sees
// (e.g. "{0} ден {1} бет" for "Page {0} of {1}"). These read naturally; the rest stay as shipped.
Object.assign(surveyLocalization.locales.kk as Record<string, string>, {
  completeText: 'Жіберу',
  progressText: '{0}-бет, барлығы {1}',
  indexText: '{0} / {1}',
  placeholder: 'Таңдаңыз…',
  ratingOptionsCaption: 'Таңдаңыз…',
  commentText: 'Түсініктеме қалдырыңыз',
  otherItemText: 'Басқа (жазыңыз)',
  otherRequiredError: 'Өтінеміз, «Басқа» жолына мәтін жазыңыз.',
  requiredInAllRowsError: 'Өтінеміз, әр жолдағы сұраққа жауап беріңіз.',
  textMinLength: 'Өтінеміз, кемінде {0} таңба жазыңыз.',
  textMaxLength: 'Өтінеміз, {0} таңбадан аспаңыз.',
  textMinMaxLength: 'Өтінеміз, кемінде {0}, ең көбі {1} таңба жазыңыз.',
  minSelectError: 'Өтінеміз, кемінде {0} нұсқа таңдаңыз.',
  maxSelectError: 'Өтінеміз, {0} нұсқадан артық таңдамаңыз.',
  minError: 'Мән {0} мәнінен кем болмауы керек.',
  maxError: 'Мән {0} мәнінен аспауы керек.',
  numericMinMax: '«{0}» мәні {1} мен {2} аралығында болуы керек.',
  numericMin: '«{0}» мәні {1} мәнінен кем болмауы керек.',
  numericMax: '«{0}» мәні {1} мәнінен аспауы керек.',
  hideDetails: 'Егжей-тегжейін жасыру',
  tagboxDoneButtonCaption: 'Дайын',
  ok: 'Жарайды',
});
// The last button sends the answers, so it says so (SurveyJS says "Complete" / "Готово").
Object.assign(surveyLocalization.locales.ru as Record<string, string>, { completeText: 'Отправить' });
Object.assign(surveyLocalization.locales.en as Record<string, string>, { completeText: 'Send' });

const SYSTEM_FONTS =
  'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif';

/** A SurveyJS model for one survey version, in the reader's language, ready for survey-react-ui. */
export function createModel(definition: SurveyJson, locale: Locale): Model {
  const model = new Model(definition);
  adaptForPhones(model);
  switchLocale(model, locale);
  // The page shows its own receipt (with the reference and the send state) instead of SurveyJS's.
  model.showCompletePage = false;
  // Text reaches the model (and so the draft) as it is typed, not on blur: a phone that hides the tab mid-answer
  // never blurs the field, and the draft would miss the last sentence.
  model.textUpdateMode = 'onTyping';
  model.applyTheme(
    {
      cssVariables: {
        // The default theme names "Open Sans", which the fontless CSS never loads: without this, Chromium
        // falls back to a serif font. System fonts all carry Kazakh Cyrillic (ә, ғ, қ, ң, ө, ұ, ү, һ, і).
        '--sjs2-typography-font-family-text': SYSTEM_FONTS,
        '--sjs2-color-project-brand-600': '#1f6f8b',
        // SurveyJS's 28 px survey title takes five lines of a phone for a long Kazakh title; scale it with the width.
        '--sjs2-typography-font-size-component-survey-header-title': 'clamp(20px, 4vw + 5px, 28px)',
        '--sjs2-typography-line-height-component-survey-header-title': '1.3',
      },
    },
    DefaultTheme,
  );
  return model;
}
