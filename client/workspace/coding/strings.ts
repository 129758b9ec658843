// The coding section's words in Kazakh, Russian and English.
import type { Locale } from '../../lib/locale';

export interface CodingStrings {
  title: string;
  intro: string;
  question: string;
  otherOf: (title: string) => string;
  noQuestions: string;
  tabs: { code: string; codebook: string; agreement: string };
  // Coding screen
  progress: (coded: number, total: number) => string;
  secondCoder: string;
  secondCoderNote: string;
  onlyUncoded: string;
  answerOf: (n: number, of: number) => string;
  region: string;
  briefing: string;
  language: string;
  noBriefing: string;
  codes: string;
  noCodesYet: string;
  typeAhead: string;
  keys: string;
  suggested: string;
  acceptSuggestions: string;
  passage: string;
  passageHint: string;
  clearPassage: string;
  save: string;
  previous: string;
  undo: string;
  undone: string;
  saved: string;
  savedNone: string;
  done: string;
  nothingToCode: string;
  failed: string;
  // Codebook
  newCode: string;
  shortName: string;
  shortNameHint: string;
  label: (lang: string) => string;
  description: string;
  parent: string;
  noParent: string;
  rules: string;
  rulesHint: string;
  add: string;
  rename: string;
  newName: string;
  mergeInto: string;
  merge: string;
  merged: (moved: number) => string;
  saveRules: string;
  wouldTag: (n: number) => string;
  uncodedInFilter: (n: number) => string;
  apply: (n: number) => string;
  applied: (n: number) => string;
  keyOf: (n: number) => string;
  // Agreement
  agreementIntro: string;
  bothCoded: (n: number) => string;
  code: string;
  kappa: string;
  observed: string;
  table: string;
  undefinedKappa: string;
  disagreements: string;
  firstCoder: string;
  secondCoderCol: string;
  keepFirst: string;
  takeSecond: string;
  noDisagreements: string;
  // Results (dashboard, brief)
  resultsTitle: string;
  resultsIntro: (k: number) => string;
  codedAnswers: string;
  total: string;
  proposedTitle: string;
  proposedIntro: string;
  topCodes: string;
  quotes: string;
  noCoded: string;
  quote: string;
  quoteChosen: string;
  confirmSmallRegion: string;
}

const kk: CodingStrings = {
  title: 'Жауаптарды кодтау',
  intro:
    'Еркін жауаптарды кодтарға бөліп, өңірлер бойынша санаңыз. Пернелер: 1–9 — код, Enter — сақтап келесіге, Backspace — болдырмау, A — ұсынылған кодтарды қабылдау.',
  question: 'Сұрақ',
  otherOf: (title) => `${title} — «Басқа» жауаптары`,
  noQuestions: 'Бұл сауалнамада кодталатын еркін жауап жоқ.',
  tabs: { code: 'Кодтау', codebook: 'Кодтар кітабы', agreement: 'Кодтаушылар келісімі' },
  progress: (coded, total) => `${coded} / ${total} кодталды`,
  secondCoder: 'Мен екінші кодтаушымын (бірінші кодтаушының кодтарын көрмеймін)',
  secondCoderNote: 'Бірінші кодтаушы кодтаған жауаптардың іріктемесі. Бұл кодтар есепке кірмейді.',
  onlyUncoded: 'Тек кодталмағандар',
  answerOf: (n, of) => `Жауап ${n} / ${of}`,
  region: 'Өңір',
  briefing: 'Брифинг',
  language: 'Тілі',
  noBriefing: 'брифингсіз',
  codes: 'Кодтар',
  noCodesYet: 'Кодтар әлі жоқ: алдымен «Кодтар кітабы» бетінде код қосыңыз.',
  typeAhead: 'Кодты теріп табу (Enter — белгілеу)',
  keys: 'Пернелер: 1–9 код · Enter сақтау және келесі · Backspace болдырмау · A ұсыныстарды қабылдау',
  suggested: 'Ереже ұсынады (қабылданбайынша есептелмейді)',
  acceptSuggestions: 'Ұсыныстарды қабылдау (A)',
  passage: 'Үзінді',
  passageHint:
    'Мәтіннің бір бөлігін белгілеп, содан кейін код пернесін басыңыз — код сол үзіндіге байланады.',
  clearPassage: 'Үзіндіні алып тастау',
  save: 'Сақтап, келесіге (Enter)',
  previous: '← Алдыңғы',
  undo: 'Болдырмау (Backspace)',
  undone: 'Соңғы кодтау болдырылмады.',
  saved: 'Сақталды.',
  savedNone: 'Сақталды: ешбір код сәйкес келмейді.',
  done: 'Осы сүзгідегі барлық жауап қаралды.',
  nothingToCode: 'Бұл сүзгілер бойынша жауап жоқ.',
  failed: 'Сақталмады. Қайталап көріңіз.',
  newCode: 'Жаңа код',
  shortName: 'Қысқа атауы (латынша)',
  shortNameHint: 'Мысалы: premises. Экспорттағы баған атауына кіреді.',
  label: (lang) => `Атауы (${lang})`,
  description: 'Сипаттамасы',
  parent: 'Жоғарғы код',
  noParent: '— жоқ —',
  rules: 'Ұсыныс ережелері',
  rulesHint:
    'Әр жолға бір сөз формасы немесе тіркес; * — кез келген жалғау: орталы*, центр*, волонтер* орталы*.',
  add: 'Код қосу',
  rename: 'Атын өзгерту',
  newName: 'Жаңа қысқа атауы',
  mergeInto: 'Мына кодқа біріктіру',
  merge: 'Біріктіру',
  merged: (moved) => `Біріктірілді: ${moved} жауаптың коды ауысты.`,
  saveRules: 'Ережелерді сақтау',
  wouldTag: (n) => `${n} кодталмаған жауапқа сәйкес келеді`,
  uncodedInFilter: (n) => `Сүзгідегі кодталмаған жауаптар: ${n}`,
  apply: (n) => `${n} жауапқа қолдану`,
  applied: (n) => `${n} жауап кодталды.`,
  keyOf: (n) => `${n}-перне`,
  agreementIntro:
    'Екі кодтаушы да кодтаған жауаптар бойынша әр кодқа Коэн каппасы. 0,6-дан жоғары — жақсы келісім.',
  bothCoded: (n) => `Екеуі де кодтаған жауаптар: ${n}`,
  code: 'Код',
  kappa: 'Каппа',
  observed: 'Сәйкестік',
  table: 'Екеуі / тек 1-ші / тек 2-ші / ешқайсысы',
  undefinedKappa: 'анықталмаған',
  disagreements: 'Келіспеушіліктер',
  firstCoder: 'Бірінші кодтаушы',
  secondCoderCol: 'Екінші кодтаушы',
  keepFirst: 'Біріншісін қалдыру',
  takeSecond: 'Екіншісін алу',
  noDisagreements: 'Келіспеушілік жоқ.',
  resultsTitle: 'Кодталған еркін жауаптар',
  resultsIntro: (k) =>
    `Әр кодтың кодталған жауаптардағы үлесі, өңірлер бойынша. ${k}-тен аз сан «< ${k}» деп көрсетіледі.`,
  codedAnswers: 'Кодталған жауаптар',
  total: 'Барлығы',
  proposedTitle: 'Адамдар не ұсынды',
  proposedIntro: 'Өңірлер бойынша ең жиі кодтар және автор таңдаған дәйексөздер (байланыс деректерінсіз).',
  topCodes: 'Ең жиі кодтар',
  quotes: 'Дәйексөздер',
  noCoded: 'Әзірге кодталған жауап жоқ.',
  quote: 'Анықтамаға дәйексөз ретінде',
  quoteChosen: 'Дәйексөз таңдалды.',
  confirmSmallRegion:
    'Бұл өңірде 5-тен аз қатысушы бар: дәйексөз бір адамды көрсетуі мүмкін. Бәрібір қосу керек пе?',
};

const ru: CodingStrings = {
  title: 'Кодирование ответов',
  intro:
    'Разметьте свободные ответы кодами и посчитайте их по регионам. Клавиши: 1–9 — код, Enter — сохранить и дальше, Backspace — отменить, A — принять предложенные коды.',
  question: 'Вопрос',
  otherOf: (title) => `${title} — ответы «Другое»`,
  noQuestions: 'В этой анкете нет свободных ответов для кодирования.',
  tabs: { code: 'Кодирование', codebook: 'Кодовая книга', agreement: 'Согласие кодировщиков' },
  progress: (coded, total) => `Закодировано ${coded} из ${total}`,
  secondCoder: 'Я второй кодировщик (коды первого не видны)',
  secondCoderNote: 'Выборка ответов, закодированных первым кодировщиком. Эти коды не входят в подсчёты.',
  onlyUncoded: 'Только незакодированные',
  answerOf: (n, of) => `Ответ ${n} из ${of}`,
  region: 'Регион',
  briefing: 'Брифинг',
  language: 'Язык',
  noBriefing: 'без брифинга',
  codes: 'Коды',
  noCodesYet: 'Кодов пока нет: сначала добавьте код на вкладке «Кодовая книга».',
  typeAhead: 'Найти код по названию (Enter — отметить)',
  keys: 'Клавиши: 1–9 код · Enter сохранить и дальше · Backspace отменить · A принять предложения',
  suggested: 'Предлагает правило (не считается, пока не принято)',
  acceptSuggestions: 'Принять предложения (A)',
  passage: 'Фрагмент',
  passageHint: 'Выделите часть текста и нажмите клавишу кода — код будет привязан к этому фрагменту.',
  clearPassage: 'Убрать фрагмент',
  save: 'Сохранить и дальше (Enter)',
  previous: '← Назад',
  undo: 'Отменить (Backspace)',
  undone: 'Последнее кодирование отменено.',
  saved: 'Сохранено.',
  savedNone: 'Сохранено: ни один код не подходит.',
  done: 'Все ответы по этим фильтрам просмотрены.',
  nothingToCode: 'По этим фильтрам ответов нет.',
  failed: 'Не сохранилось. Попробуйте ещё раз.',
  newCode: 'Новый код',
  shortName: 'Краткое имя (латиницей)',
  shortNameHint: 'Например: premises. Входит в имя столбца выгрузки.',
  label: (lang) => `Название (${lang})`,
  description: 'Описание',
  parent: 'Родительский код',
  noParent: '— нет —',
  rules: 'Правила предложений',
  rulesHint:
    'По одной словоформе или фразе в строке; * — любое окончание: центр*, орталы*, волонтер* центр*.',
  add: 'Добавить код',
  rename: 'Переименовать',
  newName: 'Новое краткое имя',
  mergeInto: 'Объединить с кодом',
  merge: 'Объединить',
  merged: (moved) => `Объединено: код изменён у ответов — ${moved}.`,
  saveRules: 'Сохранить правила',
  wouldTag: (n) => `подходит к незакодированным ответам: ${n}`,
  uncodedInFilter: (n) => `Незакодированных ответов в фильтре: ${n}`,
  apply: (n) => `Применить к ответам: ${n}`,
  applied: (n) => `Закодировано ответов: ${n}.`,
  keyOf: (n) => `клавиша ${n}`,
  agreementIntro:
    'Каппа Коэна по каждому коду на ответах, которые закодировали оба кодировщика. Выше 0,6 — хорошее согласие.',
  bothCoded: (n) => `Закодировали оба: ${n}`,
  code: 'Код',
  kappa: 'Каппа',
  observed: 'Совпадение',
  table: 'Оба / только 1-й / только 2-й / никто',
  undefinedKappa: 'не определена',
  disagreements: 'Расхождения',
  firstCoder: 'Первый кодировщик',
  secondCoderCol: 'Второй кодировщик',
  keepFirst: 'Оставить первый',
  takeSecond: 'Взять второй',
  noDisagreements: 'Расхождений нет.',
  resultsTitle: 'Закодированные текстовые ответы',
  resultsIntro: (k) =>
    `Доля каждого кода среди закодированных ответов, по регионам. Числа меньше ${k} показаны как «< ${k}».`,
  codedAnswers: 'Закодировано ответов',
  total: 'Всего',
  proposedTitle: 'Что предлагали люди',
  proposedIntro: 'Самые частые коды по регионам и цитаты, выбранные автором (без контактных данных).',
  topCodes: 'Самые частые коды',
  quotes: 'Цитаты',
  noCoded: 'Закодированных ответов пока нет.',
  quote: 'Цитата для справки',
  quoteChosen: 'Цитата выбрана.',
  confirmSmallRegion:
    'В этом регионе меньше 5 участников: цитата может указать на человека. Всё равно добавить?',
};

const en: CodingStrings = {
  title: 'Coding answers',
  intro:
    'Tag free-text answers with codes and count them by region. Keys: 1–9 a code, Enter save and next, Backspace undo, A accept the suggested codes.',
  question: 'Question',
  otherOf: (title) => `${title} — “Other” answers`,
  noQuestions: 'This survey has no free-text answers to code.',
  tabs: { code: 'Coding', codebook: 'Codebook', agreement: 'Coder agreement' },
  progress: (coded, total) => `${coded} of ${total} coded`,
  secondCoder: 'I am the second coder (the first coder’s codes are hidden)',
  secondCoderNote: 'A sample of the answers the first coder coded. These codes are never counted.',
  onlyUncoded: 'Only uncoded',
  answerOf: (n, of) => `Answer ${n} of ${of}`,
  region: 'Region',
  briefing: 'Briefing',
  language: 'Language',
  noBriefing: 'no briefing',
  codes: 'Codes',
  noCodesYet: 'No codes yet: add one under “Codebook” first.',
  typeAhead: 'Find a code by typing (Enter to tag)',
  keys: 'Keys: 1–9 code · Enter save and next · Backspace undo · A accept suggestions',
  suggested: 'Suggested by a rule (not counted until accepted)',
  acceptSuggestions: 'Accept suggestions (A)',
  passage: 'Passage',
  passageHint: 'Select part of the text, then press a code’s key: the code is tied to that passage.',
  clearPassage: 'Remove passage',
  save: 'Save and next (Enter)',
  previous: '← Previous',
  undo: 'Undo (Backspace)',
  undone: 'The last coding was undone.',
  saved: 'Saved.',
  savedNone: 'Saved: no code fits.',
  done: 'Every answer in this filter has been seen.',
  nothingToCode: 'No answers for these filters.',
  failed: 'Not saved. Please try again.',
  newCode: 'New code',
  shortName: 'Short name (Latin letters)',
  shortNameHint: 'For example: premises. It becomes part of the export column’s name.',
  label: (lang) => `Label (${lang})`,
  description: 'Description',
  parent: 'Parent code',
  noParent: '— none —',
  rules: 'Suggestion rules',
  rulesHint: 'One word form or phrase per line; * for any ending: centr*, орталы*, волонтер* центр*.',
  add: 'Add code',
  rename: 'Rename',
  newName: 'New short name',
  mergeInto: 'Merge into code',
  merge: 'Merge',
  merged: (moved) => `Merged: ${moved} answers changed code.`,
  saveRules: 'Save rules',
  wouldTag: (n) => `matches ${n} uncoded answers`,
  uncodedInFilter: (n) => `Uncoded answers in the filter: ${n}`,
  apply: (n) => `Apply to ${n} answers`,
  applied: (n) => `${n} answers coded.`,
  keyOf: (n) => `key ${n}`,
  agreementIntro: 'Cohen’s kappa per code over the answers both coders coded. Above 0.6 is good agreement.',
  bothCoded: (n) => `Coded by both: ${n}`,
  code: 'Code',
  kappa: 'Kappa',
  observed: 'Agreement',
  table: 'Both / first only / second only / neither',
  undefinedKappa: 'undefined',
  disagreements: 'Disagreements',
  firstCoder: 'First coder',
  secondCoderCol: 'Second coder',
  keepFirst: 'Keep the first',
  takeSecond: 'Take the second',
  noDisagreements: 'No disagreements.',
  resultsTitle: 'Coded free-text answers',
  resultsIntro: (k) =>
    `Each code's share of the coded answers, by region. Numbers below ${k} show as “< ${k}”.`,
  codedAnswers: 'Coded answers',
  total: 'Total',
  proposedTitle: 'What people proposed',
  proposedIntro:
    'The most frequent codes per region, and quotes chosen by an author (never contact details).',
  topCodes: 'Most frequent codes',
  quotes: 'Quotes',
  noCoded: 'No coded answers yet.',
  quote: 'Quote in the brief',
  quoteChosen: 'Quote chosen.',
  confirmSmallRegion:
    'This region has fewer than 5 respondents: a quote could point at one person. Add it anyway?',
};

export const CODING_STRINGS: Record<Locale, CodingStrings> = { kk, ru, en };
