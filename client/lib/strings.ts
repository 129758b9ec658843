// The respondent page's own words (page chrome, sending, receipt, errors) in Kazakh, Russian and English.
// SurveyJS's words (Next, Previous, "response required") come from survey-core's i18n files instead.
import type { Locale } from './locale';

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
  waitingBody: string;
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
}

const KK_MONTHS = [
  'қаңтар',
  'ақпан',
  'наурыз',
  'сәуір',
  'мамыр',
  'маусым',
  'шілде',
  'тамыз',
  'қыркүйек',
  'қазан',
  'қараша',
  'желтоқсан',
];
const RU_MONTHS = [
  'января',
  'февраля',
  'марта',
  'апреля',
  'мая',
  'июня',
  'июля',
  'августа',
  'сентября',
  'октября',
  'ноября',
  'декабря',
];
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
  waitingTitle: 'Әлі жіберілген жоқ',
  waitingBody:
    'Жауабыңыз осы телефонда сақталды және байланыс қалпына келгенде өздігінен жіберіледі. Мүмкін болса, бұл бетті жаппаңыз.',
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
    `Жіберілуді күтіп тұрған бұрынғы жауаптар: ${n}. Байланыс болғанда өздігінен жіберіледі.`,
  earlierSent: 'Бұрын толтырылған жауаптар жіберілді ✔',
  earlierRejected: 'Бұрын толтырылған бір жауапты сервер қабылдамады.',
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
  waitingTitle: 'Ещё не отправлено',
  waitingBody:
    'Ваш ответ сохранён на этом телефоне и будет отправлен автоматически, когда появится связь. По возможности не закрывайте эту страницу.',
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
    `Ранее заполненные ответы ждут отправки: ${n}. Они уйдут автоматически, когда появится связь.`,
  earlierSent: 'Ранее заполненные ответы отправлены ✔',
  earlierRejected: 'Сервер не принял один из ранее заполненных ответов.',
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
  waitingTitle: 'Not sent yet',
  waitingBody:
    'Your answer is saved on this phone and will be sent automatically when the connection returns. If you can, keep this page open.',
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
    `Earlier answers waiting to be sent: ${n}. They will go automatically when the connection returns.`,
  earlierSent: 'Earlier answers have been sent ✔',
  earlierRejected: 'The server did not accept one of the earlier answers.',
};

const STRINGS: Record<Locale, Strings> = { kk, ru, en };

export function stringsFor(locale: Locale): Strings {
  return STRINGS[locale];
}
