// The briefings section's and the live screen's own words in Kazakh, Russian and English.
import type { Locale } from '../../lib/locale';
import { ruPlural } from '../../lib/language-forms';

export interface BriefingStrings {
  title: string;
  intro: string;
  create: string;
  empty: string;
  columns: { date: string; city: string; region: string; title: string; responses: string; state: string };
  state: { open: string; scheduled: string; closed: string };
  edit: string;
  newTitle: string;
  slug: string;
  slugHint: string;
  survey: string;
  region: string;
  city: string;
  date: string;
  titleIn: Record<Locale, string>;
  cityIn: Record<Locale, string>;
  opensAt: string;
  closesAt: string;
  timeHint: string;
  takesAnswers: string;
  save: string;
  saving: string;
  saved: string;
  cancel: string;
  back: string;
  notSaved: string;
  link: string;
  copy: string;
  copied: string;
  qr: string;
  downloadPng: string;
  downloadSvg: string;
  printPoster: string;
  openLive: string;
  perHour: string;
  noResponses: string;
  hourNote: string;
  notFound: string;
  poster: { scan: string; print: string; orType: string };
  live: {
    responses: (n: number) => string;
    results: string;
    hideResults: string;
    noQuestions: string;
    reconnecting: string;
    of: (n: number) => string;
    /** Under a question's bars when it has more options than the screen shows (the smaller ones). */
    moreOptions: (n: number) => string;
  };
}

const kk: BriefingStrings = {
  title: 'Брифингтер',
  intro:
    'Әр брифингтің өз сілтемесі мен QR коды бар: оны ашқан адамның өңірі алдын ала таңдалады, ал жауабы брифингке жазылады.',
  create: 'Жаңа брифинг',
  empty: 'Әзірге брифинг жоқ.',
  columns: {
    date: 'Күні',
    city: 'Қала',
    region: 'Өңір',
    title: 'Атауы',
    responses: 'Жауаптар',
    state: 'Күйі',
  },
  state: { open: 'Ашық', scheduled: 'Әлі ашылмаған', closed: 'Жабық' },
  edit: 'Өзгерту',
  newTitle: 'Жаңа брифинг',
  slug: 'Сілтемедегі атауы',
  slugHint:
    'Латын кіші әріптері, цифрлар және сызықша: semey-2023. Кейін өзгертілмейді — ол плакатта басылады.',
  survey: 'Сауалнама',
  region: 'Өңір',
  city: 'Қала',
  date: 'Күні',
  titleIn: { kk: 'Атауы қазақша', ru: 'Атауы орысша', en: 'Атауы ағылшынша' },
  cityIn: { kk: 'Қала қазақша', ru: 'Қала орысша', en: 'Қала ағылшынша' },
  opensAt: 'Жауап қабылдау басталады (міндетті емес)',
  closesAt: 'Жауап қабылдау аяқталады (міндетті емес)',
  timeHint: 'Қазақстан уақыты бойынша (UTC+5).',
  takesAnswers: 'Жауап қабылданады',
  save: 'Сақтау',
  saving: 'Сақталуда…',
  saved: 'Сақталды.',
  cancel: 'Бас тарту',
  back: '← Барлық брифингтер',
  notSaved: 'Сақталмады:',
  link: 'Қатысушыларға сілтеме',
  copy: 'Көшіру',
  copied: 'Көшірілді',
  qr: 'QR коды',
  downloadPng: 'PNG жүктеу',
  downloadSvg: 'SVG жүктеу',
  printPoster: 'Плакатты басып шығару',
  openLive: 'Тікелей экранды ашу',
  perHour: 'Сағат сайынғы жауаптар',
  noResponses: 'Әзірге жауап жоқ.',
  hourNote: 'Қазақстан уақыты (UTC+5).',
  notFound: 'Мұндай брифинг жоқ.',
  poster: {
    scan: 'Сауалнамаға қатысу үшін QR кодты сканерлеңіз',
    print: 'Басып шығару',
    orType: 'немесе сілтемені ашыңыз',
  },
  live: {
    responses: () => 'жауап алынды',
    results: 'Нәтижелер',
    hideResults: 'QR кодқа оралу',
    noQuestions: 'Көрсететін сұрақ жоқ.',
    reconnecting: 'Байланыс қалпына келтірілуде…',
    of: (n) => `${n} жауап`,
    moreOptions: (n) => `Тағы ${n} нұсқа көрсетілмеген (үлесі азырақ).`,
  },
};

const ru: BriefingStrings = {
  title: 'Брифинги',
  intro:
    'У каждого брифинга своя ссылка и QR-код: регион открывшего уже выбран, а ответ помечается брифингом.',
  create: 'Новый брифинг',
  empty: 'Брифингов пока нет.',
  columns: {
    date: 'Дата',
    city: 'Город',
    region: 'Регион',
    title: 'Название',
    responses: 'Ответы',
    state: 'Статус',
  },
  state: { open: 'Открыт', scheduled: 'Ещё не открыт', closed: 'Закрыт' },
  edit: 'Изменить',
  newTitle: 'Новый брифинг',
  slug: 'Имя в ссылке',
  slugHint:
    'Строчные латинские буквы, цифры и дефис: semey-2023. Потом не меняется — оно печатается на плакате.',
  survey: 'Анкета',
  region: 'Регион',
  city: 'Город',
  date: 'Дата',
  titleIn: { kk: 'Название на казахском', ru: 'Название на русском', en: 'Название на английском' },
  cityIn: { kk: 'Город на казахском', ru: 'Город на русском', en: 'Город на английском' },
  opensAt: 'Приём ответов с (необязательно)',
  closesAt: 'Приём ответов до (необязательно)',
  timeHint: 'По времени Казахстана (UTC+5).',
  takesAnswers: 'Принимает ответы',
  save: 'Сохранить',
  saving: 'Сохранение…',
  saved: 'Сохранено.',
  cancel: 'Отмена',
  back: '← Все брифинги',
  notSaved: 'Не сохранено:',
  link: 'Ссылка для участников',
  copy: 'Копировать',
  copied: 'Скопировано',
  qr: 'QR-код',
  downloadPng: 'Скачать PNG',
  downloadSvg: 'Скачать SVG',
  printPoster: 'Печать плаката',
  openLive: 'Открыть экран для зала',
  perHour: 'Ответы по часам',
  noResponses: 'Ответов пока нет.',
  hourNote: 'Время Казахстана (UTC+5).',
  notFound: 'Такого брифинга нет.',
  poster: { scan: 'Отсканируйте QR-код, чтобы пройти опрос', print: 'Печать', orType: 'или откройте ссылку' },
  live: {
    // Russian agrees the noun with the number: 1 ответ получен, 3 ответа получено, 5 ответов получено.
    responses: (n) =>
      ({ one: 'ответ получен', few: 'ответа получено' })[
        new Intl.PluralRules('ru').select(n) as 'one' | 'few'
      ] ?? 'ответов получено',
    results: 'Результаты',
    hideResults: 'Вернуться к QR-коду',
    noQuestions: 'Нет вопросов для показа.',
    reconnecting: 'Восстанавливаем связь…',
    of: (n) => `ответов: ${n}`,
    moreOptions: (n) =>
      `Ещё ${n} ${ruPlural(n, 'вариант не показан', 'варианта не показано', 'вариантов не показано')} (с меньшей долей).`,
  },
};

const en: BriefingStrings = {
  title: 'Briefings',
  intro:
    'Each briefing has its own link and QR code: it opens the survey with the region chosen and tags the answers.',
  create: 'New briefing',
  empty: 'No briefings yet.',
  columns: {
    date: 'Date',
    city: 'City',
    region: 'Region',
    title: 'Title',
    responses: 'Responses',
    state: 'State',
  },
  state: { open: 'Open', scheduled: 'Not open yet', closed: 'Closed' },
  edit: 'Edit',
  newTitle: 'New briefing',
  slug: 'Name in the link',
  slugHint:
    'Lower-case Latin letters, digits and dashes: semey-2023. It cannot change later — posters print it.',
  survey: 'Survey',
  region: 'Region',
  city: 'City',
  date: 'Date',
  titleIn: { kk: 'Title in Kazakh', ru: 'Title in Russian', en: 'Title in English' },
  cityIn: { kk: 'City in Kazakh', ru: 'City in Russian', en: 'City in English' },
  opensAt: 'Takes answers from (optional)',
  closesAt: 'Takes answers until (optional)',
  timeHint: 'Kazakhstan time (UTC+5).',
  takesAnswers: 'Takes answers',
  save: 'Save',
  saving: 'Saving…',
  saved: 'Saved.',
  cancel: 'Cancel',
  back: '← All briefings',
  notSaved: 'Not saved:',
  link: 'Link for attendees',
  copy: 'Copy',
  copied: 'Copied',
  qr: 'QR code',
  downloadPng: 'Download PNG',
  downloadSvg: 'Download SVG',
  printPoster: 'Print poster',
  openLive: 'Open live screen',
  perHour: 'Responses per hour',
  noResponses: 'No responses yet.',
  hourNote: 'Kazakhstan time (UTC+5).',
  notFound: 'There is no such briefing.',
  poster: { scan: 'Scan the QR code to take the survey', print: 'Print', orType: 'or open the link' },
  live: {
    responses: (n) => (n === 1 ? 'response received' : 'responses received'),
    results: 'Results',
    hideResults: 'Back to the QR code',
    noQuestions: 'No questions to show.',
    reconnecting: 'Reconnecting…',
    of: (n) => `${n} responses`,
    moreOptions: (n) => `${n} more ${n === 1 ? 'option' : 'options'} not shown (smaller shares).`,
  },
};

export const BRIEFING_STRINGS: Record<Locale, BriefingStrings> = { kk, ru, en };
