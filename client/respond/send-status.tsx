// What the respondent sees after pressing Send: sending, the receipt ("sent ✔"), "saved on this phone" while
// the outbox retries, or the server's refusal with what to fix; answers that cannot go can be saved to a file.
import { useEffect, useState, useSyncExternalStore, type ReactNode } from 'react';
import type { Model } from 'survey-core';
import type { Problem } from '../lib/api';
import type { Locale } from '../lib/locale';
import { inFlightCount, shortReference, type Outbox, type SendState } from '../lib/send';
import { formatWhen, stringsFor, type Strings } from '../lib/strings';
import { SaveUnsentButton } from './save-unsent-button';

interface Props {
  state: SendState;
  responseId: string;
  /** When the response was begun: a 410 reads differently for one begun after the closing. */
  startedAt: string;
  locale: Locale;
  model: Model;
  outbox: Outbox;
  onAnother: () => void;
  onBack: () => void;
  onSendAsNew: () => void;
  onRetryNow: () => void;
}

export function SendStatus({
  state,
  responseId,
  startedAt,
  locale,
  model,
  outbox,
  onAnother,
  onBack,
  onSendAsNew,
  onRetryNow,
}: Props) {
  const t = stringsFor(locale);
  const waiting = inFlightCount(useSyncExternalStore(outbox.subscribe, outbox.snapshot));
  switch (state.kind) {
    case 'sending':
      return (
        <div className="panel" role="status" aria-busy="true">
          <p className="status-title">{t.sending}</p>
        </div>
      );
    case 'stored':
      return (
        <div className="panel receipt" role="status">
          <p className="status-title">{t.sentTitle}</p>
          <p>{t.sentBody}</p>
          <Reference t={t} responseId={responseId} />
          <button type="button" className="button" onClick={onAnother}>
            {t.fillAnother}
          </button>
        </div>
      );
    case 'waiting':
      return (
        <div className="panel waiting" role="status">
          {outbox.durable() ? (
            <>
              <p className="status-title">{t.waitingTitle}</p>
              <p>{t.waitingBody(Math.max(waiting, 1))}</p>
            </>
          ) : (
            <p>{t.waitingVolatile}</p>
          )}
          <Countdown t={t} retryAt={state.retryAt} busy={state.reason === 'busy'} />
          <Reference t={t} responseId={responseId} />
          <button type="button" className="button" onClick={onRetryNow}>
            {t.sendNow}
          </button>
          <button type="button" className="button secondary" onClick={onAnother}>
            {t.fillAnother}
          </button>
          <SaveUnsentButton outbox={outbox} locale={locale} />
        </div>
      );
    case 'rejected':
      return (
        <Rejected
          state={state}
          t={t}
          model={model}
          startedAt={startedAt}
          onBack={onBack}
          onSendAsNew={onSendAsNew}
          save={<SaveUnsentButton outbox={outbox} locale={locale} />}
        />
      );
  }
}

function Reference({ t, responseId }: { t: Strings; responseId: string }) {
  return (
    <p className="reference">
      {t.reference}: <strong translate="no">{shortReference(responseId)}</strong>
    </p>
  );
}

function Countdown({ t, retryAt, busy }: { t: Strings; retryAt: number; busy: boolean }) {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const tick = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(tick);
  }, []);
  const seconds = Math.max(0, Math.ceil((retryAt - now) / 1000));
  return <p className="muted">{busy ? t.serverBusy(seconds) : t.nextTry(seconds)}</p>;
}

interface RejectedProps {
  state: Extract<SendState, { kind: 'rejected' }>;
  t: Strings;
  model: Model;
  startedAt: string;
  onBack: () => void;
  onSendAsNew: () => void;
  save: ReactNode;
}

function Rejected({ state, t, model, startedAt, onBack, onSendAsNew, save }: RejectedProps) {
  const { status, problem } = state;
  const errors = status === 422 ? (problem?.errors ?? []) : [];
  const reason =
    status === 409
      ? t.conflict
      : status === 413
        ? t.tooLarge
        : status === 410
          ? closedReason(t, problem, startedAt)
          : status === 404
            ? t.goneVersion
            : status === 422
              ? t.fixAnswers
              : t.badRequest;
  // Fixing the answers helps with these; a closed or vanished survey cannot be fixed from the phone.
  const canFix = status === 422 || status === 413 || status === 400;
  return (
    <div className="panel problem" role="alert">
      <p className="status-title">{t.rejectedTitle}</p>
      <p>{reason}</p>
      {errors.length > 0 && (
        <ul className="answer-errors">
          {errors.map((error, index) => (
            <li key={index}>
              <strong>{questionTitle(model, error.question)}</strong>: {error.message}
            </li>
          ))}
        </ul>
      )}
      {problem && status !== 422 && status !== 410 && (problem.detail || problem.title) && (
        <p className="muted">
          {t.serverSaid}: <span lang="en">{problem.detail || problem.title}</span>
        </p>
      )}
      {canFix && (
        <button type="button" className="button" onClick={onBack}>
          {t.backToSurvey}
        </button>
      )}
      {status === 409 && (
        <button type="button" className="button" onClick={onSendAsNew}>
          {t.sendAsNew}
        </button>
      )}
      {!canFix && status !== 409 && (
        <>
          <p>{t.keepAnswers}</p>
          {save}
        </>
      )}
    </div>
  );
}

/** The 410 in the reader's language, from the times the server names (see judge-response.ts's grace period). */
function closedReason(t: Strings, problem: Problem | null, startedAt: string): string {
  const closedAt = problem?.closedAt;
  if (!closedAt) return t.surveyClosed;
  // A briefing can close on its own (its closing time) while the survey stays open: the server says which.
  const briefing = problem.type === '/problems/briefing-closed';
  if (Date.parse(startedAt) >= Date.parse(closedAt))
    return t.closedBeforeStart(formatWhen(closedAt, t), briefing);
  const until = formatWhen(problem.acceptedUntil ?? closedAt, t);
  return t.closedAfterGrace(formatWhen(closedAt, t), until, briefing);
}

/** A question's title in the model's current language; envelope fields (e.g. `briefing`) keep their name. */
export function questionTitle(model: Model, name: string): string {
  const question = model.getQuestionByName(name) ?? model.getQuestionByValueName(name);
  return question ? question.processedTitle || question.title : name;
}
