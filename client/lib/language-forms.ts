// Word forms the browser's Intl cannot give us here (Chromium ships no Kazakh calendar data): month names for
// dates written out, and Russian plural forms. Shared by the respondent page and the workspace.

/** Kazakh writes the month in the nominative after the day: «15 қыркүйек 2023 ж.». */
export const KK_MONTHS: readonly string[] = [
  'қаңтар',
  'ақпан',
  'наурыз',
  'сәуір',
  'мамыр',
  'маусым',
  'шілде',
  'тамыз',
  'қыркүйек',
  'қазан',
  'қараша',
  'желтоқсан',
];

/** Russian writes the month in the genitive after the day: «15 сентября 2023 г.». */
export const RU_MONTHS: readonly string[] = [
  'января',
  'февраля',
  'марта',
  'апреля',
  'мая',
  'июня',
  'июля',
  'августа',
  'сентября',
  'октября',
  'ноября',
  'декабря',
];

/** Russian counts take one of three forms: 1 ответ, 2–4 ответа, 5–20 ответов (and 21 ответ again). */
export function ruPlural(n: number, one: string, few: string, many: string): string {
  const [ten, hundred] = [n % 10, n % 100];
  if (ten === 1 && hundred !== 11) return one;
  return ten >= 2 && ten <= 4 && (hundred < 12 || hundred > 14) ? few : many;
}
