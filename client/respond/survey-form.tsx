// The respondent form for `/s/<id>` and `/b/<slug>`: loads the survey (and briefing), shows it in the reader's
// language, hands the finished response to the outbox, and shows what became of it.
import { useEffect, useLayoutEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { Model } from 'survey-core';
import { Survey } from 'survey-react-ui';
import { getBriefing, getSurvey, type Briefing, type SurveyVersion } from '../lib/api';
import { localized, type Locale, type LocalizedText } from '../lib/locale';
import { newResponseId, type Outbox, type ResponseBody } from '../lib/send';
import { stringsFor } from '../lib/strings';
import { useLoad } from '../lib/use-load';
import { BriefingHeader } from './briefing-header';
import { LoadProblem } from './load-problem';
import { SendStatus } from './send-status';
import { answersOf, createModel } from './survey-setup';

export type FormTarget = { kind: 'survey'; id: string } | { kind: 'briefing'; slug: string };

interface Props {
  target: FormTarget;
  locale: Locale;
  outbox: Outbox;
  /** Tells the page which response this form is showing, so the banner about earlier ones leaves it out. */
  onShowing: (responseId: string | null) => void;
}

interface Loaded {
  survey: SurveyVersion;
  briefing: Briefing | null;
}

async function loadTarget(target: FormTarget): Promise<Loaded> {
  if (target.kind === 'survey') return { survey: await getSurvey(target.id), briefing: null };
  const briefing = await getBriefing(target.slug);
  return { survey: await getSurvey(briefing.survey), briefing };
}

export function SurveyForm({ target, locale, outbox, onShowing }: Props) {
  const key = target.kind === 'survey' ? `s/${target.id}` : `b/${target.slug}`;
  const [loaded, retry] = useLoad(() => loadTarget(target), key);
  if (loaded.state === 'loading')
    return (
      <p className="notice" role="status">
        {stringsFor(locale).loading}
      </p>
    );
  if (loaded.state === 'failed') {
    return <LoadProblem error={loaded.error} locale={locale} onRetry={retry} notFound={target.kind} />;
  }
  return <Respondent key={key} {...loaded.value} locale={locale} outbox={outbox} onShowing={onShowing} />;
}

/** One response being filled in: its model, its uuid (made once, reused by every retry) and when it began. */
interface Form {
  model: Model;
  id: string;
  startedAt: string;
}

function newForm({ survey, briefing }: Loaded, locale: Locale): Form {
  const model = createModel(survey.definition, locale);
  // Prefilled, not fixed: someone from another region may attend this briefing.
  if (briefing) model.setValue('region', briefing.region);
  return { model, id: newResponseId(), startedAt: new Date().toISOString() };
}

type RespondentProps = Loaded & Omit<Props, 'target'>;

function Respondent({ survey, briefing, locale, outbox, onShowing }: RespondentProps) {
  const [form, setForm] = useState(() => newForm({ survey, briefing }, locale));
  const [sentId, setSentId] = useState<string | null>(null);
  const states = useSyncExternalStore(outbox.subscribe, outbox.snapshot);
  const lastBody = useRef<ResponseBody | null>(null);
  const errorsToShow = useRef<{ question: string; message: string }[]>([]);
  const localeRef = useRef(locale);
  localeRef.current = locale;

  // The model is outside React: switch its language before paint, then render once more so the status view,
  // which reads question titles from the model, shows them in the new language too.
  const [, setModelLocale] = useState(locale);
  useLayoutEffect(() => {
    form.model.locale = locale;
    setModelLocale(locale);
  }, [form, locale]);

  function show(responseId: string | null) {
    // Told in the same event as the outbox's first state change, so the banner never counts this one as earlier.
    onShowing(responseId);
    setSentId(responseId);
  }

  function send(body: ResponseBody) {
    lastBody.current = body;
    show(body.id);
    void outbox.send(survey.id, body);
  }

  useEffect(() => {
    const onComplete = (model: Model) => {
      send({
        id: form.id,
        version: survey.version,
        locale: localeRef.current,
        ...(briefing && { briefing: briefing.slug }),
        startedAt: form.startedAt,
        data: answersOf(model),
      });
    };
    form.model.onComplete.add(onComplete);
    return () => form.model.onComplete.remove(onComplete);
    // `send` only closes over stable things (refs, setters, the outbox).
  }, [form, survey, briefing]);

  useEffect(() => {
    // The Send button is at the bottom of a long page; the status and the reopened form start at the top.
    window.scrollTo(0, 0);
  }, [sentId]);

  useEffect(() => {
    const title = localized(survey.definition.title as LocalizedText | undefined, locale);
    document.title = title ? `${title} · Saualnama` : 'Saualnama';
  }, [survey, locale]);

  // After "back to the survey": mark each refused answer on its question and go to the first one.
  useEffect(() => {
    if (sentId !== null || errorsToShow.current.length === 0) return;
    const errors = errorsToShow.current;
    errorsToShow.current = [];
    for (const { question, message } of errors) form.model.getQuestionByName(question)?.addError(message);
    const first = errors.find((error) => form.model.getQuestionByName(error.question));
    if (first) form.model.focusQuestion(first.question);
  }, [sentId, form]);

  function fillAnother() {
    setForm(newForm({ survey, briefing }, locale));
    show(null);
  }

  function backToSurvey() {
    const state = sentId ? states.get(sentId) : undefined;
    errorsToShow.current = state?.kind === 'rejected' ? (state.problem?.errors ?? []) : [];
    // Keeps the answers and reopens the form; the same uuid is fine because nothing was stored under it.
    form.model.clear(false, true);
    show(null);
  }

  function sendAsNew() {
    // 409: another answer already owns this uuid, so this one needs its own.
    const id = newResponseId();
    setForm({ ...form, id });
    if (lastBody.current) send({ ...lastBody.current, id });
  }

  const state = sentId ? (states.get(sentId) ?? { kind: 'sending' as const }) : null;
  return (
    <>
      {briefing && <BriefingHeader briefing={briefing} model={form.model} locale={locale} />}
      {state && sentId ? (
        <SendStatus
          state={state}
          responseId={sentId}
          locale={locale}
          model={form.model}
          onAnother={fillAnother}
          onBack={backToSurvey}
          onSendAsNew={sendAsNew}
          onRetryNow={outbox.retryNow}
        />
      ) : (
        <Survey model={form.model} />
      )}
    </>
  );
}
