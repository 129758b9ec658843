// The survey versions section's words in Kazakh, Russian and English. check's findings have their own file
// (finding-strings.ts).
import type { Locale } from '../../lib/locale';
import type { VersionChange } from './surveys-api';

export interface SurveysStrings {
  title: string;
  survey: string;
  open: string;
  closed: string;
  close: string;
  reopen: string;
  confirmClose: string;
  versions: string;
  json: string;
  sheet: string;
  draftTitle: string;
  draftIntro: string;
  file: string;
  choose: string;
  noneChosen: string;
  check: string;
  checking: string;
  draftOf: (version: number, since: number) => string;
  noErrors: string;
  errors: (n: number) => string;
  warnings: (n: number) => string;
  findingsQuoted: string;
  changes: string;
  noChanges: string;
  kinds: Record<VersionChange['kind'], string>;
  download: (version: number) => string;
  publish: (version: number) => string;
  publishing: string;
  confirmPublish: (version: number) => string;
  published: (version: number) => string;
  publishNote: string;
  preview: string;
  previewLanguage: string;
  refused: string;
  failed: string;
}

const kk: SurveysStrings = {
  title: 'Сауалнамалар мен нұсқалар',
  survey: 'Сауалнама',
  open: 'Жауап қабылдайды',
  closed: 'Жабық',
  close: 'Сауалнаманы жабу',
  reopen: 'Сауалнаманы қайта ашу',
  confirmClose:
    'Сауалнаманы жабу керек пе? Жаңа жауаптар қабылданбайды; жабылғанға дейін басталған жауаптар 72 сағат бойы қабылданады.',
  versions: 'Нұсқалар',
  json: 'JSON',
  sheet: 'Аударма кестесі (XLSX)',
  draftTitle: 'Келесі нұсқаның жобасы',
  draftIntro:
    'Жаңа нұсқаның JSON файлын немесе аудармашы толтырған кестені (XLSX) таңдаңыз: тексеру нәтижесі мен соңғы нұсқадан бергі өзгерістер көрсетіледі.',
  file: 'JSON немесе XLSX файлы',
  choose: 'Файлды таңдау',
  noneChosen: 'Файл таңдалмаған',
  check: 'Тексеру',
  checking: 'Тексерілуде…',
  draftOf: (n, since) => `v${n} жобасы: v${since} нұсқасынан бері не өзгерді`,
  noErrors: 'Қате жоқ.',
  errors: (n) => `Қателер: ${n}. Қателер түзетілмейінше бұл нұсқаны жариялауға болмайды.`,
  warnings: (n) => `Ескертулер: ${n} (жариялауға кедергі емес).`,
  findingsQuoted: 'SurveyJS кітапханасының өз түсініктемелері ағылшынша келтіріледі.',
  changes: 'Өзгерістер',
  noChanges: 'Сұрақтар мен жауап нұсқалары өзгермеген.',
  kinds: {
    'question-added': 'Жаңа сұрақ',
    'question-removed': 'Алынып тасталған сұрақ',
    'question-reworded': 'Мәтіні өзгерген сұрақ',
    'choice-added': 'Жаңа жауап нұсқасы',
    'choice-removed': 'Алынып тасталған жауап нұсқасы',
    renamed: 'Атауы өзгерген сұрақ: жаңа мағына ретінде саналады',
  },
  download: (n) => `v${n}.json жүктеп алу`,
  publish: (n) => `v${n} нұсқасын жариялау`,
  publishing: 'Жариялануда…',
  confirmPublish: (n) =>
    `v${n} нұсқасын жариялау керек пе? Телефондар оны бірден алады; жарияланған нұсқаны өзгертуге болмайды.`,
  published: (n) =>
    `v${n} жарияланды: телефондар оны қазір алады. Репозиторийде сақтау үшін v${n}.json файлын жүктеп алыңыз.`,
  publishNote:
    'Жариялау нұсқаны бірден келесі нұсқа етеді, дерекқорды ортақ пайдаланатын барлық серверде де. Жарияланған нұсқа өзгермейді: түзету — келесі нұсқа.',
  preview: 'Респондент көретін түрі (телефон)',
  previewLanguage: 'Алдын ала қарау тілі',
  refused: 'Файл қабылданбады.',
  failed: 'Әрекет орындалмады.',
};

const ru: SurveysStrings = {
  title: 'Анкеты и версии',
  survey: 'Анкета',
  open: 'Принимает ответы',
  closed: 'Закрыта',
  close: 'Закрыть анкету',
  reopen: 'Открыть анкету снова',
  confirmClose:
    'Закрыть анкету? Новые ответы не принимаются; ответы, начатые до закрытия, принимаются ещё 72 часа.',
  versions: 'Версии',
  json: 'JSON',
  sheet: 'Таблица переводов (XLSX)',
  draftTitle: 'Черновик следующей версии',
  draftIntro:
    'Выберите JSON-файл новой версии или заполненную переводчиком таблицу (XLSX): будут показаны результаты проверки и изменения с последней версии.',
  file: 'Файл JSON или XLSX',
  choose: 'Выбрать файл',
  noneChosen: 'Файл не выбран',
  check: 'Проверить',
  checking: 'Проверяем…',
  draftOf: (n, since) => `Черновик v${n}: что изменилось с v${since}`,
  noErrors: 'Ошибок нет.',
  errors: (n) => `Ошибок: ${n}. Пока они не исправлены, версию публиковать нельзя.`,
  warnings: (n) => `Предупреждений: ${n} (публикации не мешают).`,
  findingsQuoted: 'Собственные пояснения библиотеки SurveyJS приводятся по-английски.',
  changes: 'Изменения',
  noChanges: 'Вопросы и варианты ответов не изменились.',
  kinds: {
    'question-added': 'Новый вопрос',
    'question-removed': 'Удалённый вопрос',
    'question-reworded': 'Изменён текст вопроса',
    'choice-added': 'Новый вариант ответа',
    'choice-removed': 'Удалённый вариант ответа',
    renamed: 'Вопрос переименован: считается новым смыслом',
  },
  download: (n) => `Скачать v${n}.json`,
  publish: (n) => `Опубликовать v${n}`,
  publishing: 'Публикуем…',
  confirmPublish: (n) =>
    `Опубликовать v${n}? Телефоны получат её сразу; опубликованную версию изменить нельзя.`,
  published: (n) =>
    `v${n} опубликована: телефоны получают её уже сейчас. Скачайте v${n}.json, чтобы сохранить её в репозитории.`,
  publishNote:
    'Публикация сразу делает черновик следующей версией — на всех серверах с общей базой данных. Опубликованная версия не меняется: исправление — это следующая версия.',
  preview: 'Как увидит респондент (телефон)',
  previewLanguage: 'Язык предпросмотра',
  refused: 'Файл не принят.',
  failed: 'Действие не выполнено.',
};

const en: SurveysStrings = {
  title: 'Surveys and versions',
  survey: 'Survey',
  open: 'Taking answers',
  closed: 'Closed',
  close: 'Close the survey',
  reopen: 'Open the survey again',
  confirmClose:
    'Close the survey? New answers are refused; answers begun before the closing are still taken for 72 hours.',
  versions: 'Versions',
  json: 'JSON',
  sheet: 'Translation sheet (XLSX)',
  draftTitle: 'Draft of the next version',
  draftIntro:
    'Choose a new version’s JSON file or a translation sheet (XLSX) a translator filled in: the page shows check’s findings and what changed since the newest version.',
  file: 'JSON or XLSX file',
  choose: 'Choose a file',
  noneChosen: 'No file chosen',
  check: 'Check',
  checking: 'Checking…',
  draftOf: (n, since) => `Draft v${n}: what changed since v${since}`,
  noErrors: 'No errors.',
  errors: (n) => `Errors: ${n}. Until they are fixed the version may not be published.`,
  warnings: (n) => `Warnings: ${n} (they do not stop publishing).`,
  findingsQuoted: 'SurveyJS’s own explanations are quoted in English.',
  changes: 'Changes',
  noChanges: 'No question or choice changed.',
  kinds: {
    'question-added': 'New question',
    'question-removed': 'Question removed',
    'question-reworded': 'Question reworded',
    'choice-added': 'New choice',
    'choice-removed': 'Choice removed',
    renamed: 'Question renamed: counted as a new meaning',
  },
  download: (n) => `Download v${n}.json`,
  publish: (n) => `Publish v${n}`,
  publishing: 'Publishing…',
  confirmPublish: (n) => `Publish v${n}? Phones get it at once; a published version cannot be changed.`,
  published: (n) => `v${n} is published: phones get it now. Download v${n}.json to keep it in the repository.`,
  publishNote:
    'Publishing makes the draft the next version at once, on every server that shares the database. A published version never changes: a correction is the next version.',
  preview: 'As a respondent sees it (phone)',
  previewLanguage: 'Preview language',
  refused: 'The file was refused.',
  failed: 'That did not work.',
};

export const SURVEYS_STRINGS: Record<Locale, SurveysStrings> = { kk, ru, en };
