// One response opened from the table: its answers in the reader's language, its review status with a note (saved
// with PATCH /api/responses/:id), and for admins whether contact details are kept, with their erasure.
import { kazakhstanMinute } from '../../../server/domain/kazakhstan-time';
import { useId, useState } from 'react';
import type { Locale } from '../../lib/locale';
import { useLoad } from '../../lib/use-load';
import { isSignedOut } from '../../lib/workspace-api';
import { LoadFailed } from '../load-failed';
import { questionTexts } from './answer-text';
import {
  eraseContacts,
  getResponse,
  setReview,
  type ResponseDetailBody,
  type ReviewBody,
} from './responses-api';
import { RESPONSES_STRINGS, type ReviewWord } from './strings';

const STATUSES: readonly ReviewWord[] = ['approved', 'on_hold', 'rejected'];

export function ResponseDetail({
  id,
  locale,
  definition,
  onReviewed,
  onSignedOut,
}: {
  id: string;
  locale: Locale;
  definition: Record<string, unknown>;
  onReviewed: (review: ReviewBody) => void;
  onSignedOut: () => void;
}) {
  const t = RESPONSES_STRINGS[locale];
  const [load, retry] = useLoad(() => getResponse(id), id);
  const [status, setStatus] = useState<ReviewWord | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [message, setMessage] = useState('');
  const [erasedAt, setErasedAt] = useState<string | null>(null);
  const noteId = useId();
  if (load.state === 'failed') {
    if (isSignedOut(load.error)) onSignedOut();
    return <LoadFailed locale={locale} onRetry={retry} />;
  }
  if (load.state === 'loading') return <p className="muted">…</p>;
  const r: ResponseDetailBody = load.value;
  const chosen = status ?? r.review?.status ?? null;
  const noteText = note ?? r.review?.note ?? '';
  const questions = questionTexts(definition, locale).filter((q) => q.name in r.answers);
  const erased = erasedAt ?? r.contacts?.erasedAt ?? null;

  const save = async () => {
    if (!chosen) return;
    try {
      const saved = await setReview(r.id, chosen, noteText);
      setMessage(t.saved);
      onReviewed(saved);
    } catch (error) {
      if (isSignedOut(error)) onSignedOut();
      setMessage(t.failed);
    }
  };
  const erase = async () => {
    if (!window.confirm(t.confirmErase)) return;
    try {
      setErasedAt((await eraseContacts(r.id)).erasedAt);
    } catch (error) {
      if (isSignedOut(error)) onSignedOut();
      setMessage(t.failed);
    }
  };

  return (
    <div className="response-detail">
      <h3>{t.answersTitle}</h3>
      <dl className="response-answers">
        {questions.map((q) => (
          <div key={q.name}>
            <dt>{q.title}</dt>
            <dd>{q.label(r.answers[q.name])}</dd>
          </div>
        ))}
      </dl>
      <fieldset className="review-form">
        <legend>{t.setStatus}</legend>
        <div role="radiogroup" aria-label={t.review} className="review-choices">
          {STATUSES.map((s) => (
            <label key={s} className={`review-choice ${s}`}>
              <input
                type="radio"
                name={`review-${r.id}`}
                checked={chosen === s}
                onChange={() => setStatus(s)}
              />
              {t.status[s]}
            </label>
          ))}
        </div>
        <label htmlFor={noteId}>{t.note}</label>
        <textarea
          id={noteId}
          rows={2}
          maxLength={1000}
          value={noteText}
          onChange={(e) => setNote(e.target.value)}
        />
        {chosen === 'rejected' && <p className="muted small">{t.rejectedNote}</p>}
        <button type="button" disabled={!chosen} onClick={() => void save()}>
          {t.save}
        </button>
        <span role="status" className="review-message">
          {message}
        </span>
      </fieldset>
      {r.contacts && (
        <p className="contacts-line">
          <strong>{t.contacts}: </strong>
          {erased
            ? t.contactsErased(kazakhstanMinute(erased).replace('T', ' '))
            : r.contacts.kept
              ? t.contactsKept
              : t.contactsNone}
          {!erased && r.contacts.kept && (
            <button type="button" className="danger" onClick={() => void erase()}>
              {t.erase}
            </button>
          )}
        </p>
      )}
    </div>
  );
}
