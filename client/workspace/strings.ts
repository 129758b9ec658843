// The workspace shell's own words (sign-in, top bar, navigation, errors) in Kazakh, Russian and English.
// Each section keeps its words beside it (exports/strings.ts); the respondent page's are in client/lib/strings.ts.
import type { Locale } from '../lib/locale';
import type { Role } from '../lib/workspace-api';

export interface ShellStrings {
  product: string;
  workspace: string;
  languageLabel: string;
  sectionsLabel: string;
  loading: string;
  tryAgain: string;
  loadFailed: string;
  offline: string;
  signInTitle: string;
  signInIntro: string;
  email: string;
  password: string;
  signIn: string;
  signingIn: string;
  wrongCredentials: string;
  accountDisabled: string;
  tooManyAttempts: (minutes: number) => string;
  checkEmail: string;
  sessionEnded: string;
  signedOut: string;
  signOut: string;
  signedInAs: string;
  roles: Record<Role, string>;
  toSurveys: string;
  nothingForRole: string;
  notFound: string;
  /** A count written with the language's thousands separator (Chromium may lack Kazakh ICU data). */
  number: (n: number) => string;
}

const grouped = (separator: string) => (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, separator);

const kk: ShellStrings = {
  product: 'Saualnama',
  workspace: 'жұмыс кеңістігі',
  languageLabel: 'Тіл',
  sectionsLabel: 'Бөлімдер',
  loading: 'Жүктелуде…',
  tryAgain: 'Қайталау',
  loadFailed: 'Деректерді алу мүмкін болмады.',
  offline: 'Серверге қосылу мүмкін болмады. Интернетті тексеріп, қайталап көріңіз.',
  signInTitle: 'Жұмыс кеңістігіне кіру',
  signInIntro:
    'Талдаушыларға, Жол картасының авторларына және әкімшілерге арналған. Тіркелгіні жұмыс кеңістігінің әкімшісі ашады.',
  email: 'Электрондық пошта',
  password: 'Құпиясөз',
  signIn: 'Кіру',
  signingIn: 'Кіріп жатырмыз…',
  wrongCredentials: 'Электрондық пошта немесе құпиясөз қате.',
  accountDisabled: 'Бұл тіркелгі өшірілген. Жұмыс кеңістігінің әкімшісіне хабарласыңыз.',
  tooManyAttempts: (minutes) => `Сәтсіз әрекет тым көп болды. ${minutes} минуттан кейін қайталап көріңіз.`,
  checkEmail: 'Электрондық пошта мекенжайын тексеріңіз.',
  sessionEnded: 'Сеанс аяқталды. Қайта кіріңіз.',
  signedOut: 'Сіз жұмыс кеңістігінен шықтыңыз.',
  signOut: 'Шығу',
  signedInAs: 'Кірген пайдаланушы',
  roles: { admin: 'әкімші', analyst: 'талдаушы', author: 'Жол картасының авторы' },
  toSurveys: 'Сауалнамалар тізіміне',
  nothingForRole: 'Сіздің рөліңізге арналған бөлімдер әлі жоқ.',
  notFound: 'Мұндай бет жоқ. Төмендегі бөлімдердің бірін таңдаңыз.',
  number: grouped('\u00a0'),
};

const ru: ShellStrings = {
  product: 'Saualnama',
  workspace: 'рабочее пространство',
  languageLabel: 'Язык',
  sectionsLabel: 'Разделы',
  loading: 'Загрузка…',
  tryAgain: 'Повторить',
  loadFailed: 'Не удалось получить данные.',
  offline: 'Не удалось связаться с сервером. Проверьте интернет и повторите.',
  signInTitle: 'Вход в рабочее пространство',
  signInIntro:
    'Для аналитиков, авторов Дорожной карты и администраторов. Учётную запись создаёт администратор рабочего пространства.',
  email: 'Электронная почта',
  password: 'Пароль',
  signIn: 'Войти',
  signingIn: 'Входим…',
  wrongCredentials: 'Неверная электронная почта или пароль.',
  accountDisabled: 'Эта учётная запись отключена. Обратитесь к администратору рабочего пространства.',
  tooManyAttempts: (minutes) => `Слишком много неудачных попыток. Повторите через ${minutes} мин.`,
  checkEmail: 'Проверьте адрес электронной почты.',
  sessionEnded: 'Сеанс завершён. Войдите снова.',
  signedOut: 'Вы вышли из рабочего пространства.',
  signOut: 'Выйти',
  signedInAs: 'Вход выполнен',
  roles: { admin: 'администратор', analyst: 'аналитик', author: 'автор Дорожной карты' },
  toSurveys: 'К списку анкет',
  nothingForRole: 'Для вашей роли разделов пока нет.',
  notFound: 'Такой страницы нет. Выберите один из разделов.',
  number: grouped('\u00a0'),
};

const en: ShellStrings = {
  product: 'Saualnama',
  workspace: 'workspace',
  languageLabel: 'Language',
  sectionsLabel: 'Sections',
  loading: 'Loading…',
  tryAgain: 'Try again',
  loadFailed: 'Could not get the data.',
  offline: 'Could not reach the server. Check the connection and try again.',
  signInTitle: 'Sign in to the workspace',
  signInIntro: 'For analysts, Roadmap authors and admins. Accounts are created by an admin of the workspace.',
  email: 'Email',
  password: 'Password',
  signIn: 'Sign in',
  signingIn: 'Signing in…',
  wrongCredentials: 'The email or the password is wrong.',
  accountDisabled: 'This account is disabled. Ask an admin of the workspace.',
  tooManyAttempts: (minutes) => `Too many failed attempts. Try again in ${minutes} min.`,
  checkEmail: 'Check the email address.',
  sessionEnded: 'Your session ended. Please sign in again.',
  signedOut: 'You have signed out of the workspace.',
  signOut: 'Sign out',
  signedInAs: 'Signed in as',
  roles: { admin: 'admin', analyst: 'analyst', author: 'Roadmap author' },
  toSurveys: 'To the surveys',
  nothingForRole: 'There are no sections for your role yet.',
  notFound: 'There is no such page. Choose one of the sections.',
  number: grouped(','),
};

export const SHELL_STRINGS: Record<Locale, ShellStrings> = { kk, ru, en };

export function shellStrings(locale: Locale): ShellStrings {
  return SHELL_STRINGS[locale];
}
