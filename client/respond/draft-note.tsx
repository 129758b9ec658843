// The note above a form that was restored from a draft: when it was saved, that an older version stays the one
// it is sent to, and "start over" (after a confirmation, since it deletes the answers).
import type { Draft } from '../lib/drafts';
import type { Locale } from '../lib/locale';
import { formatWhen, stringsFor } from '../lib/strings';

interface Props {
  draft: Draft;
  /** The survey's newest version, when known: a draft begun on an older one says so. */
  newestVersion: number;
  locale: Locale;
  onStartOver: () => void;
}

export function DraftNote({ draft, newestVersion, locale, onStartOver }: Props) {
  const t = stringsFor(locale);
  return (
    <div className="banner draft" role="status">
      <p>{t.draftRestored(formatWhen(draft.savedAt, t))}</p>
      {draft.version < newestVersion && <p>{t.draftOlderVersion}</p>}
      <button
        type="button"
        className="button secondary"
        onClick={() => {
          if (window.confirm(t.startOverConfirm)) onStartOver();
        }}
      >
        {t.startOver}
      </button>
    </div>
  );
}
