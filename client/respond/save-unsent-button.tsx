// "Save my unsent answers to a file": what the outbox holds (waiting and refused) as a JSON download that the
// attendee can hand to the organisers when the network never came back or the server said no.
import type { Locale } from '../lib/locale';
import type { Outbox } from '../lib/send';
import { stringsFor } from '../lib/strings';
import { downloadUnsentFile } from '../lib/unsent-file';

export function SaveUnsentButton({ outbox, locale }: { outbox: Outbox; locale: Locale }) {
  return (
    <button
      type="button"
      className="button secondary"
      onClick={() => void outbox.unsent().then((unsent) => downloadUnsentFile(unsent))}
    >
      {stringsFor(locale).saveUnsent}
    </button>
  );
}
