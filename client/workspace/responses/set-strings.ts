// The Responses section's filters and its review of a selected set, in Kazakh, Russian and English.
import type { Locale } from '../../lib/locale';

export const FLAG_FILTERS = ['all', 'any', 'none', 'fast', 'straightlining', 'duplicate'] as const;
export type FlagFilter = (typeof FLAG_FILTERS)[number];

export interface ResponseSetStrings {
  flag: string;
  flagFilter: Record<FlagFilter, string>;
  fast: string;
  briefing: string;
  allBriefings: string;
  from: string;
  to: string;
  total: (n: string) => string;
  selectRow: (when: string) => string;
  selectPage: string;
  selected: (n: string) => string;
  selectAllMatching: (n: string) => string;
  clearSelection: string;
  setFor: string;
  apply: string;
  confirm: (n: string, status: string) => string;
  done: (n: string) => string;
  tooMany: (max: string) => string;
  failed: string;
}

const kk: ResponseSetStrings = {
  flag: 'Белгілер',
  flagFilter: {
    all: 'Барлығы',
    any: 'Кез келген белгісі бар',
    none: 'Белгісі жоқ',
    fast: 'Тым жылдам толтырылған',
    straightlining: 'Матрицадағы бірдей жауаптар',
    duplicate: 'Қайталанған жауаптар',
  },
  fast: 'тым жылдам',
  briefing: 'Брифинг',
  allBriefings: 'Барлық брифингтер',
  from: 'Қай күннен',
  to: 'Қай күнге дейін',
  total: (n) => `Сүзгіге сәйкес жауаптар: ${n}`,
  selectRow: (when) => `Таңдау: ${when}`,
  selectPage: 'Осы беттегінің бәрін таңдау',
  selected: (n) => `Таңдалды: ${n}`,
  selectAllMatching: (n) => `Сүзгіге сәйкес барлық ${n} жауапты таңдау`,
  clearSelection: 'Таңдауды алып тастау',
  setFor: 'Таңдалған жауаптардың тексеру күйі',
  apply: 'Қолдану',
  confirm: (n, status) => `${n} жауаптың күйі «${status}» болады. Жалғастырасыз ба?`,
  done: (n) => `${n} жауаптың күйі өзгертілді.`,
  tooMany: (max) => `Бір рет ең көбі ${max} жауап таңдалады: алғашқылары таңдалды.`,
  failed: 'Күйі өзгертілмеді. Қайталап көріңіз.',
};

const ru: ResponseSetStrings = {
  flag: 'Отметки',
  flagFilter: {
    all: 'Все',
    any: 'С любой отметкой',
    none: 'Без отметок',
    fast: 'Заполнены слишком быстро',
    straightlining: 'Одинаковые ответы в матрице',
    duplicate: 'Повторные ответы',
  },
  fast: 'слишком быстро',
  briefing: 'Брифинг',
  allBriefings: 'Все брифинги',
  from: 'С даты',
  to: 'По дату',
  total: (n) => `Подходят под фильтр: ${n}`,
  selectRow: (when) => `Выбрать: ${when}`,
  selectPage: 'Выбрать все на этой странице',
  selected: (n) => `Выбрано: ${n}`,
  selectAllMatching: (n) => `Выбрать все ${n}, подходящие под фильтр`,
  clearSelection: 'Снять выбор',
  setFor: 'Статус проверки выбранных ответов',
  apply: 'Применить',
  confirm: (n, status) => `Статус ${n} ответов станет «${status}». Продолжить?`,
  done: (n) => `Статус изменён у ${n} ответов.`,
  tooMany: (max) => `За раз выбирается не больше ${max} ответов: выбраны первые.`,
  failed: 'Статус не изменён. Попробуйте ещё раз.',
};

const en: ResponseSetStrings = {
  flag: 'Flags',
  flagFilter: {
    all: 'All',
    any: 'Any flag',
    none: 'No flag',
    fast: 'Very fast',
    straightlining: 'Straight-lining in a matrix',
    duplicate: 'Repeated answers',
  },
  fast: 'very fast',
  briefing: 'Briefing',
  allBriefings: 'All briefings',
  from: 'From',
  to: 'To',
  total: (n) => `Matching the filters: ${n}`,
  selectRow: (when) => `Select: ${when}`,
  selectPage: 'Select all on this page',
  selected: (n) => `Selected: ${n}`,
  selectAllMatching: (n) => `Select all ${n} matching the filters`,
  clearSelection: 'Clear the selection',
  setFor: 'Review status of the selected responses',
  apply: 'Apply',
  confirm: (n, status) => `${n} responses will be set to “${status}”. Go on?`,
  done: (n) => `The status of ${n} responses was changed.`,
  tooMany: (max) => `At most ${max} responses can be selected at once: the first ones are.`,
  failed: 'The status was not changed. Try again.',
};

export const RESPONSE_SET_STRINGS: Record<Locale, ResponseSetStrings> = { kk, ru, en };
