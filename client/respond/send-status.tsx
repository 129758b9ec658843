// What the respondent sees after pressing Send: sending, the receipt, "not sent yet" while retrying,
// or the server's refusal with what to fix.
import { useEffect, useState } from 'react';
import type { Model } from 'survey-core';
import type { Locale } from '../lib/locale';
import { shortReference, type SendState } from '../lib/send';
import { stringsFor, type Strings } from '../lib/strings';

interface Props {
  state: SendState;
  responseId: string;
  locale: Locale;
  model: Model;
  onAnother: () => void;
  onBack: () => void;
  onSendAsNew: () => void;
  onRetryNow: () => void;
}

export function SendStatus({
  state,
  responseId,
  locale,
  model,
  onAnother,
  onBack,
  onSendAsNew,
  onRetryNow,
}: Props) {
  const t = stringsFor(locale);
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
          <p className="status-title">{t.waitingTitle}</p>
          <p>{t.waitingBody}</p>
          <Countdown t={t} retryAt={state.retryAt} busy={state.reason === 'busy'} />
          <Reference t={t} responseId={responseId} />
          <button type="button" className="button" onClick={onRetryNow}>
            {t.sendNow}
          </button>
          <button type="button" className="button secondary" onClick={onAnother}>
            {t.fillAnother}
          </button>
        </div>
      );
    case 'rejected':
      return <Rejected state={state} t={t} model={model} onBack={onBack} onSendAsNew={onSendAsNew} />;
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
  onBack: () => void;
  onSendAsNew: () => void;
}

function Rejected({ state, t, model, onBack, onSendAsNew }: RejectedProps) {
  const { status, problem } = state;
  const errors = status === 422 ? (problem?.errors ?? []) : [];
  const reason =
    status === 409
      ? t.conflict
      : status === 413
        ? t.tooLarge
        : status === 410
          ? t.surveyClosed
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
      {problem && status !== 422 && (problem.detail || problem.title) && (
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
    </div>
  );
}

/** A question's title in the model's current language; envelope fields (e.g. `briefing`) keep their name. */
export function questionTitle(model: Model, name: string): string {
  const question = model.getQuestionByName(name) ?? model.getQuestionByValueName(name);
  return question ? question.processedTitle || question.title : name;
}
