// The export page's words in Kazakh, Russian and English: the filters, the downloads, and what the files hold.
import type { Locale } from '../../lib/locale';
import { ruPlural } from '../../lib/language-forms';

export interface ExportStrings {
  title: string;
  intro: string;
  survey: string;
  closed: string;
  regions: string;
  allRegions: string;
  clearRegions: string;
  responsesHeading: string;
  countsUnavailable: string;
  /** Small-cell suppression: the server does not say how many below `k`. */
  fewer: (k: number) => string;
  otherRegions: (count: number) => string;
  selectedRegions: (chosen: number, of: number) => string;
  /** `n` already written with the thousands separator. */
  responses: (count: number, n: string) => string;
  versions: string;
  version: (n: number) => string;
  newest: string;
  versionsNote: string;
  briefing: string;
  allBriefings: string;
  briefingSlug: string;
  briefingSlugHint: string;
  period: string;
  from: string;
  to: string;
  periodNote: string;
  labels: string;
  labelOptions: Record<'values' | Locale, string>;
  choices: string;
  choiceOptions: Record<'columns' | 'joined', string>;
  piiLegend: string;
  pii: string;
  piiNote: string;
  download: string;
  csv: string;
  zip: string;
  dictionary: string;
  checking: string;
  noRegion: string;
  noVersion: string;
  badDates: string;
  refused: string;
  aboutCsv: string;
  aboutZip: string;
  aboutDictionary: string;
  skipped: string;
  notAsked: string;
}

const kk: ExportStrings = {
  title: 'Жауаптарды жүктеп алу',
  intro: 'Сүзгілерді таңдап, файлды жүктеп алыңыз. Бұл беттің сілтемесі таңдалған сүзгілерді сақтайды.',
  survey: 'Сауалнама',
  closed: 'жабық',
  regions: 'Өңірлер',
  allRegions: 'Барлық өңірлер',
  clearRegions: 'Барлығын алып тастау',
  responsesHeading: 'жауап саны',
  countsUnavailable: 'Өңірлер бойынша жауап саны әзірге қолжетімсіз.',
  fewer: (k) => `< ${k}`,
  otherRegions: (count) => `Тіркелгіңізге қолжетімсіз басқа өңірлер (${count})`,
  selectedRegions: (chosen, of) => `Таңдалғаны: ${chosen} / ${of}`,
  responses: (_, n) => `${n} жауап`,
  versions: 'Сауалнама нұсқалары',
  version: (n) => `${n}-нұсқа`,
  newest: 'ең жаңасы',
  versionsNote: 'Бағандар — таңдалған нұсқалардағы барлық сұрақтар.',
  briefing: 'Брифинг',
  allBriefings: 'Барлық жауаптар',
  briefingSlug: 'Брифинг сілтемесінің коды',
  briefingSlugHint: 'Мысалы, semey-2023-09-15. Бос қалса, барлық жауаптар кіреді.',
  period: 'Кезең',
  from: 'Басы',
  to: 'Соңы',
  periodNote: 'Қазақстан уақытымен (UTC+5); соңғы күн толық кіреді.',
  labels: 'Жауаптар қалай жазылады',
  labelOptions: {
    values: 'Кодтар (R, Python, SPSS үшін)',
    kk: 'Қазақша мәтін',
    ru: 'Орысша мәтін',
    en: 'Ағылшынша мәтін',
  },
  choices: 'Бірнеше жауапты сұрақтар',
  choiceOptions: {
    columns: 'Әр нұсқаға бөлек баған (1 не 0)',
    joined: 'Бір ұяшықта, «;» арқылы',
  },
  piiLegend: 'Жеке деректер',
  pii: 'Жеке деректерді қосу (аты-жөні, телефоны, электрондық поштасы)',
  piiNote: 'Тек келісім берген қатысушылардың байланыс деректері. Файлды бөтен адамдарға бермеңіз.',
  download: 'Жүктеп алу',
  csv: 'CSV жүктеп алу',
  zip: 'Өңірлер бойынша ZIP',
  dictionary: 'Деректер сөздігі',
  checking: 'Тексеріп жатырмыз…',
  noRegion: 'Кемінде бір өңірді таңдаңыз.',
  noVersion: 'Кемінде бір нұсқаны таңдаңыз.',
  badDates: 'Кезеңнің соңы басынан ерте болмауы керек.',
  refused: 'Сервер файлды бермеді:',
  aboutCsv: 'CSV — UTF-8, BOM белгісімен: Excel кирилл әріптерін дұрыс ашады, R, Python мен SPSS те оқиды.',
  aboutZip: 'ZIP — әр өңірге бөлек CSV, жалпы файл және деректер сөздігі.',
  aboutDictionary: 'Сөздік — әр бағанның сұрағы мен кодтарының қазақша, орысша, ағылшынша мәтіні.',
  skipped: 'Бос ұяшық — сұрақ қойылған, бірақ жауап берілмеген (өткізіп жіберілген).',
  notAsked:
    'Сұрақ жауаптың нұсқасында болмаса, ұяшық та бос, бірақ сұрақ атауы __not_asked бағанында тұрады (сұрақ қойылмаған).',
};

const ru: ExportStrings = {
  title: 'Выгрузка ответов',
  intro: 'Выберите фильтры и скачайте файл. Ссылка на эту страницу сохраняет выбранные фильтры.',
  survey: 'Анкета',
  closed: 'закрыта',
  regions: 'Регионы',
  allRegions: 'Все регионы',
  clearRegions: 'Снять отметки',
  responsesHeading: 'ответов',
  countsUnavailable: 'Число ответов по регионам пока недоступно.',
  fewer: (k) => `< ${k}`,
  otherRegions: (count) => `Другие регионы, недоступные вашей учётной записи (${count})`,
  selectedRegions: (chosen, of) => `Выбрано: ${chosen} из ${of}`,
  responses: (count, n) => `${n} ${ruPlural(count, 'ответ', 'ответа', 'ответов')}`,
  versions: 'Версии анкеты',
  version: (n) => `версия ${n}`,
  newest: 'новейшая',
  versionsNote: 'Столбцы — все вопросы выбранных версий.',
  briefing: 'Брифинг',
  allBriefings: 'Все ответы',
  briefingSlug: 'Код ссылки брифинга',
  briefingSlugHint: 'Например, semey-2023-09-15. Если пусто — все ответы.',
  period: 'Период',
  from: 'С',
  to: 'По',
  periodNote: 'По времени Казахстана (UTC+5); последний день входит целиком.',
  labels: 'Как записать ответы',
  labelOptions: {
    values: 'Коды (для R, Python, SPSS)',
    kk: 'Текст на казахском',
    ru: 'Текст на русском',
    en: 'Текст на английском',
  },
  choices: 'Вопросы с несколькими ответами',
  choiceOptions: {
    columns: 'Отдельный столбец на вариант (1 или 0)',
    joined: 'В одной ячейке через «;»',
  },
  piiLegend: 'Персональные данные',
  pii: 'Включить персональные данные (имя, телефон, e-mail)',
  piiNote: 'Только контакты участников, давших согласие. Не передавайте файл посторонним.',
  download: 'Скачать',
  csv: 'Скачать CSV',
  zip: 'ZIP по регионам',
  dictionary: 'Словарь данных',
  checking: 'Проверяем…',
  noRegion: 'Выберите хотя бы один регион.',
  noVersion: 'Выберите хотя бы одну версию.',
  badDates: 'Конец периода не может быть раньше начала.',
  refused: 'Сервер не отдал файл:',
  aboutCsv: 'CSV — UTF-8 с BOM: Excel правильно открывает кириллицу, R, Python и SPSS тоже его читают.',
  aboutZip: 'ZIP — отдельный CSV на каждый регион, общий файл и словарь данных.',
  aboutDictionary: 'Словарь — вопрос каждого столбца и тексты кодов на казахском, русском и английском.',
  skipped: 'Пустая ячейка — вопрос был задан, но остался без ответа (пропущен).',
  notAsked:
    'Если вопроса не было в версии анкеты ответа, ячейка тоже пуста, но имя вопроса стоит в столбце __not_asked (не задавался).',
};

const en: ExportStrings = {
  title: 'Export answers',
  intro: 'Choose the filters and download a file. A link to this page keeps the chosen filters.',
  survey: 'Survey',
  closed: 'closed',
  regions: 'Regions',
  allRegions: 'All regions',
  clearRegions: 'Clear',
  responsesHeading: 'responses',
  countsUnavailable: 'Response counts per region are not available yet.',
  fewer: (k) => `< ${k}`,
  otherRegions: (count) => `Other regions, outside your account (${count})`,
  selectedRegions: (chosen, of) => `${chosen} of ${of} chosen`,
  responses: (count, n) => `${n} ${count === 1 ? 'response' : 'responses'}`,
  versions: 'Survey versions',
  version: (n) => `version ${n}`,
  newest: 'newest',
  versionsNote: 'The columns are every question of the chosen versions.',
  briefing: 'Briefing',
  allBriefings: 'All answers',
  briefingSlug: 'Briefing link code',
  briefingSlugHint: 'For example semey-2023-09-15. Empty: all answers.',
  period: 'Period',
  from: 'From',
  to: 'To',
  periodNote: "In Kazakhstan's time (UTC+5); the last day counts in full.",
  labels: 'How answers are written',
  labelOptions: {
    values: 'Codes (for R, Python, SPSS)',
    kk: 'Kazakh text',
    ru: 'Russian text',
    en: 'English text',
  },
  choices: 'Multiple-answer questions',
  choiceOptions: {
    columns: 'One column per option (1 or 0)',
    joined: 'One cell, separated by “;”',
  },
  piiLegend: 'Personal data',
  pii: 'Include personal data (name, phone, email)',
  piiNote: 'Contacts of attendees who consented only. Do not pass the file on.',
  download: 'Download',
  csv: 'Download CSV',
  zip: 'Per-region ZIP',
  dictionary: 'Data dictionary',
  checking: 'Checking…',
  noRegion: 'Choose at least one region.',
  noVersion: 'Choose at least one version.',
  badDates: 'The end of the period cannot be before its start.',
  refused: 'The server did not give the file:',
  aboutCsv: 'CSV is UTF-8 with a BOM: Excel shows Cyrillic right; R, Python and SPSS read it too.',
  aboutZip: 'The ZIP holds one CSV per region, a combined file and the data dictionary.',
  aboutDictionary:
    "The dictionary gives each column's question and the codes' texts in Kazakh, Russian and English.",
  skipped: 'An empty cell: the question was asked but not answered (skipped).',
  notAsked:
    "When the response's version did not have the question, the cell is empty too, and the question's name is in the __not_asked column (not asked).",
};

export const EXPORT_STRINGS: Record<Locale, ExportStrings> = { kk, ru, en };
