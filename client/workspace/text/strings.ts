// The free-text browser's words in Kazakh, Russian and English.
import type { Locale } from '../../lib/locale';
import { ruPlural } from '../coverage/format';

export interface TextStrings {
  title: string;
  intro: string;
  question: string;
  /** A choice question's "Other (please specify)" texts, listed as a question of their own. */
  otherOf: (title: string) => string;
  answered: (n: string) => string;
  search: string;
  searchButton: string;
  clearSearch: string;
  noQuestions: string;
  /** `n` written with the thousands separator. */
  total: (count: number, n: string) => string;
  found: (q: string) => string;
  nothing: string;
  nothingFound: (q: string) => string;
  page: (page: number, of: number | null) => string;
  previous: string;
  next: string;
  pages: string;
  asWritten: string;
  language: string;
}

const kk: TextStrings = {
  title: 'Еркін жауаптар',
  intro:
    'Қатысушылардың өз сөздерімен жазған жауаптары — ұсыныстар, тәжірибелер, пікірлер. Байланыс деректері мұнда ешқашан көрсетілмейді.',
  question: 'Сұрақ',
  otherOf: (title) => `${title} — «Басқа» жауаптары`,
  answered: (n) => `${n} жауап`,
  search: 'Мәтіннен іздеу',
  searchButton: 'Іздеу',
  clearSearch: 'Іздеуді тазалау',
  noQuestions: 'Бұл сауалнамада еркін жауапты сұрақтар жоқ.',
  total: (_, n) => `Барлығы ${n} жауап, ең жаңалары басында.`,
  found: (q) => `«${q}» сөзі бар жауаптар, ең жаңалары басында.`,
  nothing: 'Бұл сүзгілер бойынша жауап жоқ.',
  nothingFound: (q) => `«${q}» бойынша ештеңе табылмады.`,
  page: (page, of) => (of === null ? `${page}-бет` : `${page}-бет / ${of}`),
  previous: '← Алдыңғы',
  next: 'Келесі →',
  pages: 'Беттер',
  asWritten: 'Жауаптар қатысушы жазғандай, өзгертусіз берілген.',
  language: 'Тілі',
};

const ru: TextStrings = {
  title: 'Текстовые ответы',
  intro:
    'Ответы участников своими словами — предложения, практики, мнения. Контактные данные здесь не показываются никогда.',
  question: 'Вопрос',
  otherOf: (title) => `${title} — ответы «Другое»`,
  answered: (n) => `ответов: ${n}`,
  search: 'Поиск по тексту',
  searchButton: 'Найти',
  clearSearch: 'Сбросить поиск',
  noQuestions: 'В этой анкете нет вопросов со свободным ответом.',
  total: (count, n) => `Всего ${n} ${ruPlural(count, 'ответ', 'ответа', 'ответов')}, сначала новые.`,
  found: (q) => `Ответы, содержащие «${q}», сначала новые.`,
  nothing: 'По этим фильтрам ответов нет.',
  nothingFound: (q) => `По запросу «${q}» ничего не найдено.`,
  page: (page, of) => (of === null ? `Страница ${page}` : `Страница ${page} из ${of}`),
  previous: '← Назад',
  next: 'Дальше →',
  pages: 'Страницы',
  asWritten: 'Ответы приведены так, как их написали участники, без правки.',
  language: 'Язык',
};

const en: TextStrings = {
  title: 'Free-text answers',
  intro:
    "Participants' answers in their own words: proposals, practices, opinions. Contact details are never shown here.",
  question: 'Question',
  otherOf: (title) => `${title} — “Other” answers`,
  answered: (n) => `${n} answered`,
  search: 'Search the text',
  searchButton: 'Search',
  clearSearch: 'Clear search',
  noQuestions: 'This survey has no free-text questions.',
  total: (count, n) => `${n} ${count === 1 ? 'answer' : 'answers'} in all, newest first.`,
  found: (q) => `Answers containing “${q}”, newest first.`,
  nothing: 'No answers for these filters.',
  nothingFound: (q) => `Nothing found for “${q}”.`,
  page: (page, of) => (of === null ? `Page ${page}` : `Page ${page} of ${of}`),
  previous: '← Previous',
  next: 'Next →',
  pages: 'Pages',
  asWritten: 'Answers are shown as the participants wrote them, unedited.',
  language: 'Language',
};

export const TEXT_STRINGS: Record<Locale, TextStrings> = { kk, ru, en };
