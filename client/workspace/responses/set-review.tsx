// The review of a selected set: how many are selected, "all N matching the filters" (their ids from the server,
// within the reader's regions), and one status with a note for all of them, confirmed with the count first. The
// set goes to PATCH /api/responses in turns of at most 500 (each turn all or none).
import { useId, useState } from 'react';
import type { Locale } from '../../lib/locale';
import { isSignedOut } from '../../lib/workspace-api';
import { shellStrings } from '../strings';
import { listResponseIds, REVIEW_SET_MAX, setReviews } from './responses-api';
import { RESPONSE_SET_STRINGS } from './set-strings';
import { RESPONSES_STRINGS, type ReviewWord } from './strings';

const STATUSES: readonly ReviewWord[] = ['approved', 'on_hold', 'rejected'];
/** What GET …/response-ids hands out at most (server/store/response-list.ts). */
const MAX_SELECTED = 10_000;

export function SetReview({
  locale,
  survey,
  filters,
  selected,
  total,
  onSelect,
  onDone,
  onSignedOut,
}: {
  locale: Locale;
  survey: string;
  /** The table's filters as API parameters: "all matching" asks for the same set. */
  filters: URLSearchParams;
  selected: ReadonlySet<string>;
  /** How many the filters match; null while the table loads. */
  total: number | null;
  onSelect: (ids: ReadonlySet<string>) => void;
  onDone: () => void;
  onSignedOut: () => void;
}) {
  const t = RESPONSES_STRINGS[locale];
  const s = RESPONSE_SET_STRINGS[locale];
  const number = shellStrings(locale).number;
  const [status, setStatus] = useState<ReviewWord | null>(null);
  const [note, setNote] = useState('');
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const noteId = useId();

  const failed = (error: unknown) => {
    if (isSignedOut(error)) onSignedOut();
    setMessage(s.failed);
  };
  const selectAll = async () => {
    try {
      const { ids } = await listResponseIds(survey, filters);
      onSelect(new Set(ids));
      setMessage(total !== null && ids.length < total ? s.tooMany(number(MAX_SELECTED)) : '');
    } catch (error) {
      failed(error);
    }
  };
  const apply = async () => {
    if (!status || !window.confirm(s.confirm(number(selected.size), t.status[status]))) return;
    setBusy(true);
    const ids = [...selected];
    let done = 0;
    try {
      for (let i = 0; i < ids.length; i += REVIEW_SET_MAX) {
        done += (await setReviews(ids.slice(i, i + REVIEW_SET_MAX), status, note)).length;
      }
      setMessage(s.done(number(done)));
      onSelect(new Set());
    } catch (error) {
      failed(error);
    } finally {
      setBusy(false);
      // Turns already made stand: the table shows what each response now is.
      if (done > 0) onDone();
    }
  };

  return (
    <section className="set-review block" aria-label={s.setFor}>
      {total !== null && <p className="responses-total">{s.total(number(total))}</p>}
      <p className="set-count">
        <strong>{s.selected(number(selected.size))}</strong>
        {total !== null && selected.size < total && (
          <button type="button" className="link-button" onClick={() => void selectAll()}>
            {s.selectAllMatching(number(total))}
          </button>
        )}
        {selected.size > 0 && (
          <button type="button" className="link-button" onClick={() => onSelect(new Set())}>
            {s.clearSelection}
          </button>
        )}
      </p>
      {selected.size > 0 && (
        <fieldset className="review-form">
          <legend>{s.setFor}</legend>
          <div role="radiogroup" aria-label={t.review} className="review-choices">
            {STATUSES.map((w) => (
              <label key={w} className={`review-choice ${w}`}>
                <input type="radio" name="set-review" checked={status === w} onChange={() => setStatus(w)} />
                {t.status[w]}
              </label>
            ))}
          </div>
          <label htmlFor={noteId}>{t.note}</label>
          <textarea
            id={noteId}
            rows={2}
            maxLength={1000}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
          {status === 'rejected' && <p className="muted small">{t.rejectedNote}</p>}
          <button type="button" disabled={!status || busy} onClick={() => void apply()}>
            {s.apply}
          </button>
        </fieldset>
      )}
      <span role="status" className="review-message">
        {message}
      </span>
    </section>
  );
}
