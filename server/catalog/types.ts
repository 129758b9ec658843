// Shapes shared by the catalog, the validator and the routes: survey ids, definitions and answer errors.

/** A SurveyJS definition as stored in surveys/<id>/v<N>.json (plain JSON, localized strings inside). */
export type SurveyJson = { [key: string]: unknown };

/** One localizable string: a plain string or `{default, kk, ru, ...}` (`default` is English). */
export type LocalizedText = string | { [locale: string]: string };

export type SurveyId = string & { readonly __brand: 'SurveyId' };
export type RegionCode = string & { readonly __brand: 'RegionCode' };

export const LOCALES = ['kk', 'ru', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** One refused answer, named by question (or by envelope field such as `briefing`). */
export interface AnswerError {
  question: string;
  message: string;
}

/** Judges one response's answers against one compiled survey version; [] means accepted. */
export type AnswerValidator = (data: Record<string, unknown>) => AnswerError[];
