// The dashboard's words (and the filters it shares with the region comparison) in Kazakh, Russian and English.
import type { Locale } from '../../lib/locale';

export interface DashboardStrings {
  title: string;
  intro: string;
  survey: string;
  closed: string;
  region: string;
  allRegions: string;
  chosenRegions: (n: number) => string;
  versions: string;
  allVersions: string;
  excludeFlagged: string;
  version: (n: number) => string;
  briefing: string;
  allBriefings: string;
  from: string;
  to: string;
  clear: string;
  responses: string;
  updating: string;
  sections: string;
  noResponses: string;
  /** Small-cell suppression, said once on every page that shows numbers. */
  suppression: (k: number) => string;
  badDates: string;
}

/** Kazakh ablative after a numeral (5-тен, 6-дан, 10-нан): the suffix follows the number word's last sound. */
function kkFrom(n: number): string {
  const ones = ['', 'ден', 'ден', 'тен', 'тен', 'тен', 'дан', 'ден', 'ден', 'дан'];
  const tens = ['ден', 'нан', 'дан', 'дан', 'тан', 'ден', 'тан', 'тен', 'нен', 'нан'];
  const suffix = n % 10 !== 0 ? ones[n % 10] : n % 100 !== 0 ? tens[(n % 100) / 10] : 'ден';
  return `${n}-${suffix}`;
}

const kk: DashboardStrings = {
  title: 'Сауалнама нәтижелері',
  intro:
    'Әр сұрақтың диаграммасы. Сүзгілер сілтемеде сақталады: оны бөліссеңіз, әріптесіңіз дәл осы көріністі көреді.',
  survey: 'Сауалнама',
  closed: 'жабық',
  region: 'Өңір',
  allRegions: 'Барлық өңірлер',
  chosenRegions: (n) => `Таңдалған өңірлер (${n})`,
  versions: 'Нұсқа',
  allVersions: 'Барлық нұсқалар',
  excludeFlagged: 'Белгіленген жауаптарды шығарып тастау',
  version: (n) => `${n}-нұсқа`,
  briefing: 'Брифинг',
  allBriefings: 'Барлық брифингтер',
  from: 'Басы',
  to: 'Соңы',
  clear: 'Сүзгілерді тазалау',
  responses: 'Жауаптар саны',
  updating: 'Жаңартылуда…',
  sections: 'Сауалнама бөлімдері',
  noResponses: 'Бұл сүзгілер бойынша жауап әзірге жоқ.',
  suppression: (k) =>
    `Респонденттер саны ${kkFrom(k)} кем болса, сан орнына «< ${k}» тұрады: шағын өңірде ешкімді жеке анықтап алуға болмауы үшін. ` +
    'Жасырын санды жалпы сомадан шығарып алмау үшін кейде көрші ұяшық та жасырылады.',
  badDates: 'Кезеңнің соңы басынан ерте болмауы керек.',
};

const ru: DashboardStrings = {
  title: 'Результаты анкеты',
  intro:
    'Диаграмма по каждому вопросу. Фильтры сохраняются в ссылке: отправьте её коллеге, и он увидит то же самое.',
  survey: 'Анкета',
  closed: 'закрыта',
  region: 'Регион',
  allRegions: 'Все регионы',
  chosenRegions: (n) => `Выбранные регионы (${n})`,
  versions: 'Версия',
  allVersions: 'Все версии',
  excludeFlagged: 'Без помеченных ответов',
  version: (n) => `Версия ${n}`,
  briefing: 'Брифинг',
  allBriefings: 'Все брифинги',
  from: 'С',
  to: 'По',
  clear: 'Сбросить фильтры',
  responses: 'Ответов',
  updating: 'Обновляем…',
  sections: 'Разделы анкеты',
  noResponses: 'По этим фильтрам ответов пока нет.',
  suppression: (k) =>
    `Если респондентов меньше ${k}, вместо числа стоит «< ${k}»: так никого в небольшом регионе нельзя вычислить. ` +
    'Иногда скрыта и соседняя ячейка, чтобы скрытое число нельзя было получить вычитанием из итога.',
  badDates: 'Конец периода не может быть раньше начала.',
};

const en: DashboardStrings = {
  title: 'Survey results',
  intro:
    'A chart for every question. The filters are kept in the page’s link: share it and a colleague sees the same view.',
  survey: 'Survey',
  closed: 'closed',
  region: 'Region',
  allRegions: 'All regions',
  chosenRegions: (n) => `Chosen regions (${n})`,
  versions: 'Version',
  allVersions: 'All versions',
  excludeFlagged: 'Leave out flagged responses',
  version: (n) => `Version ${n}`,
  briefing: 'Briefing',
  allBriefings: 'All briefings',
  from: 'From',
  to: 'To',
  clear: 'Clear filters',
  responses: 'Responses',
  updating: 'Updating…',
  sections: 'Parts of the survey',
  noResponses: 'No responses match these filters yet.',
  suppression: (k) =>
    `Fewer than ${k} respondents are shown as “< ${k}” so that no one in a small region can be singled out. ` +
    'Sometimes a neighbouring cell is hidden too, so that the hidden number cannot be worked out from the total.',
  badDates: 'The end of the period cannot come before its start.',
};

export const DASHBOARD_STRINGS: Record<Locale, DashboardStrings> = { kk, ru, en };
