// The region comparison's words in Kazakh, Russian and English (the filters' words are the dashboard's).
import type { Locale } from '../../lib/locale';

export interface RegionsStrings {
  title: string;
  intro: string;
  question: string;
  item: string;
  answer: string;
  measure: string;
  measures: { first: string; any: string };
  share: (answer: string) => string;
  byRegion: (answer: string) => string;
  mapTitle: string;
  mapNote: string;
  noData: string;
  tableTitle: string;
  tableNote: string;
  region: string;
  n: string;
  responses: string;
  total: string;
  sortedBy: string;
  tableCsv: string;
  noQuestions: string;
  /** A coded free-text question in the picker: compared by its codes. */
  codesOf: (title: string) => string;
}

const kk: RegionsStrings = {
  title: 'Өңірлерді салыстыру',
  intro:
    'Бір сұрақ бойынша барлық 20 өңір: карта, кесте және диаграмма. Жауапты таңдаңыз — түстер мен реттілік оның үлесі бойынша.',
  question: 'Сұрақ',
  item: 'Тармақ',
  answer: 'Жауап',
  measure: 'Көрсеткіш',
  measures: { first: 'Бірінші орынға қойғандар үлесі', any: 'Кез келген орынға қойғандар үлесі' },
  share: (answer) => `«${answer}» үлесі`,
  byRegion: (answer) => `«${answer}» жауабының үлесі, өңірлер бойынша`,
  mapTitle: 'Өңірлер картасы',
  mapNote: 'Плиткалар өңірлердің шамамен орналасуы бойынша тұр; аумақтары масштабта емес.',
  noData: 'Дерек жоқ',
  tableTitle: 'Өңірлер кестесі',
  tableNote: 'Пайыз — өңірде сұраққа жауап бергендерден (n). Бағанның атауын басып, сол бойынша сұрыптаңыз.',
  region: 'Өңір',
  n: 'n',
  responses: 'Жауаптар',
  total: 'Барлығы',
  sortedBy: 'сұрыпталған',
  tableCsv: 'Кесте (CSV)',
  noQuestions: 'Бұл сауалнамада өңірлер бойынша салыстыруға болатын сұрақ жоқ.',
  codesOf: (title) => `${title} — кодтар`,
};

const ru: RegionsStrings = {
  title: 'Сравнение регионов',
  intro:
    'Все 20 регионов по одному вопросу: карта, таблица и диаграмма. Выберите ответ — цвета и порядок строятся по его доле.',
  question: 'Вопрос',
  item: 'Пункт',
  answer: 'Ответ',
  measure: 'Показатель',
  measures: { first: 'Доля поставивших на первое место', any: 'Доля поставивших на любое место' },
  share: (answer) => `Доля «${answer}»`,
  byRegion: (answer) => `Доля ответа «${answer}» по регионам`,
  mapTitle: 'Карта регионов',
  mapNote: 'Плитки расположены примерно так, как регионы на карте; площади не в масштабе.',
  noData: 'Нет данных',
  tableTitle: 'Таблица по регионам',
  tableNote:
    'Процент — от ответивших на вопрос в регионе (n). Нажмите на заголовок столбца, чтобы отсортировать по нему.',
  region: 'Регион',
  n: 'n',
  responses: 'Ответов',
  total: 'Итого',
  sortedBy: 'отсортировано',
  tableCsv: 'Таблица (CSV)',
  noQuestions: 'В этой анкете нет вопросов, которые можно сравнить по регионам.',
  codesOf: (title) => `${title} — коды`,
};

const en: RegionsStrings = {
  title: 'Compare regions',
  intro:
    'All 20 regions on one question: a map, a table and a chart. Choose an answer: its share sets the colours and the order.',
  question: 'Question',
  item: 'Item',
  answer: 'Answer',
  measure: 'Measure',
  measures: { first: 'Share ranking it first', any: 'Share ranking it at any place' },
  share: (answer) => `Share “${answer}”`,
  byRegion: (answer) => `Share answering “${answer}”, by region`,
  mapTitle: 'Map of the regions',
  mapNote: 'Tiles sit roughly where the regions are; areas are not to scale.',
  noData: 'No data',
  tableTitle: 'Table by region',
  tableNote:
    'Percent of those in the region who answered the question (n). Click a column’s heading to sort by it.',
  region: 'Region',
  n: 'n',
  responses: 'Responses',
  total: 'Total',
  sortedBy: 'sorted',
  tableCsv: 'Table (CSV)',
  noQuestions: 'This survey has no question that can be compared by region.',
  codesOf: (title) => `${title} — codes`,
};

export const REGIONS_STRINGS: Record<Locale, RegionsStrings> = { kk, ru, en };
