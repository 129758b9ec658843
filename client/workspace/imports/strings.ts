// The import section's own words in Kazakh, Russian and English. The reasons a response was refused come from the
// server in English (its problem details), as the page says.
import type { Locale } from '../../lib/locale';

export interface ImportStrings {
  title: string;
  intro: string;
  files: string;
  filesHint: string;
  choose: string;
  noneChosen: string;
  import: string;
  importing: string;
  /** When the phone wrote the file, in Kazakhstan time. */
  savedOn: (time: string) => string;
  counts: { responses: string; stored: string; alreadyStored: string; conflicts: string; refused: string };
  allIn: string;
  someOut: string;
  columns: { reference: string; outcome: string; reason: string };
  outcome: { conflict: string; refused: string };
  conflictReason: string;
  reasonsInEnglish: string;
  notUnsent: string;
  notImported: string;
  mayNot: string;
}

const kk: ImportStrings = {
  title: 'Жіберілмеген жауаптарды импорттау',
  intro:
    'Телефон жауаптарды жібере алмаса, қатысушы оларды файлға сақтай алады (saualnama-unsent-….json). Сол файлдарды осында таңдаңыз: әр жауап телефоннан жіберілгендей тексеріледі, бұрын сақталған жауап екінші рет жазылмайды.',
  files: 'Жіберілмеген жауаптар файлдары',
  filesHint: 'Бір немесе бірнеше .json файл.',
  choose: 'Файлдарды таңдау',
  noneChosen: 'Файл таңдалмаған',
  import: 'Импорттау',
  importing: 'Импортталуда…',
  savedOn: (time) => `Телефонда сақталған уақыты: ${time}`,
  counts: {
    responses: 'Файлдағы жауаптар',
    stored: 'Сақталды',
    alreadyStored: 'Бұрын сақталған',
    conflicts: 'Қайшылықтар',
    refused: 'Қабылданбады',
  },
  allIn: 'Файлдағы барлық жауап дерекқорда.',
  someOut: 'Кейбір жауаптар сақталмады: себептері төменде.',
  columns: { reference: 'Жауап коды', outcome: 'Нәтиже', reason: 'Себебі' },
  outcome: { conflict: 'Қайшылық', refused: 'Қабылданбады' },
  conflictReason: 'Осы идентификатормен басқа жауаптар бұрын сақталған.',
  reasonsInEnglish: 'Себептер сервердің сөзімен, ағылшынша беріледі.',
  notUnsent: 'Бұл жіберілмеген жауаптар файлы емес немесе файл бүлінген. Ештеңе импортталмады.',
  notImported: 'Файл импортталмады.',
  mayNot: 'Жауаптарды тек әкімші импорттай алады.',
};

const ru: ImportStrings = {
  title: 'Импорт неотправленных ответов',
  intro:
    'Если телефон не смог отправить ответы, участник может сохранить их в файл (saualnama-unsent-….json). Выберите такие файлы здесь: каждый ответ проверяется так же, как при отправке с телефона, а уже сохранённый ответ второй раз не записывается.',
  files: 'Файлы неотправленных ответов',
  filesHint: 'Один или несколько файлов .json.',
  choose: 'Выбрать файлы',
  noneChosen: 'Файлы не выбраны',
  import: 'Импортировать',
  importing: 'Импорт…',
  savedOn: (time) => `Сохранён на телефоне: ${time}`,
  counts: {
    responses: 'Ответов в файле',
    stored: 'Сохранено',
    alreadyStored: 'Уже были сохранены',
    conflicts: 'Конфликты',
    refused: 'Отклонено',
  },
  allIn: 'Все ответы из файла есть в базе данных.',
  someOut: 'Часть ответов не сохранена: причины ниже.',
  columns: { reference: 'Код ответа', outcome: 'Итог', reason: 'Причина' },
  outcome: { conflict: 'Конфликт', refused: 'Отклонён' },
  conflictReason: 'Под этим идентификатором уже сохранены другие ответы.',
  reasonsInEnglish: 'Причины даны словами сервера, по-английски.',
  notUnsent: 'Это не файл неотправленных ответов, или файл повреждён. Ничего не импортировано.',
  notImported: 'Файл не импортирован.',
  mayNot: 'Импортировать ответы может только администратор.',
};

const en: ImportStrings = {
  title: 'Import unsent answers',
  intro:
    'When a phone could not send its answers, the attendee can save them to a file (saualnama-unsent-….json). Choose such files here: each response is checked exactly as if the phone had sent it, and an answer already stored is not stored twice.',
  files: 'Unsent-answers files',
  filesHint: 'One or more .json files.',
  choose: 'Choose files',
  noneChosen: 'No file chosen',
  import: 'Import',
  importing: 'Importing…',
  savedOn: (time) => `Saved on the phone: ${time}`,
  counts: {
    responses: 'Responses in the file',
    stored: 'Stored',
    alreadyStored: 'Already stored',
    conflicts: 'Conflicts',
    refused: 'Refused',
  },
  allIn: 'Every response of the file is in the database.',
  someOut: 'Some responses were not stored: the reasons are below.',
  columns: { reference: 'Response code', outcome: 'Outcome', reason: 'Reason' },
  outcome: { conflict: 'Conflict', refused: 'Refused' },
  conflictReason: 'Other answers were already stored under this id.',
  reasonsInEnglish: 'The reasons are in the server’s words, in English.',
  notUnsent: 'This is not an unsent-answers file, or the file is damaged. Nothing was imported.',
  notImported: 'The file was not imported.',
  mayNot: 'Only an admin may import answers.',
};

export const IMPORT_STRINGS: Record<Locale, ImportStrings> = { kk, ru, en };
