// The words of grid and repeat charts (issue 19) in Kazakh, Russian and English; labels come from the survey.
import type { Locale } from '../lib/locale';

export interface PartsStrings {
  entries: string;
  /** Respondents with at least one entry (of this field, or of this value): short, it names a legend item. */
  withEntry: string;
  entriesPerRespondent: string;
  /** A repeat field's n: its entries and the respondents they come from. */
  entriesLine: (entries: string, respondents: string) => string;
  /** The entries chart's n: those asked, and all entries. */
  askedLine: (asked: string, entries: string) => string;
  fieldNote: string;
  /** Text and number fields of a repeat, in one chart. */
  filled: string;
  /** A grid's text column, a multipletext's items: who answered each row. */
  answeredSeries: string;
  numberOfEntries: string;
  orMore: (n: number) => string;
}

const kk: PartsStrings = {
  entries: 'Жазбалар',
  withEntry: 'Кемінде бір жазбасы барлар',
  entriesPerRespondent: 'бір респонденттің жазбалар саны',
  entriesLine: (entries, respondents) => `n = ${entries} жазба, ${respondents} респонденттен`,
  askedLine: (asked, entries) => `Сұрақ ${asked} адамға қойылды · барлығы ${entries} жазба`,
  fieldNote: 'Жазбалардың үлесі және кемінде бір осындай жазбасы бар респонденттердің үлесі.',
  filled: 'толтырылған өрістер',
  answeredSeries: 'Жауап бергендер',
  numberOfEntries: 'Жазбалар саны',
  orMore: (n) => `${n} не одан көп`,
};

const ru: PartsStrings = {
  entries: 'Записи',
  withEntry: 'С хотя бы одной записью',
  entriesPerRespondent: 'число записей у респондента',
  entriesLine: (entries, respondents) => `n = ${entries} записей от ${respondents} респондентов`,
  askedLine: (asked, entries) => `Вопрос задан ${asked} · всего записей: ${entries}`,
  fieldNote: 'Доля записей и доля респондентов, у которых есть хотя бы одна такая запись.',
  filled: 'заполненные поля',
  answeredSeries: 'Ответили',
  numberOfEntries: 'Число записей',
  orMore: (n) => `${n} и больше`,
};

const en: PartsStrings = {
  entries: 'Entries',
  withEntry: 'With at least one entry',
  entriesPerRespondent: 'entries per respondent',
  entriesLine: (entries, respondents) => `n = ${entries} entries from ${respondents} respondents`,
  askedLine: (asked, entries) => `Asked: ${asked} · ${entries} entries in all`,
  fieldNote: 'Share of entries, and share of respondents with at least one such entry.',
  filled: 'fields filled in',
  answeredSeries: 'Answered',
  numberOfEntries: 'Number of entries',
  orMore: (n) => `${n} or more`,
};

export const PARTS_STRINGS: Record<Locale, PartsStrings> = { kk, ru, en };
