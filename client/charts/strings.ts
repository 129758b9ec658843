// The charts' own words and number formats in Kazakh, Russian and English (titles and labels come from the survey).
import type { Locale } from '../lib/locale';

export interface ChartStrings {
  /** "< 5": a count hidden by small-cell suppression. */
  fewer: (k: number) => string;
  /** The question's n: who answered, of those who were asked. */
  answered: (n: string, asked: string) => string;
  answeredHidden: (k: number) => string;
  share: string;
  respondents: string;
  multiple: string;
  meanMedian: (mean: string, median: string) => string;
  rankedFirst: string;
  rankedAny: string;
  meanRank: string;
  rankingNote: string;
  hidden: (k: number) => string;
  texts: (n: string, percent: string) => string;
  readTexts: string;
  table: string;
  noResponses: string;
  png: string;
  csv: string;
  pngLabel: (title: string) => string;
  csvLabel: (title: string) => string;
  /** CSV headers. */
  columns: {
    question: string;
    answer: string;
    code: string;
    row: string;
    rowCode: string;
    count: string;
    percent: string;
    n: string;
    asked: string;
    mean: string;
    median: string;
    first: string;
    firstPercent: string;
    ranked: string;
    rankedPercent: string;
    meanRank: string;
  };
  /** A decimal with the language's separator. */
  decimal: (x: number) => string;
  /** A count with the language's thousands separator. */
  number: (n: number) => string;
}

const grouped = (separator: string) => (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, separator);
// Chromium builds without Kazakh ICU data format kk numbers as English: write the separators ourselves.
const comma = (x: number) => String(Math.round(x * 100) / 100).replace('.', ',');
const point = (x: number) => String(Math.round(x * 100) / 100);

const kk: ChartStrings = {
  fewer: (k) => `< ${k}`,
  answered: (n, asked) => `n = ${n} жауап берді (сұрақ ${asked} адамға қойылды)`,
  answeredHidden: (k) => `n < ${k}: сандар көрсетілмейді`,
  share: 'Үлесі',
  respondents: 'Респонденттер',
  multiple: 'Бірнеше жауап таңдауға болатын: үлестердің қосындысы 100%-дан асады.',
  meanMedian: (mean, median) => `Орташа баға: ${mean} · медиана: ${median}`,
  rankedFirst: 'Бірінші орынға қойғандар',
  rankedAny: 'Кез келген орынға қойғандар',
  meanRank: 'орташа орын',
  rankingNote: 'Жақшада — орташа орын (1 — ең маңызды).',
  hidden: (k) => `< ${k} (жасырылған)`,
  texts: (n, percent) => `Мәтіндік жауаптар: ${n} (сұралғандардың ${percent}).`,
  readTexts: 'Жауаптарды оқу',
  table: 'Сандар кестесі',
  noResponses: 'жауап жоқ',
  png: 'Сурет (PNG)',
  csv: 'Сандар (CSV)',
  pngLabel: (title) => `Диаграмманы PNG суреті ретінде жүктеп алу: ${title}`,
  csvLabel: (title) => `Диаграмманың сандарын CSV ретінде жүктеп алу: ${title}`,
  columns: {
    question: 'Сұрақ',
    answer: 'Жауап',
    code: 'Код',
    row: 'Жол',
    rowCode: 'Жол коды',
    count: 'Саны',
    percent: 'Пайызы',
    n: 'n (жауап бергендер)',
    asked: 'Сұрақ қойылғандар',
    mean: 'Орташа',
    median: 'Медиана',
    first: 'Бірінші орында',
    firstPercent: 'Бірінші орында, %',
    ranked: 'Кез келген орында',
    rankedPercent: 'Кез келген орында, %',
    meanRank: 'Орташа орын',
  },
  decimal: comma,
  number: grouped('\u00a0'),
};

const ru: ChartStrings = {
  fewer: (k) => `< ${k}`,
  answered: (n, asked) => `n = ${n} ответили (вопрос задан ${asked})`,
  answeredHidden: (k) => `n < ${k}: числа не показываются`,
  share: 'Доля',
  respondents: 'Респонденты',
  multiple: 'Можно было выбрать несколько ответов: сумма долей больше 100%.',
  meanMedian: (mean, median) => `Средняя оценка: ${mean} · медиана: ${median}`,
  rankedFirst: 'Поставили на первое место',
  rankedAny: 'Поставили на любое место',
  meanRank: 'средний ранг',
  rankingNote: 'В скобках — средний ранг (1 — самое важное).',
  hidden: (k) => `< ${k} (скрыто)`,
  texts: (n, percent) => `Текстовых ответов: ${n} (${percent} тех, кому задан вопрос).`,
  readTexts: 'Читать ответы',
  table: 'Таблица чисел',
  noResponses: 'нет ответов',
  png: 'Картинка (PNG)',
  csv: 'Числа (CSV)',
  pngLabel: (title) => `Скачать диаграмму как картинку PNG: ${title}`,
  csvLabel: (title) => `Скачать числа диаграммы в CSV: ${title}`,
  columns: {
    question: 'Вопрос',
    answer: 'Ответ',
    code: 'Код',
    row: 'Строка',
    rowCode: 'Код строки',
    count: 'Число',
    percent: 'Процент',
    n: 'n (ответили)',
    asked: 'Задан вопрос',
    mean: 'Среднее',
    median: 'Медиана',
    first: 'На первом месте',
    firstPercent: 'На первом месте, %',
    ranked: 'На любом месте',
    rankedPercent: 'На любом месте, %',
    meanRank: 'Средний ранг',
  },
  decimal: comma,
  number: grouped('\u00a0'),
};

const en: ChartStrings = {
  fewer: (k) => `< ${k}`,
  answered: (n, asked) => `n = ${n} answered (asked: ${asked})`,
  answeredHidden: (k) => `n < ${k}: numbers are not shown`,
  share: 'Share',
  respondents: 'Respondents',
  multiple: 'Several answers allowed: the shares add up to more than 100%.',
  meanMedian: (mean, median) => `Mean rating: ${mean} · median: ${median}`,
  rankedFirst: 'Ranked it first',
  rankedAny: 'Ranked it at any place',
  meanRank: 'mean rank',
  rankingNote: 'Mean rank in brackets (1 = most important).',
  hidden: (k) => `< ${k} (hidden)`,
  texts: (n, percent) => `Written answers: ${n} (${percent} of those asked).`,
  readTexts: 'Read the answers',
  table: 'Numbers as a table',
  noResponses: 'no responses',
  png: 'Image (PNG)',
  csv: 'Numbers (CSV)',
  pngLabel: (title) => `Download the chart as a PNG image: ${title}`,
  csvLabel: (title) => `Download the chart's numbers as CSV: ${title}`,
  columns: {
    question: 'Question',
    answer: 'Answer',
    code: 'Code',
    row: 'Row',
    rowCode: 'Row code',
    count: 'Count',
    percent: 'Percent',
    n: 'n (answered)',
    asked: 'Asked',
    mean: 'Mean',
    median: 'Median',
    first: 'Ranked first',
    firstPercent: 'Ranked first, %',
    ranked: 'Ranked at any place',
    rankedPercent: 'Ranked at any place, %',
    meanRank: 'Mean rank',
  },
  decimal: point,
  number: grouped(','),
};

export const CHART_STRINGS: Record<Locale, ChartStrings> = { kk, ru, en };

/** "42%", "42,5%" (kk, ru) or "42.5%" (en). */
export function percentText(locale: Locale, percent: number): string {
  return `${CHART_STRINGS[locale].decimal(percent)}%`;
}
