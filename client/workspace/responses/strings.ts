// The Responses section's and the API tokens page's own words in Kazakh, Russian and English.
import type { Locale } from '../../lib/locale';

export type ReviewWord = 'approved' | 'on_hold' | 'rejected';

export interface ResponsesStrings {
  title: string;
  intro: string;
  survey: string;
  closed: string;
  region: string;
  allRegions: string;
  review: string;
  reviewFilter: Record<'any' | 'unreviewed' | ReviewWord, string>;
  status: Record<ReviewWord, string>;
  notReviewed: string;
  columns: {
    received: string;
    region: string;
    briefing: string;
    language: string;
    duration: string;
    flags: string;
    status: string;
    open: string;
  };
  minutes: (seconds: number) => string;
  flags: { straightlining: string; duplicate: string };
  none: string;
  open: string;
  close: string;
  previous: string;
  next: string;
  page: (n: number) => string;
  empty: string;
  answersTitle: string;
  notAnswered: string;
  setStatus: string;
  note: string;
  save: string;
  saved: string;
  rejectedNote: string;
  contacts: string;
  contactsKept: string;
  contactsNone: string;
  contactsErased: (when: string) => string;
  erase: string;
  confirmErase: string;
  failed: string;
  tokensLink: string;
  tokens: {
    title: string;
    intro: string;
    name: string;
    expires: string;
    create: string;
    shownOnce: string;
    example: string;
    columns: { name: string; created: string; expires: string; lastUsed: string; state: string };
    never: string;
    active: string;
    revoked: string;
    expired: string;
    revoke: string;
    confirmRevoke: (name: string) => string;
    none: string;
  };
}

const kk: ResponsesStrings = {
  title: 'Жауаптар',
  intro:
    'Өз өңірлеріңіздің жеке жауаптары, ең жаңасы бірінші. Сынақ не жарамсыз жауапты «Қабылданбады» деп белгілеңіз: ол есептерден, диаграммалардан және жүктеп алудан шығады (қажет болса, сүзгі қайтарады). Әр өзгеріс аудит журналына жазылады.',
  survey: 'Сауалнама',
  closed: 'жабық',
  region: 'Өңір',
  allRegions: 'Барлық өңірлерім',
  review: 'Тексеру күйі',
  reviewFilter: {
    any: 'Барлығы',
    unreviewed: 'Тексерілмеген',
    approved: 'Мақұлданды',
    on_hold: 'Кейінге қалдырылды',
    rejected: 'Қабылданбады',
  },
  status: { approved: 'Мақұлданды', on_hold: 'Кейінге қалдырылды', rejected: 'Қабылданбады' },
  notReviewed: 'Тексерілмеген',
  columns: {
    received: 'Түскен уақыты',
    region: 'Өңір',
    briefing: 'Брифинг',
    language: 'Тіл',
    duration: 'Ұзақтығы',
    flags: 'Белгілер',
    status: 'Күйі',
    open: 'Ашу',
  },
  minutes: (s) => `${Math.round(s / 60)} мин`,
  flags: { straightlining: 'Бір бағанды белгілеу', duplicate: 'Қайталанған' },
  none: '—',
  open: 'Ашу',
  close: 'Жабу',
  previous: 'Алдыңғы',
  next: 'Келесі',
  page: (n) => `${n}-бет`,
  empty: 'Бұл сүзгіде жауап жоқ.',
  answersTitle: 'Жауаптар',
  notAnswered: 'жауап берілмеген',
  setStatus: 'Тексеру күйін қою',
  note: 'Ескертпе',
  save: 'Сақтау',
  saved: 'Сақталды',
  rejectedNote: 'Қабылданбаған жауап есептерге кірмейді.',
  contacts: 'Байланыс деректері',
  contactsKept: 'Сақталған',
  contactsNone: 'Берілмеген',
  contactsErased: (when) => `Өшірілген: ${when}`,
  erase: 'Байланыс деректерін өшіру',
  confirmErase: 'Осы жауаптың байланыс деректері біржола өшірілсін бе? Басқа жауаптары өзгермейді.',
  failed: 'Сақталмады. Қайталап көріңіз.',
  tokensLink: 'R және Python үшін API токендері',
  tokens: {
    title: 'API токендері',
    intro:
      'Жеке токен скриптке (R, Python, curl) сіздің өңірлеріңіздің деректерін оқуға мүмкіндік береді: жүктеп алу және responses.jsonl. Токен ештеңені өзгерте алмайды, бір рет көрсетіледі, әр қолданылуы аудит журналына жазылады.',
    name: 'Атауы',
    expires: 'Мерзімі (бос болса, 90 күн)',
    create: 'Токен жасау',
    shownOnce: 'Токенді қазір көшіріп алыңыз: ол енді көрсетілмейді.',
    example: 'Мысал',
    columns: {
      name: 'Атауы',
      created: 'Жасалды',
      expires: 'Мерзімі',
      lastUsed: 'Соңғы қолданылуы',
      state: 'Күйі',
    },
    never: 'әлі жоқ',
    active: 'Белсенді',
    revoked: 'Кері қайтарылды',
    expired: 'Мерзімі өтті',
    revoke: 'Кері қайтару',
    confirmRevoke: (name) => `«${name}» токені кері қайтарылсын ба?`,
    none: 'Токен әлі жоқ.',
  },
};

const ru: ResponsesStrings = {
  title: 'Ответы',
  intro:
    'Отдельные ответы ваших регионов, новые сверху. Отметьте тестовый или мусорный ответ как «Отклонён»: он выпадет из подсчётов, диаграмм и выгрузок (фильтр может вернуть его). Каждое изменение пишется в журнал аудита.',
  survey: 'Анкета',
  closed: 'закрыта',
  region: 'Регион',
  allRegions: 'Все мои регионы',
  review: 'Статус проверки',
  reviewFilter: {
    any: 'Все',
    unreviewed: 'Не проверены',
    approved: 'Одобрен',
    on_hold: 'Отложен',
    rejected: 'Отклонён',
  },
  status: { approved: 'Одобрен', on_hold: 'Отложен', rejected: 'Отклонён' },
  notReviewed: 'Не проверен',
  columns: {
    received: 'Получен',
    region: 'Регион',
    briefing: 'Брифинг',
    language: 'Язык',
    duration: 'Длительность',
    flags: 'Признаки',
    status: 'Статус',
    open: 'Открыть',
  },
  minutes: (s) => `${Math.round(s / 60)} мин`,
  flags: { straightlining: 'Ответы «по одной колонке»', duplicate: 'Повтор' },
  none: '—',
  open: 'Открыть',
  close: 'Закрыть',
  previous: 'Назад',
  next: 'Далее',
  page: (n) => `Стр. ${n}`,
  empty: 'В этом фильтре ответов нет.',
  answersTitle: 'Ответы',
  notAnswered: 'нет ответа',
  setStatus: 'Задать статус проверки',
  note: 'Примечание',
  save: 'Сохранить',
  saved: 'Сохранено',
  rejectedNote: 'Отклонённый ответ не входит в подсчёты.',
  contacts: 'Контактные данные',
  contactsKept: 'Хранятся',
  contactsNone: 'Не указаны',
  contactsErased: (when) => `Удалены: ${when}`,
  erase: 'Удалить контактные данные',
  confirmErase: 'Безвозвратно удалить контактные данные этого ответа? Остальные ответы не изменятся.',
  failed: 'Не сохранено. Попробуйте ещё раз.',
  tokensLink: 'API-токены для R и Python',
  tokens: {
    title: 'API-токены',
    intro:
      'Личный токен даёт скрипту (R, Python, curl) читать данные ваших регионов: выгрузки и responses.jsonl. Токен ничего не может изменить, показывается один раз, каждое использование пишется в журнал аудита.',
    name: 'Название',
    expires: 'Срок действия (пусто — 90 дней)',
    create: 'Создать токен',
    shownOnce: 'Скопируйте токен сейчас: больше он показан не будет.',
    example: 'Пример',
    columns: {
      name: 'Название',
      created: 'Создан',
      expires: 'Действует до',
      lastUsed: 'Последнее использование',
      state: 'Состояние',
    },
    never: 'ещё нет',
    active: 'Действует',
    revoked: 'Отозван',
    expired: 'Истёк',
    revoke: 'Отозвать',
    confirmRevoke: (name) => `Отозвать токен «${name}»?`,
    none: 'Токенов пока нет.',
  },
};

const en: ResponsesStrings = {
  title: 'Responses',
  intro:
    'Single responses of your regions, newest first. Mark a test or junk response as "Rejected": it leaves counts, charts and downloads (a filter brings it back). Every change is written to the audit log.',
  survey: 'Survey',
  closed: 'closed',
  region: 'Region',
  allRegions: 'All my regions',
  review: 'Review status',
  reviewFilter: {
    any: 'All',
    unreviewed: 'Not reviewed',
    approved: 'Approved',
    on_hold: 'On hold',
    rejected: 'Rejected',
  },
  status: { approved: 'Approved', on_hold: 'On hold', rejected: 'Rejected' },
  notReviewed: 'Not reviewed',
  columns: {
    received: 'Received',
    region: 'Region',
    briefing: 'Briefing',
    language: 'Language',
    duration: 'Duration',
    flags: 'Flags',
    status: 'Status',
    open: 'Open',
  },
  minutes: (s) => `${Math.round(s / 60)} min`,
  flags: { straightlining: 'Straight-lining', duplicate: 'Duplicate' },
  none: '—',
  open: 'Open',
  close: 'Close',
  previous: 'Previous',
  next: 'Next',
  page: (n) => `Page ${n}`,
  empty: 'No responses in this filter.',
  answersTitle: 'Answers',
  notAnswered: 'not answered',
  setStatus: 'Set the review status',
  note: 'Note',
  save: 'Save',
  saved: 'Saved',
  rejectedNote: 'A rejected response is in no count.',
  contacts: 'Contact details',
  contactsKept: 'Kept',
  contactsNone: 'None given',
  contactsErased: (when) => `Erased: ${when}`,
  erase: 'Erase contact details',
  confirmErase: "Erase this response's contact details for good? Its other answers stay as they are.",
  failed: 'Not saved. Please try again.',
  tokensLink: 'API tokens for R and Python',
  tokens: {
    title: 'API tokens',
    intro:
      'A personal token lets a script (R, Python, curl) read your regions’ data: the downloads and responses.jsonl. A token cannot change anything, is shown once, and every use is written to the audit log.',
    name: 'Name',
    expires: 'Expires (empty: in 90 days)',
    create: 'Create a token',
    shownOnce: 'Copy the token now: it will not be shown again.',
    example: 'Example',
    columns: { name: 'Name', created: 'Created', expires: 'Expires', lastUsed: 'Last used', state: 'State' },
    never: 'not yet',
    active: 'Active',
    revoked: 'Revoked',
    expired: 'Expired',
    revoke: 'Revoke',
    confirmRevoke: (name) => `Revoke the token "${name}"?`,
    none: 'No tokens yet.',
  },
};

export const RESPONSES_STRINGS: Record<Locale, ResponsesStrings> = { kk, ru, en };
