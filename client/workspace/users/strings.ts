// The Users section's own words in Kazakh, Russian and English (roles' names are the shell's).
import type { Locale } from '../../lib/locale';

export interface UsersStrings {
  title: string;
  intro: string;
  addTitle: string;
  email: string;
  role: string;
  regions: string;
  allRegions: string;
  someRegions: string;
  adminReadsAll: string;
  add: string;
  adding: string;
  columns: {
    email: string;
    role: string;
    regions: string;
    lastSignIn: string;
    status: string;
    actions: string;
  };
  never: string;
  status: { active: string; disabled: string; mustChange: string };
  edit: string;
  editTitle: (email: string) => string;
  save: string;
  saved: string;
  cancel: string;
  disable: string;
  enable: string;
  resetPassword: string;
  confirmDisable: (email: string) => string;
  confirmReset: (email: string) => string;
  oneTimeTitle: (email: string) => string;
  oneTimeNote: string;
  chooseRegion: string;
  exists: string;
  lastAdmin: string;
  failed: string;
}

const kk: UsersStrings = {
  title: 'Пайдаланушылар',
  intro:
    'Жұмыс кеңістігіне кім кіре алатынын осында басқарасыз: рөлі, қай өңірлердің жауаптарын көретіні, тіркелгінің күйі. Әр өзгеріс аудит журналына жазылады.',
  addTitle: 'Пайдаланушыны қосу',
  email: 'Электрондық пошта',
  role: 'Рөлі',
  regions: 'Өңірлер',
  allRegions: 'Барлық өңірлер',
  someRegions: 'Тек таңдалған өңірлер',
  adminReadsAll: 'Әкімші барлық өңірді көреді.',
  add: 'Қосу',
  adding: 'Қосылуда…',
  columns: {
    email: 'Электрондық пошта',
    role: 'Рөлі',
    regions: 'Өңірлер',
    lastSignIn: 'Соңғы кіруі',
    status: 'Күйі',
    actions: 'Әрекеттер',
  },
  never: 'Әлі кірмеген',
  status: { active: 'Белсенді', disabled: 'Өшірілген', mustChange: 'Құпиясөзін ауыстыруы тиіс' },
  edit: 'Өзгерту',
  editTitle: (email) => `${email}: рөлі мен өңірлері`,
  save: 'Сақтау',
  saved: 'Сақталды.',
  cancel: 'Жабу',
  disable: 'Өшіру',
  enable: 'Қайта қосу',
  resetPassword: 'Құпиясөзді жаңарту',
  confirmDisable: (email) => `${email} тіркелгісін өшіру керек пе? Ашық сеанстары бірден аяқталады.`,
  confirmReset: (email) =>
    `${email} үшін жаңа бір реттік құпиясөз жасау керек пе? Ескі құпиясөзі мен ашық сеанстары бірден жарамсыз болады.`,
  oneTimeTitle: (email) => `${email}: бір реттік құпиясөз`,
  oneTimeNote:
    'Бұл құпиясөз тек қазір көрсетіледі: оны қауіпсіз жолмен беріңіз. Алғаш кіргенде пайдаланушы өз құпиясөзін таңдауы тиіс.',
  chooseRegion: 'Кемінде бір өңірді таңдаңыз.',
  exists: 'Мұндай электрондық поштамен пайдаланушы бұрыннан бар.',
  lastAdmin: 'Кемінде бір белсенді әкімші қалуы керек: алдымен басқа пайдаланушыны әкімші етіңіз.',
  failed: 'Өзгеріс сақталмады.',
};

const ru: UsersStrings = {
  title: 'Пользователи',
  intro:
    'Здесь вы управляете доступом к рабочему пространству: роль, ответы каких регионов видит пользователь, состояние учётной записи. Каждое изменение записывается в журнал аудита.',
  addTitle: 'Добавить пользователя',
  email: 'Электронная почта',
  role: 'Роль',
  regions: 'Регионы',
  allRegions: 'Все регионы',
  someRegions: 'Только выбранные регионы',
  adminReadsAll: 'Администратор видит все регионы.',
  add: 'Добавить',
  adding: 'Добавляем…',
  columns: {
    email: 'Электронная почта',
    role: 'Роль',
    regions: 'Регионы',
    lastSignIn: 'Последний вход',
    status: 'Состояние',
    actions: 'Действия',
  },
  never: 'Ещё не входил',
  status: { active: 'Активен', disabled: 'Отключён', mustChange: 'Должен сменить пароль' },
  edit: 'Изменить',
  editTitle: (email) => `${email}: роль и регионы`,
  save: 'Сохранить',
  saved: 'Сохранено.',
  cancel: 'Закрыть',
  disable: 'Отключить',
  enable: 'Включить',
  resetPassword: 'Сбросить пароль',
  confirmDisable: (email) => `Отключить учётную запись ${email}? Её открытые сеансы сразу завершатся.`,
  confirmReset: (email) =>
    `Создать новый одноразовый пароль для ${email}? Старый пароль и открытые сеансы сразу перестанут действовать.`,
  oneTimeTitle: (email) => `${email}: одноразовый пароль`,
  oneTimeNote:
    'Пароль показан только сейчас: передайте его надёжным способом. При первом входе пользователь должен выбрать свой пароль.',
  chooseRegion: 'Выберите хотя бы один регион.',
  exists: 'Пользователь с такой электронной почтой уже есть.',
  lastAdmin:
    'Должен остаться хотя бы один активный администратор: сначала назначьте администратором другого.',
  failed: 'Изменение не сохранено.',
};

const en: UsersStrings = {
  title: 'Users',
  intro:
    'Who may use the workspace: their role, which regions’ answers they read, and whether the account is active. Every change is written to the audit log.',
  addTitle: 'Add a user',
  email: 'Email',
  role: 'Role',
  regions: 'Regions',
  allRegions: 'All regions',
  someRegions: 'Only the regions chosen',
  adminReadsAll: 'An admin reads all regions.',
  add: 'Add',
  adding: 'Adding…',
  columns: {
    email: 'Email',
    role: 'Role',
    regions: 'Regions',
    lastSignIn: 'Last sign-in',
    status: 'Status',
    actions: 'Actions',
  },
  never: 'Never signed in',
  status: { active: 'Active', disabled: 'Disabled', mustChange: 'Must change password' },
  edit: 'Change',
  editTitle: (email) => `${email}: role and regions`,
  save: 'Save',
  saved: 'Saved.',
  cancel: 'Close',
  disable: 'Disable',
  enable: 'Enable',
  resetPassword: 'Reset password',
  confirmDisable: (email) => `Disable ${email}? Their open sessions end at once.`,
  confirmReset: (email) =>
    `Make a new one-time password for ${email}? The old password and their open sessions stop working at once.`,
  oneTimeTitle: (email) => `${email}: one-time password`,
  oneTimeNote:
    'This password is shown only now: hand it over safely. At the first sign-in its user must choose their own.',
  chooseRegion: 'Choose at least one region.',
  exists: 'There is already a user with this email.',
  lastAdmin: 'At least one enabled admin must remain: make another user admin first.',
  failed: 'The change was not saved.',
};

export const USERS_STRINGS: Record<Locale, UsersStrings> = { kk, ru, en };
