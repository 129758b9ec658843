// Counts, shares and dates as the reader's language writes them, shared by coverage, the free-text browser and
// the brief. Written by hand rather than with Intl: Chromium builds may lack Kazakh ICU data (see shell strings).
import { kazakhstanDay } from '../../../server/domain/kazakhstan-time';
import type { Count } from '../../../server/http/contract/aggregates';
import type { Locale } from '../../lib/locale';
import { shellStrings } from '../strings';
import { KK_MONTHS, RU_MONTHS } from '../../lib/language-forms';

export type { Count };

/** The count, or null when small-cell suppression hid it. */
export const countOf = (c: Count | undefined): number | null => (c && c.suppressed !== true ? c.count : null);

/** Kazakh and Russian write a decimal comma; English a point. */
export function decimal(value: number, digits: number, locale: Locale): string {
  const text = value.toFixed(digits);
  return locale === 'en' ? text : text.replace('.', ',');
}

/** A count with thousands grouped, or "< k" when suppressed. */
export function countText(c: Count | undefined, k: number, locale: Locale): string {
  if (!c) return '';
  return c.suppressed === true ? `< ${k}` : shellStrings(locale).number(c.count);
}

/** A whole-number percentage ("42 %" in kk/ru as their typography has it, "42%" in English). */
export function percentText(percent: number, locale: Locale): string {
  const rounded = Math.round(percent);
  return locale === 'en' ? `${rounded}%` : `${rounded}\u00a0%`;
}

/** A Count's share, or "< k" when suppressed, or '' when there is no denominator. */
export function shareText(c: Count | undefined, k: number, locale: Locale): string {
  if (!c) return '';
  if (c.suppressed === true) return `< ${k}`;
  return c.percent === null ? '' : percentText(c.percent, locale);
}

const MONTHS: Record<Locale, readonly string[]> = {
  kk: KK_MONTHS,
  ru: RU_MONTHS,
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
};

/** A calendar day (YYYY-MM-DD) in words: «15 қыркүйек 2023 ж.», «15 сентября 2023 г.», «15 Sep 2023». */
export function dayText(day: string, locale: Locale): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(day);
  if (!match) return day;
  const [, year, month, date] = match;
  const name = MONTHS[locale][Number(month) - 1] ?? month;
  const suffix = locale === 'kk' ? '\u00a0ж.' : locale === 'ru' ? '\u00a0г.' : '';
  return `${Number(date)}\u00a0${name} ${year}${suffix}`;
}

/** The day in Kazakhstan (UTC+5, as the counts are kept) of an instant. */
export function kzDay(instant: string | Date): string {
  return kazakhstanDay(instant);
}

export { ruPlural } from '../../lib/language-forms';
