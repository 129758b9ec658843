// The coverage page's words in Kazakh, Russian and English: responses per region, per briefing and per role.
import type { Locale } from '../../lib/locale';

export interface CoverageStrings {
  title: string;
  intro: string;
  total: string;
  regionsWithResponses: (withSome: number, of: number) => string;
  outsideBriefings: string;
  regions: string;
  region: string;
  briefings: string;
  briefingCount: string;
  responses: string;
  share: string;
  noResponses: string;
  noneYet: (names: string) => string;
  everyRegion: string;
  date: string;
  city: string;
  briefingTitle: string;
  noBriefings: string;
  roles: string;
  role: string;
  roleNote: (answered: string) => string;
  versions: string;
  version: (n: number) => string;
}

const kk: CoverageStrings = {
  title: 'Жауаптар қамтуы',
  intro:
    'Қай өңірлерден, қай брифингтерден және кімдерден жауап келді. Әлі жауап жоқ өңірлер мен брифингтер белгіленген.',
  total: 'Барлық жауап',
  regionsWithResponses: (withSome, of) => `Жауабы бар өңірлер: ${withSome} / ${of}`,
  outsideBriefings: 'Брифингтен тыс (сауалнаманың жалпы сілтемесі)',
  regions: 'Өңірлер бойынша',
  region: 'Өңір',
  briefings: 'Брифингтер бойынша',
  briefingCount: 'Брифингтер',
  responses: 'Жауаптар',
  share: 'Үлесі',
  noResponses: 'әлі жауап жоқ',
  noneYet: (names) => `Әлі жауап жоқ: ${names}.`,
  everyRegion: 'Әр өңірден жауап бар.',
  date: 'Күні',
  city: 'Қала',
  briefingTitle: 'Брифинг',
  noBriefings: 'Бұл сүзгілер бойынша брифингтер жоқ.',
  roles: 'Рөлдер бойынша',
  role: 'Рөлі',
  roleNote: (answered) => `Рөлін көрсеткендердің үлесі (${answered} адам).`,
  versions: 'Сауалнама нұсқалары бойынша',
  version: (n) => `${n}-нұсқа`,
};

const ru: CoverageStrings = {
  title: 'Охват ответов',
  intro:
    'Из каких регионов, с каких брифингов и от кого пришли ответы. Регионы и брифинги без ответов отмечены.',
  total: 'Всего ответов',
  regionsWithResponses: (withSome, of) => `Регионов с ответами: ${withSome} из ${of}`,
  outsideBriefings: 'Вне брифингов (общая ссылка на анкету)',
  regions: 'По регионам',
  region: 'Регион',
  briefings: 'По брифингам',
  briefingCount: 'Брифинги',
  responses: 'Ответы',
  share: 'Доля',
  noResponses: 'ответов пока нет',
  noneYet: (names) => `Ответов пока нет: ${names}.`,
  everyRegion: 'Ответы есть из каждого региона.',
  date: 'Дата',
  city: 'Город',
  briefingTitle: 'Брифинг',
  noBriefings: 'По этим фильтрам брифингов нет.',
  roles: 'По ролям',
  role: 'Роль',
  roleNote: (answered) => `Доля от указавших роль (${answered} чел.).`,
  versions: 'По версиям анкеты',
  version: (n) => `Версия ${n}`,
};

const en: CoverageStrings = {
  title: 'Response coverage',
  intro:
    'Which regions, briefings and roles the responses come from. Regions and briefings without responses are marked.',
  total: 'Responses in all',
  regionsWithResponses: (withSome, of) => `Regions with responses: ${withSome} of ${of}`,
  outsideBriefings: "Outside briefings (the survey's own link)",
  regions: 'By region',
  region: 'Region',
  briefings: 'By briefing',
  briefingCount: 'Briefings',
  responses: 'Responses',
  share: 'Share',
  noResponses: 'no responses yet',
  noneYet: (names) => `No responses yet: ${names}.`,
  everyRegion: 'Every region has responses.',
  date: 'Date',
  city: 'City',
  briefingTitle: 'Briefing',
  noBriefings: 'No briefings for these filters.',
  roles: 'By role',
  role: 'Role',
  roleNote: (answered) => `Share of those who gave their role (${answered}).`,
  versions: 'By survey version',
  version: (n) => `Version ${n}`,
};

export const COVERAGE_STRINGS: Record<Locale, CoverageStrings> = { kk, ru, en };
