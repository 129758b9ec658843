// The Roadmap brief's words in Kazakh, Russian and English: headings, column names, the notes that say how each
// figure was made, and how the proposals were chosen. Question and choice labels come from the survey itself.
import type { Locale } from '../../lib/locale';
import { ruPlural } from '../coverage/format';

export interface BriefStrings {
  kicker: string;
  title: string;
  whole: string;
  myRegions: string;
  survey: string;
  region: string;
  period: string;
  allTime: string;
  versions: string;
  briefing: string;
  prepared: string;
  responses: string;
  print: string;
  printHint: string;
  atLeast: string;
  notAsked: string;
  answered: (n: string) => string;
  /** The head of a matrix table's per-row base, and the note saying what it is (issue 13: rows asked in fewer
   * versions rest on fewer answers than the question's total). */
  rowN: string;
  rowNNote: string;
  share: string;
  coverage: string;
  responsesIn: (count: number, n: string) => string;
  roles: string;
  role: string;
  regions: string;
  regionsNone: (names: string) => string;
  briefings: string;
  briefingSpan: (count: number, from: string, to: string) => string;
  noBriefings: string;
  date: string;
  outside: (n: string) => string;
  needs: string;
  severity: string;
  severityShare: string;
  problem: string;
  ranking: string;
  need: string;
  rankedFirst: string;
  meanRank: string;
  meanRankNote: string;
  practices: string;
  practicesUsed: string;
  practice: string;
  named: string;
  effectiveness: string;
  mean: (mean: string, max: string) => string;
  rating: string;
  cooperation: string;
  /** Whose view each cooperation table gives: from v3 on akimat staff answer a question of their own. */
  cooperationRated: string;
  cooperationByAkimat: string;
  akimatToo: (count: number, versions: string) => string;
  cooperationNote: string;
  partner: string;
  good: string;
  poor: string;
  noCooperation: string;
  priorities: string;
  vectors: string;
  vectorsShare: string;
  direction: string;
  top3: string;
  priority: string;
  chosen: string;
  proposals: string;
  proposalsRule: (shown: number, total: string) => string;
  noProposals: string;
}

const kk: BriefStrings = {
  kicker: '«Birgemiz: áreket ýaqyty» ұлттық жобасы · 2024–2027 жылдарға арналған Жол картасы',
  title: 'Жол картасына арналған анықтама',
  whole: 'Бүкіл Қазақстан',
  myRegions: 'Менің өңірлерім',
  survey: 'Сауалнама',
  region: 'Өңір',
  period: 'Кезең',
  allTime: 'барлық уақыт',
  versions: 'Сауалнама нұсқалары',
  briefing: 'Брифинг',
  prepared: 'Дайындалған күні',
  responses: 'Жауаптар',
  print: 'Басып шығару немесе PDF-ке сақтау',
  printHint: 'Басып шығару терезесінде «PDF ретінде сақтау» таңдаңыз. Бет A4 пішіміне лайықталған.',
  atLeast: '«≥» — кем дегенде: қосындының бір бөлігі жасырылған, сондықтан тек төменгі шегі көрсетілген.',
  notAsked: 'Бұл сауалнамада бұл туралы сұрақ жоқ.',
  answered: (n) => `Жауап бергендер: ${n}.`,
  rowN: 'n',
  rowNNote: 'n — осы жолға жауап бергендер; жолдағы үлестер осы саннан есептелген.',
  share: 'Үлесі',
  coverage: 'Қамту: кімдер жауап берді',
  responsesIn: (_, n) => `${n} жауап`,
  roles: 'Қатысушылардың рөлдері',
  role: 'Рөлі',
  regions: 'Өңірлер бойынша жауаптар',
  regionsNone: (names) => `Әлі жауап жоқ: ${names}.`,
  briefings: 'Брифингтер',
  briefingSpan: (count, from, to) => `${count} брифинг: ${from} – ${to}`,
  noBriefings: 'Брифингтерден әлі жауап жоқ.',
  date: 'Күні',
  outside: (n) => `Брифингтен тыс (сауалнаманың жалпы сілтемесі арқылы): ${n}.`,
  needs: 'Басты қажеттіліктер',
  severity: 'Өңірдегі мәселелер: «күрделі» немесе «өте күрделі» деп бағалағандар үлесі',
  severityShare: 'Күрделі немесе өте күрделі',
  problem: 'Мәселе',
  ranking: 'Бірінші кезекте шешілуі тиіс қажеттіліктер',
  need: 'Қажеттілік',
  rankedFirst: 'Бірінші орынға қойғандар',
  meanRank: 'Орташа орны',
  meanRankNote: 'Орташа орын оны рейтингке енгізгендер арасында есептелген: 1 — ең маңызды.',
  practices: 'Нәтиже беретін тәжірибелер',
  practicesUsed: 'Соңғы екі жылда өңірде жақсы нәтиже берген тәжірибелер',
  practice: 'Тәжірибе',
  named: 'Атағандар',
  effectiveness: 'Қолданыстағы тәжірибелердің жалпы тиімділігі',
  mean: (mean, max) => `Орташа баға: ${mean} / ${max}`,
  rating: 'Баға',
  cooperation: 'Серіктестермен ынтымақтастық',
  cooperationRated:
    'Еріктілер, ҮЕҰ, еріктілер топтары және басқа қатысушылардың көзқарасы (әкімдік қызметкерлері кірмейді): әр серіктеспен ынтымақтастық',
  cooperationByAkimat: 'Әкімдік қызметкерлерінің көзқарасы: өз әкімдігінің әр серіктеспен ынтымақтастығы',
  akimatToo: (_, versions) =>
    `Сауалнаманың ${versions} нұсқасында бұл сұраққа әкімдік қызметкерлері де жауап берген.`,
  cooperationNote:
    'Әр серіктес бойынша оны бағалағандардың үлесі; «ынтымақтастық жоқ» деп жауап бергендер де есепке алынған.',
  partner: 'Серіктес',
  good: 'Жақсы немесе өте жақсы',
  poor: 'Нашар немесе өте нашар',
  noCooperation: 'Бірлесіп жұмыс жоқ',
  priorities: 'Жол картасының басымдықтары',
  vectors: 'Жол картасының бағыттары: «өте маңызды» немесе «аса маңызды» деп бағалағандар үлесі',
  vectorsShare: 'Өте немесе аса маңызды',
  direction: 'Бағыт',
  top3: 'Жол картасы тек үш басымдыққа назар аударса: таңдағандар үлесі',
  priority: 'Басымдық',
  chosen: 'Таңдағандар',
  proposals: 'Қатысушылардың ұсыныстары (іріктеме)',
  proposalsRule: (shown, total) =>
    `Іріктемеде ${shown} ұсыныс (барлығы — ${total}). Іріктеу тәртібі: ең соңғы жауаптардан бастап, әр мәтін бір рет; төрт сөзден қысқа жауаптар алынбайды; бірнеше өңір болса, бір өңірден екеуден артық емес; ұзын мәтіндер «…» белгісімен қысқартылған. Мәтіндер қатысушы жазғандай берілген.`,
  noProposals: 'Бұл сүзгілер бойынша ұсыныстар жоқ.',
};

const ru: BriefStrings = {
  kicker: 'Национальный проект «Birgemiz: áreket ýaqyty» · Дорожная карта на 2024–2027 годы',
  title: 'Справка к Дорожной карте',
  whole: 'Весь Казахстан',
  myRegions: 'Мои регионы',
  survey: 'Анкета',
  region: 'Регион',
  period: 'Период',
  allTime: 'за всё время',
  versions: 'Версии анкеты',
  briefing: 'Брифинг',
  prepared: 'Дата подготовки',
  responses: 'Ответы',
  print: 'Печать или сохранение в PDF',
  printHint: 'В окне печати выберите «Сохранить как PDF». Страница свёрстана под формат A4.',
  atLeast: '«≥» — не меньше: часть суммы скрыта, поэтому показана только нижняя граница.',
  notAsked: 'В этой анкете такого вопроса нет.',
  answered: (n) => `Ответили: ${n}.`,
  rowN: 'n',
  rowNNote: 'n — ответившие на эту строку; доли в строке считаются от этого числа.',
  share: 'Доля',
  coverage: 'Охват: кто ответил',
  responsesIn: (count, n) => `${n} ${ruPlural(count, 'ответ', 'ответа', 'ответов')}`,
  roles: 'Роли участников',
  role: 'Роль',
  regions: 'Ответы по регионам',
  regionsNone: (names) => `Ответов пока нет: ${names}.`,
  briefings: 'Брифинги',
  briefingSpan: (count, from, to) =>
    `${count} ${ruPlural(count, 'брифинг', 'брифинга', 'брифингов')}: ${from} – ${to}`,
  noBriefings: 'С брифингов ответов пока нет.',
  date: 'Дата',
  outside: (n) => `Вне брифингов (по общей ссылке на анкету): ${n}.`,
  needs: 'Главные потребности',
  severity: 'Проблемы в регионе: доля оценивших их как «серьёзные» или «очень серьёзные»',
  severityShare: 'Серьёзная или очень серьёзная',
  problem: 'Проблема',
  ranking: 'Потребности, которые нужно удовлетворить в первую очередь',
  need: 'Потребность',
  rankedFirst: 'Поставили на первое место',
  meanRank: 'Средний ранг',
  meanRankNote: 'Средний ранг — среди тех, кто включил пункт в свой рейтинг: 1 — самое важное.',
  practices: 'Практики, которые работают',
  practicesUsed: 'Практики, хорошо сработавшие в регионе за последние два года',
  practice: 'Практика',
  named: 'Назвали',
  effectiveness: 'Общая эффективность существующих практик',
  mean: (mean, max) => `Средняя оценка: ${mean} из ${max}`,
  rating: 'Оценка',
  cooperation: 'Сотрудничество с партнёрами',
  cooperationRated:
    'Взгляд волонтёров, НКО, волонтёрских групп и других участников (кроме сотрудников акиматов): сотрудничество с каждым партнёром',
  cooperationByAkimat: 'Взгляд сотрудников акиматов: сотрудничество их акимата с каждым партнёром',
  akimatToo: (count, versions) =>
    `${count === 1 ? 'В версии' : 'В версиях'} анкеты ${versions} на этот вопрос отвечали и сотрудники акиматов.`,
  cooperationNote: 'Доли от оценивших каждого партнёра; ответ «не взаимодействуем» тоже учтён.',
  partner: 'Партнёр',
  good: 'Хорошее или очень хорошее',
  poor: 'Плохое или очень плохое',
  noCooperation: 'Не работают вместе',
  priorities: 'Приоритеты Дорожной карты',
  vectors: 'Направления Дорожной карты: доля назвавших их «очень» или «крайне» важными',
  vectorsShare: 'Очень или крайне важно',
  direction: 'Направление',
  top3: 'Если бы Дорожная карта сосредоточилась только на трёх приоритетах: доля выбравших',
  priority: 'Приоритет',
  chosen: 'Выбрали',
  proposals: 'Предложения участников (выборка)',
  proposalsRule: (shown, total) =>
    `${shown} из ${total}. Как отобраны: начиная с самых свежих ответов, каждый текст один раз; ответы короче четырёх слов пропущены; если регионов несколько — не больше двух из одного региона; длинные тексты сокращены («…»). Тексты приведены так, как их написали участники.`,
  noProposals: 'По этим фильтрам предложений нет.',
};

const en: BriefStrings = {
  kicker: 'National project «Birgemiz: áreket ýaqyty» · Roadmap 2024–2027',
  title: 'Roadmap brief',
  whole: 'All of Kazakhstan',
  myRegions: 'My regions',
  survey: 'Survey',
  region: 'Region',
  period: 'Period',
  allTime: 'all time',
  versions: 'Survey versions',
  briefing: 'Briefing',
  prepared: 'Prepared on',
  responses: 'Responses',
  print: 'Print or save as PDF',
  printHint: 'In the print dialog choose “Save as PDF”. The page is laid out for A4.',
  atLeast: '“≥” means at least: part of the sum is hidden, so only its lower bound is shown.',
  notAsked: 'This survey does not ask about it.',
  answered: (n) => `Answered: ${n}.`,
  rowN: 'n',
  rowNNote: 'n — those who answered this row; the row’s shares are of this number.',
  share: 'Share',
  coverage: 'Coverage: who responded',
  responsesIn: (count, n) => `${n} ${count === 1 ? 'response' : 'responses'}`,
  roles: "Participants' roles",
  role: 'Role',
  regions: 'Responses by region',
  regionsNone: (names) => `No responses yet: ${names}.`,
  briefings: 'Briefings',
  briefingSpan: (count, from, to) => `${count} ${count === 1 ? 'briefing' : 'briefings'}: ${from} – ${to}`,
  noBriefings: 'No responses from briefings yet.',
  date: 'Date',
  outside: (n) => `Outside briefings (the survey's own link): ${n}.`,
  needs: 'The top needs',
  severity: 'Problems in the region: share rating them “serious” or “very serious”',
  severityShare: 'Serious or very serious',
  problem: 'Problem',
  ranking: 'Needs to be met first',
  need: 'Need',
  rankedFirst: 'Ranked it first',
  meanRank: 'Mean rank',
  meanRankNote: 'Mean rank among those who ranked it: 1 is the most important.',
  practices: 'The practices that work',
  practicesUsed: 'Practices that worked well in the region over the past two years',
  practice: 'Practice',
  named: 'Named it',
  effectiveness: 'Overall effectiveness of the existing practices',
  mean: (mean, max) => `Mean rating: ${mean} of ${max}`,
  rating: 'Rating',
  cooperation: 'Cooperation with partners',
  cooperationRated:
    'As volunteers, NGOs, volunteer groups and other participants (not akimat staff) see it: cooperation with each partner',
  cooperationByAkimat: "As akimat staff see it: their akimat's cooperation with each partner",
  akimatToo: (count, versions) =>
    `In survey ${count === 1 ? 'version' : 'versions'} ${versions} akimat staff answered this question too.`,
  cooperationNote: 'Shares of those who rated each partner; “we do not cooperate” counts as an answer.',
  partner: 'Partner',
  good: 'Good or very good',
  poor: 'Poor or very poor',
  noCooperation: 'No cooperation',
  priorities: 'Priorities for the Roadmap',
  vectors: 'Directions for the Roadmap: share rating them “very” or “extremely” important',
  vectorsShare: 'Very or extremely important',
  direction: 'Direction',
  top3: 'If the Roadmap could focus on only three priorities: share choosing each',
  priority: 'Priority',
  chosen: 'Chose it',
  proposals: "Participants' proposals (a selection)",
  proposalsRule: (shown, total) =>
    `${shown} of ${total}. How they were chosen: from the most recent answers back, each text once; answers under four words left out; when the brief covers several regions, at most two from one region; long texts cut (“…”). Quoted as the participants wrote them.`,
  noProposals: 'No proposals for these filters.',
};

export const BRIEF_STRINGS: Record<Locale, BriefStrings> = { kk, ru, en };
