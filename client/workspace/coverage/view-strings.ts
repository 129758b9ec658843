// The words of the filter bar that coverage, the free-text browser and the brief share, and the small-cell note,
// in Kazakh, Russian and English.
import type { Locale } from '../../lib/locale';

export interface ViewStrings {
  filters: string;
  survey: string;
  closed: string;
  region: string;
  /** The whole country (an unrestricted account) or all of a limited account's regions. */
  allRegions: (limited: boolean) => string;
  from: string;
  to: string;
  periodNote: string;
  badDates: string;
  version: string;
  briefing: string;
  clear: string;
  /** Small-cell suppression, said on every page that shows counts (issue 6, item 5). */
  smallCells: (k: number) => string;
}

const kk: ViewStrings = {
  filters: 'Сүзгілер',
  survey: 'Сауалнама',
  closed: 'жабық',
  region: 'Өңір',
  allRegions: (limited) => (limited ? 'Менің барлық өңірлерім' : 'Бүкіл Қазақстан'),
  from: 'Басы',
  to: 'Соңы',
  periodNote: 'Қазақстан уақытымен (UTC+5); соңғы күн толық кіреді.',
  badDates: 'Кезеңнің соңы басынан бұрын болмауы керек.',
  version: 'Нұсқалар',
  briefing: 'Брифинг',
  clear: 'Сүзгілерді тазалау',
  smallCells: (k) =>
    `«< ${k}» — ${k}-тен аз жауап берушіні білдіреді: шағын өңірдің бірнеше адамын анықтап алмау үшін мұндай сандар мен олардан шығатын пайыздар көрсетілмейді (кейде, айыру арқылы табылмас үшін, көршілес бір сан да жасырылады).`,
};

const ru: ViewStrings = {
  filters: 'Фильтры',
  survey: 'Анкета',
  closed: 'закрыта',
  region: 'Регион',
  allRegions: (limited) => (limited ? 'Все мои регионы' : 'Весь Казахстан'),
  from: 'С',
  to: 'По',
  periodNote: 'По времени Казахстана (UTC+5); последний день входит целиком.',
  badDates: 'Конец периода не может быть раньше его начала.',
  version: 'Версии',
  briefing: 'Брифинг',
  clear: 'Сбросить фильтры',
  smallCells: (k) =>
    `«< ${k}» — меньше ${k} респондентов: чтобы нельзя было узнать нескольких человек из небольшого региона, такие числа и проценты от них не показываются (иногда скрыто и соседнее число, чтобы его нельзя было вычислить вычитанием).`,
};

const en: ViewStrings = {
  filters: 'Filters',
  survey: 'Survey',
  closed: 'closed',
  region: 'Region',
  allRegions: (limited) => (limited ? 'All my regions' : 'All of Kazakhstan'),
  from: 'From',
  to: 'To',
  periodNote: "In Kazakhstan's time (UTC+5); the last day counts in full.",
  badDates: 'The end of the period cannot be before its start.',
  version: 'Versions',
  briefing: 'Briefing',
  clear: 'Clear filters',
  smallCells: (k) =>
    `“< ${k}” means fewer than ${k} respondents: so that a small region's few respondents cannot be singled out, such counts and the percentages made from them are not shown (sometimes a neighbouring count is hidden too, so it cannot be worked out by subtraction).`,
};

export const VIEW_STRINGS: Record<Locale, ViewStrings> = { kk, ru, en };
