// The own-password form's words in Kazakh, Russian and English.
import type { Locale } from '../../lib/locale';

export interface AccountStrings {
  title: string;
  mustIntro: string;
  intro: string;
  current: string;
  currentOneTime: string;
  fresh: string;
  freshHint: string;
  repeat: string;
  save: string;
  saving: string;
  saved: string;
  mismatch: string;
  tooShort: string;
  sameAsOld: string;
  wrongCurrent: string;
  failed: string;
  link: string;
}

const kk: AccountStrings = {
  title: 'Құпиясөзді өзгерту',
  mustIntro:
    'Әкімші сізге бір реттік құпиясөз берді. Жұмысты жалғастыру үшін өз құпиясөзіңізді таңдаңыз: оны тек сіз білесіз.',
  intro: 'Жаңа құпиясөз басқа құрылғылардағы ашық сеанстарыңызды аяқтайды; осы сеанс жалғасады.',
  current: 'Қазіргі құпиясөз',
  currentOneTime: 'Бір реттік құпиясөз',
  fresh: 'Жаңа құпиясөз',
  freshHint: 'Кемінде 12 таңба. Бірнеше сөзден тұратын тіркес есте жақсы сақталады.',
  repeat: 'Жаңа құпиясөзді қайталаңыз',
  save: 'Құпиясөзді сақтау',
  saving: 'Сақталуда…',
  saved: 'Құпиясөз өзгертілді.',
  mismatch: 'Екі жаңа құпиясөз бірдей емес.',
  tooShort: 'Жаңа құпиясөз кемінде 12 таңбадан тұруы керек.',
  sameAsOld: 'Жаңа құпиясөз қазіргісінен өзгеше болуы керек.',
  wrongCurrent: 'Қазіргі құпиясөз қате. Ештеңе өзгертілмеді.',
  failed: 'Құпиясөз сақталмады.',
  link: 'Құпиясөз',
};

const ru: AccountStrings = {
  title: 'Смена пароля',
  mustIntro:
    'Администратор выдал вам одноразовый пароль. Чтобы продолжить, выберите свой пароль: его будете знать только вы.',
  intro: 'Новый пароль завершит ваши открытые сеансы на других устройствах; этот сеанс продолжится.',
  current: 'Текущий пароль',
  currentOneTime: 'Одноразовый пароль',
  fresh: 'Новый пароль',
  freshHint: 'Не меньше 12 символов. Фразу из нескольких слов легче запомнить.',
  repeat: 'Повторите новый пароль',
  save: 'Сохранить пароль',
  saving: 'Сохраняем…',
  saved: 'Пароль изменён.',
  mismatch: 'Новые пароли не совпадают.',
  tooShort: 'Новый пароль должен быть не короче 12 символов.',
  sameAsOld: 'Новый пароль должен отличаться от текущего.',
  wrongCurrent: 'Текущий пароль неверен. Ничего не изменено.',
  failed: 'Пароль не сохранён.',
  link: 'Пароль',
};

const en: AccountStrings = {
  title: 'Change your password',
  mustIntro:
    'An admin gave you a one-time password. To go on, choose your own password: one that only you know.',
  intro: 'A new password ends your open sessions on other devices; this one goes on.',
  current: 'Current password',
  currentOneTime: 'One-time password',
  fresh: 'New password',
  freshHint: 'At least 12 characters. A phrase of a few words is easy to remember.',
  repeat: 'Repeat the new password',
  save: 'Save the password',
  saving: 'Saving…',
  saved: 'Your password has been changed.',
  mismatch: 'The two new passwords differ.',
  tooShort: 'The new password must have at least 12 characters.',
  sameAsOld: 'The new password must differ from the current one.',
  wrongCurrent: 'The current password is wrong. Nothing was changed.',
  failed: 'The password was not saved.',
  link: 'Password',
};

export const ACCOUNT_STRINGS: Record<Locale, AccountStrings> = { kk, ru, en };
