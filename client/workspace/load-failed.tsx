// What a section shows when something it reads did not load: the shell's words in the reader's language and a
// button that asks again; or, for a 403 (a colleague's link for a region this account may not read), why, and
// no Retry, since asking again cannot help.
import { HttpError } from '../lib/api';
import type { Locale } from '../lib/locale';
import { shellStrings } from './strings';

const FORBIDDEN: Record<Locale, string> = {
  kk: 'Бұл беттің сүзгісі сізге қолжетімсіз өңірді (немесе деректі) сұрайды: есептік жазбаңыз тек өз өңірлеріңіздің жауаптарын көреді. Сүзгіден өз өңіріңізді таңдаңыз немесе кең қолжетімділік керек болса, әкімшіге жүгініңіз.',
  ru: 'Фильтр этой страницы запрашивает регион (или данные), недоступный вам: ваша учётная запись видит ответы только своих регионов. Выберите в фильтре свой регион или обратитесь к администратору, если нужен более широкий доступ.',
  en: 'This page’s filter asks for a region (or data) you may not read: your account sees the answers of its own regions only. Choose one of your regions in the filter, or ask an admin if you need wider access.',
};

export function LoadFailed({
  locale,
  onRetry,
  message,
  error,
}: {
  locale: Locale;
  onRetry: () => void;
  /** Instead of "could not load" (the sign-in check says the server is out of reach). */
  message?: string;
  /** What failed, when known: a 403 is explained instead of offered again. */
  error?: unknown;
}) {
  const shell = shellStrings(locale);
  if (error instanceof HttpError && error.status === 403)
    return (
      <div className="notice bad" role="alert">
        <p>{FORBIDDEN[locale]}</p>
      </div>
    );
  return (
    <div className="notice bad" role="alert">
      <p>{message ?? shell.loadFailed}</p>
      <button type="button" onClick={onRetry}>
        {shell.tryAgain}
      </button>
    </div>
  );
}
