// The respondent page's own words (page chrome, sending, receipt, errors) in Kazakh, Russian and English.
// SurveyJS's words (Next, Previous, "response required") come from survey-core's i18n files instead.
import type { Locale } from './locale';
import { KK_MONTHS, RU_MONTHS } from './language-forms';

export interface Strings {
  languageLabel: string;
  loading: string;
  tryAgain: string;
  surveysTitle: string;
  surveysIntro: string;
  surveysEmpty: string;
  loadFailed: string;
  surveyNotFound: string;
  briefingNotFound: string;
  surveyClosed: string;
  briefingRegion: string;
  /** A calendar date, written by hand: Chromium builds without Kazakh ICU data print "2023 M09 15". */
  date: (year: number, month: number, day: number) => string;
  sending: string;
  sentTitle: string;
  sentBody: string;
  reference: string;
  fillAnother: string;
  waitingTitle: string;
  /** The response is in IndexedDB; `count` answers on this phone wait, this one included. */
  waitingBody: (count: number) => string;
  /** No IndexedDB: the response lives only as long as the page. */
  waitingVolatile: string;
  nextTry: (seconds: number) => string;
  serverBusy: (seconds: number) => string;
  sendNow: string;
  rejectedTitle: string;
  fixAnswers: string;
  conflict: string;
  tooLarge: string;
  badRequest: string;
  goneVersion: string;
  backToSurvey: string;
  sendAsNew: string;
  serverSaid: string;
  earlierWaiting: (count: number) => string;
  earlierSent: string;
  earlierRejected: string;
  saveUnsent: string;
  draftRestored: (savedAt: string) => string;
  draftOlderVersion: string;
  startOver: string;
  startOverConfirm: string;
  /** A 410 after a closing; `briefing`: the briefing closed (its own times), not the whole survey. */
  closedAfterGrace: (closedAt: string, acceptedUntil: string, briefing: boolean) => string;
  closedBeforeStart: (closedAt: string, briefing: boolean) => string;
  keepAnswers: string;
}

const EN_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

const kk: Strings = {
  languageLabel: 'Тіл',
  loading: 'Жүктелуде…',
  tryAgain: 'Қайталау',
  surveysTitle: 'Сауалнамалар',
  surveysIntro: 'Толтырғыңыз келетін сауалнаманы таңдаңыз.',
  surveysEmpty: 'Қазір ашық сауалнама жоқ.',
  loadFailed: 'Жүктеу мүмкін болмады. Интернет байланысын тексеріп, қайталап көріңіз.',
  surveyNotFound: 'Мұндай сауалнама табылмады. Сілтемені тексеріңіз.',
  briefingNotFound: 'Мұндай брифинг табылмады. Сілтемені тексеріңіз.',
  surveyClosed: 'Бұл сауалнама жабылды, жауаптар енді қабылданбайды.',
  briefingRegion: 'Өңір',
  date: (y, m, d) => `${y} жылғы ${d} ${KK_MONTHS[m - 1] ?? m}`,
  sending: 'Жіберілуде…',
  sentTitle: 'Жіберілді ✔',
  sentBody: 'Рақмет! Жауабыңыз сақталды.',
  reference: 'Жауап коды',
  fillAnother: 'Тағы бір жауап толтыру',
  waitingTitle: 'Осы телефонда сақталды',
  waitingBody: (n) =>
    `Байланыс қалпына келгенде жауап өздігінен жіберіледі. Жіберілуін күтіп тұрған жауаптар: ${n}.`,
  waitingVolatile:
    'Жауап әлі жіберілген жоқ. Бұл браузер оны бет жабылғаннан кейін сақтай алмайды: бетті жаппаңыз немесе жауаптарыңызды файлға сақтаңыз.',
  nextTry: (s) => `Келесі әрекет ${s} секундтан кейін.`,
  serverBusy: (s) => `Сервер қазір бос емес. Жауабыңыз ${s} секундтан кейін қайта жіберіледі.`,
  sendNow: 'Қазір жіберу',
  rejectedTitle: 'Жауап қабылданбады',
  fixAnswers: 'Мына сұрақтарды тексеріп, қайта жіберіңіз:',
  conflict: 'Осы кодпен басқа жауап бұрын сақталған. Жауабыңызды жаңа жауап ретінде жіберуге болады.',
  tooLarge: 'Жауап тым үлкен. Ұзын мәтіндерді қысқартып, қайта жіберіңіз.',
  badRequest: 'Сервер жауапты оқи алмады. Бетті қайта жүктеп, қайталап көріңіз.',
  goneVersion: 'Бұл сауалнама немесе оның нұсқасы енді жоқ.',
  backToSurvey: 'Сауалнамаға оралу',
  sendAsNew: 'Жаңа жауап ретінде жіберу',
  serverSaid: 'Сервердің хабары',
  earlierWaiting: (n) =>
    `Осы телефонда жіберілуін күтіп тұрған жауаптар: ${n}. Байланыс болғанда өздігінен жіберіледі.`,
  earlierSent: 'Бұрын толтырылған жауаптар жіберілді ✔',
  earlierRejected: 'Бұрын толтырылған бір жауапты сервер қабылдамады.',
  saveUnsent: 'Жіберілмеген жауаптарымды файлға сақтау',
  draftRestored: (at) => `Аяқталмаған жауаптарыңыз қалпына келтірілді (сақталған уақыты: ${at}).`,
  draftOlderVersion: 'Сіз сауалнаманың алдыңғы нұсқасын бастағансыз: жауаптарыңыз сол нұсқаға жіберіледі.',
  startOver: 'Басынан бастау',
  startOverConfirm: 'Осы жауаптар өшіріледі. Басынан бастайсыз ба?',
  closedAfterGrace: (closed, until, briefing) =>
    `Бұл ${briefing ? 'брифинг' : 'сауалнама'} жабылды (жабылған уақыты: ${closed}). Жабылғанға дейін басталған жауаптарды қабылдаудың соңғы мерзімі: ${until}.`,
  closedBeforeStart: (closed, briefing) =>
    `Бұл ${briefing ? 'брифинг' : 'сауалнама'} жабылды (жабылған уақыты: ${closed}). Бұл жауап ол жабылғаннан кейін басталған.`,
  keepAnswers: 'Жауаптарыңыз осы телефонда қалды: оларды файлға сақтап, ұйымдастырушыларға беріңіз.',
};

const ru: Strings = {
  languageLabel: 'Язык',
  loading: 'Загрузка…',
  tryAgain: 'Повторить',
  surveysTitle: 'Опросы',
  surveysIntro: 'Выберите опрос, который хотите заполнить.',
  surveysEmpty: 'Сейчас нет открытых опросов.',
  loadFailed: 'Не удалось загрузить. Проверьте подключение к интернету и попробуйте ещё раз.',
  surveyNotFound: 'Такой опрос не найден. Проверьте ссылку.',
  briefingNotFound: 'Такой брифинг не найден. Проверьте ссылку.',
  surveyClosed: 'Этот опрос закрыт, ответы больше не принимаются.',
  briefingRegion: 'Регион',
  date: (y, m, d) => `${d} ${RU_MONTHS[m - 1] ?? m} ${y} г.`,
  sending: 'Отправка…',
  sentTitle: 'Отправлено ✔',
  sentBody: 'Спасибо! Ваш ответ сохранён.',
  reference: 'Код ответа',
  fillAnother: 'Заполнить ещё один ответ',
  waitingTitle: 'Сохранено на этом телефоне',
  waitingBody: (n) => `Ответ будет отправлен автоматически, когда появится связь. Ждут отправки: ${n}.`,
  waitingVolatile:
    'Ответ ещё не отправлен. Этот браузер не сможет сохранить его после закрытия страницы: не закрывайте её или сохраните ответы в файл.',
  nextTry: (s) => `Следующая попытка через ${s} с.`,
  serverBusy: (s) => `Сервер сейчас занят. Ответ будет отправлен повторно через ${s} с.`,
  sendNow: 'Отправить сейчас',
  rejectedTitle: 'Ответ не принят',
  fixAnswers: 'Проверьте эти вопросы и отправьте ещё раз:',
  conflict: 'С этим кодом уже сохранён другой ответ. Ваш ответ можно отправить как новый.',
  tooLarge: 'Ответ слишком большой. Сократите длинные тексты и отправьте ещё раз.',
  badRequest: 'Сервер не смог прочитать ответ. Перезагрузите страницу и попробуйте ещё раз.',
  goneVersion: 'Этого опроса или его версии больше нет.',
  backToSurvey: 'Вернуться к опросу',
  sendAsNew: 'Отправить как новый ответ',
  serverSaid: 'Сообщение сервера',
  earlierWaiting: (n) =>
    `Ответы на этом телефоне, ждущие отправки: ${n}. Они уйдут автоматически, когда появится связь.`,
  earlierSent: 'Ранее заполненные ответы отправлены ✔',
  earlierRejected: 'Сервер не принял один из ранее заполненных ответов.',
  saveUnsent: 'Сохранить неотправленные ответы в файл',
  draftRestored: (at) => `Ваши незаконченные ответы восстановлены (сохранены: ${at}).`,
  draftOlderVersion: 'Вы начали предыдущую версию опроса: ответы будут отправлены в неё.',
  startOver: 'Начать заново',
  startOverConfirm: 'Эти ответы будут удалены. Начать заново?',
  closedAfterGrace: (closed, until, briefing) =>
    `${briefing ? 'Этот брифинг' : 'Этот опрос'} закрыт (время закрытия: ${closed}). Ответы, начатые до закрытия, принимались до ${until}.`,
  closedBeforeStart: (closed, briefing) =>
    `${briefing ? 'Этот брифинг' : 'Этот опрос'} закрыт (время закрытия: ${closed}). Этот ответ начат уже после закрытия.`,
  keepAnswers: 'Ваши ответы остались на этом телефоне: сохраните их в файл и передайте организаторам.',
};

const en: Strings = {
  languageLabel: 'Language',
  loading: 'Loading…',
  tryAgain: 'Try again',
  surveysTitle: 'Surveys',
  surveysIntro: 'Choose a survey to fill in.',
  surveysEmpty: 'There are no open surveys right now.',
  loadFailed: 'Could not load. Check your internet connection and try again.',
  surveyNotFound: 'No such survey. Please check the link.',
  briefingNotFound: 'No such briefing. Please check the link.',
  surveyClosed: 'This survey is closed and no longer accepts answers.',
  briefingRegion: 'Region',
  date: (y, m, d) => `${d} ${EN_MONTHS[m - 1] ?? m} ${y}`,
  sending: 'Sending…',
  sentTitle: 'Sent ✔',
  sentBody: 'Thank you! Your answer has been saved.',
  reference: 'Reference',
  fillAnother: 'Fill in another response',
  waitingTitle: 'Saved on this phone',
  waitingBody: (n) => `It will be sent automatically when the connection returns. Waiting to be sent: ${n}.`,
  waitingVolatile:
    'Not sent yet. This browser cannot keep it once the page is closed: keep the page open, or save your answers to a file.',
  nextTry: (s) => `Next try in ${s} s.`,
  serverBusy: (s) => `The server is busy. Your answer will be sent again in ${s} s.`,
  sendNow: 'Send now',
  rejectedTitle: 'The answer was not accepted',
  fixAnswers: 'Please check these questions and send again:',
  conflict: 'A different answer was already saved with this reference. You can send yours as a new response.',
  tooLarge: 'The answer is too large. Please shorten long texts and send again.',
  badRequest: 'The server could not read the answer. Reload the page and try again.',
  goneVersion: 'This survey or its version no longer exists.',
  backToSurvey: 'Back to the survey',
  sendAsNew: 'Send as a new response',
  serverSaid: 'Server message',
  earlierWaiting: (n) =>
    `Answers on this phone waiting to be sent: ${n}. They will go automatically when the connection returns.`,
  earlierSent: 'Earlier answers have been sent ✔',
  earlierRejected: 'The server did not accept one of the earlier answers.',
  saveUnsent: 'Save my unsent answers to a file',
  draftRestored: (at) => `Your unfinished answers were restored (saved ${at}).`,
  draftOlderVersion:
    'You began an earlier version of this survey: your answers will be sent to that version.',
  startOver: 'Start over',
  startOverConfirm: 'These answers will be deleted. Start over?',
  closedAfterGrace: (closed, until, briefing) =>
    `This ${briefing ? 'briefing' : 'survey'} closed on ${closed}. Answers begun before then were accepted until ${until}.`,
  closedBeforeStart: (closed, briefing) =>
    `This ${briefing ? 'briefing' : 'survey'} closed on ${closed}, before this response was begun.`,
  keepAnswers: 'Your answers are still on this phone: save them to a file and give it to the organisers.',
};

const STRINGS: Record<Locale, Strings> = { kk, ru, en };

export function stringsFor(locale: Locale): Strings {
  return STRINGS[locale];
}

/** An ISO time in the phone's clock: "14:05" when it is today, else the date too ("14 мамыр 2024, 14:05"). */
export function formatWhen(iso: string, t: Strings, now = new Date()): string {
  const when = new Date(iso);
  if (Number.isNaN(when.getTime())) return iso;
  const time = `${String(when.getHours()).padStart(2, '0')}:${String(when.getMinutes()).padStart(2, '0')}`;
  if (when.toDateString() === now.toDateString()) return time;
  return `${t.date(when.getFullYear(), when.getMonth() + 1, when.getDate())}, ${time}`;
}
