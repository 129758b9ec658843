// A failed users request in the reader's words; null when the session ended (the page shows the sign-in form).
import type { Locale } from '../../lib/locale';
import { HttpError, isSignedOut } from '../../lib/workspace-api';
import { shellStrings } from '../strings';
import { USERS_STRINGS } from './strings';

export function refusalText(failure: unknown, locale: Locale): string | null {
  const t = USERS_STRINGS[locale];
  if (isSignedOut(failure)) return null;
  if (!(failure instanceof HttpError)) return shellStrings(locale).offline;
  const type = failure.problem?.type ?? '';
  if (type.endsWith('/user-exists')) return t.exists;
  if (type.endsWith('/last-admin')) return t.lastAdmin;
  // A refused field (an email the server would not take) in the server's own words, after ours.
  const fields = failure.problem?.errors?.map((e) => `${e.question}: ${e.message}`).join('; ');
  return [t.failed, fields ?? failure.problem?.detail].filter(Boolean).join(' ');
}
