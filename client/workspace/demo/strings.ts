// The demo-data banner's words in Kazakh, Russian and English.
import type { Locale } from '../../lib/locale';

export interface DemoStrings {
  present: (responses: string, briefings: string) => string;
  notReal: string;
  remove: string;
  removing: string;
  confirm: string;
  removed: (responses: string, briefings: string) => string;
  failed: string;
}

const kk: DemoStrings = {
  present: (r, b) => `Мұнда демо деректер бар: ${r} жауап және ${b} брифинг.`,
  notReal: 'Олар нақты жауаптар емес: есептерге сенбес бұрын оларды жойыңыз.',
  remove: 'Демо деректерді жою',
  removing: 'Жойылуда…',
  confirm: 'Барлық демо жауаптар мен демо брифингтерді жою керек пе? Нақты жауаптар өзгермейді.',
  removed: (r, b) =>
    `Демо деректер жойылды: ${r} жауап және ${b} брифинг. Енді тек нақты жауаптар көрсетіледі.`,
  failed: 'Демо деректер жойылмады.',
};

const ru: DemoStrings = {
  present: (r, b) => `Здесь есть демонстрационные данные (ответов: ${r}, брифингов: ${b}).`,
  notReal: 'Это не настоящие ответы: удалите их, прежде чем доверять отчётам.',
  remove: 'Удалить демонстрационные данные',
  removing: 'Удаляем…',
  confirm: 'Удалить все демонстрационные ответы и брифинги? Настоящие ответы не изменятся.',
  removed: (r, b) =>
    `Демонстрационные данные удалены (ответов: ${r}, брифингов: ${b}). Теперь видны только настоящие ответы.`,
  failed: 'Демонстрационные данные не удалены.',
};

const en: DemoStrings = {
  present: (r, b) => `Demo data is here: ${r} responses and ${b} briefings.`,
  notReal: 'They are not real answers: remove them before trusting any figure.',
  remove: 'Remove demo data',
  removing: 'Removing…',
  confirm: 'Remove every demo response and demo briefing? Real answers stay as they are.',
  removed: (r, b) => `Demo data removed: ${r} responses and ${b} briefings. Only real answers are shown now.`,
  failed: 'The demo data was not removed.',
};

export const DEMO_STRINGS: Record<Locale, DemoStrings> = { kk, ru, en };
