// The reader's language (kk, ru or en): a saved choice first, then the browser's languages, else Kazakh.
// Also reads SurveyJS-style localized strings ({default, kk, ru} or {kk, ru, en}) in that language.
import type { Locale, LocalizedText } from '../../server/catalog/types';

export type { Locale, LocalizedText };

export const LOCALES: readonly Locale[] = ['kk', 'ru', 'en'];

/** Each language's name in itself, as the switch shows it. */
export const LOCALE_NAMES: Record<Locale, string> = { kk: 'Қазақша', ru: 'Русский', en: 'English' };

const STORAGE_KEY = 'saualnama.locale';

function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** First of the browser's languages we speak, by prefix (kk-KZ → kk); Kazakh, the state language, otherwise. */
export function pickLocale(languages: readonly string[]): Locale {
  for (const tag of languages) {
    const prefix = tag.toLowerCase().split(/[-_]/)[0];
    if (isLocale(prefix)) return prefix;
  }
  return 'kk';
}

export function initialLocale(): Locale {
  const saved = readStorage(STORAGE_KEY);
  if (isLocale(saved)) return saved;
  const languages = navigator.languages?.length ? navigator.languages : [navigator.language];
  return pickLocale(languages);
}

export function saveLocale(locale: Locale): void {
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Private modes and full storage refuse writes; the choice then lasts for this page only.
  }
}

function readStorage(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

/**
 * A localized string in the reader's language. Survey files key English as `default` (SurveyJS's convention),
 * briefings as `en`; a missing translation falls back to English, then to whatever language is there.
 */
export function localized(text: LocalizedText | undefined | null, locale: Locale): string {
  if (text == null) return '';
  if (typeof text === 'string') return text;
  return text[locale] ?? text.default ?? text.en ?? Object.values(text)[0] ?? '';
}

/** A briefing's city in the reader's language, else as first typed (briefings made before cities had languages). */
export function cityIn(
  briefing: { city: string; cityNames?: Partial<Record<Locale, string>> },
  locale: Locale,
): string {
  return briefing.cityNames?.[locale] || briefing.city;
}
