// What a section shows when something it reads did not load (the network, the server): the shell's words in the
// reader's language and a button that asks again.
import type { Locale } from '../lib/locale';
import { shellStrings } from './strings';

export function LoadFailed({
  locale,
  onRetry,
  message,
}: {
  locale: Locale;
  onRetry: () => void;
  /** Instead of "could not load" (the sign-in check says the server is out of reach). */
  message?: string;
}) {
  const shell = shellStrings(locale);
  return (
    <div className="notice bad" role="alert">
      <p>{message ?? shell.loadFailed}</p>
      <button type="button" onClick={onRetry}>
        {shell.tryAgain}
      </button>
    </div>
  );
}
