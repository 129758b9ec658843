// The respondent form for `/s/<id>` and `/b/<slug>`: loads the survey (and briefing) and any draft left on the
// phone, shows it in the reader's language, hands the finished response to the outbox, and shows what became of it.
import { useEffect, useLayoutEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { Model } from 'survey-core';
import { Survey } from 'survey-react-ui';
import { getBriefing, getSurvey, type Briefing, type SurveyVersion } from '../lib/api';
import { draftKey, type Draft, type DraftStore } from '../lib/drafts';
import { localized, type Locale, type LocalizedText } from '../lib/locale';
import { newResponseId, type Outbox, type ResponseBody } from '../lib/send';
import { stringsFor } from '../lib/strings';
import { useLoad } from '../lib/use-load';
import { BriefingHeader } from './briefing-header';
import { DraftNote } from './draft-note';
import { LoadProblem } from './load-problem';
import { SendStatus } from './send-status';
import { PageProgress, usePagePosition } from './page-progress';
import { switchLocale } from './phone-form';
import { answersOf } from './computed-values';
import { createModel } from './survey-setup';
import { useDraft, type DraftSource } from './use-draft';

export type FormTarget = { kind: 'survey'; id: string } | { kind: 'briefing'; slug: string };

interface Props {
  target: FormTarget;
  locale: Locale;
  outbox: Outbox;
  drafts: DraftStore;
  /** Tells the page which response this form is showing, so the banner about earlier ones leaves it out. */
  onShowing: (responseId: string | null) => void;
}

interface Loaded {
  survey: SurveyVersion;
  briefing: Briefing | null;
  draft: Draft | null;
}

async function fetchTarget(target: FormTarget): Promise<Omit<Loaded, 'draft'>> {
  if (target.kind === 'survey') return { survey: await getSurvey(target.id), briefing: null };
  const briefing = await getBriefing(target.slug);
  return { survey: await getSurvey(briefing.survey), briefing };
}

async function loadTarget(target: FormTarget, drafts: DraftStore): Promise<Loaded> {
  const draft = (await drafts.latest(target)) ?? null;
  try {
    const { survey, briefing } = await fetchTarget(target);
    // A briefing moved to another survey since: its old draft no longer fits this link.
    return { survey, briefing, draft: draft?.surveyId === survey.id ? draft : null };
  } catch (error) {
    // Offline with nothing cached, or the survey closed meanwhile: a draft carries its own definition and opens
    // anyway (the server takes it within the grace period after a closing, or says why not).
    if (!draft) throw error;
    const survey = { id: draft.surveyId, version: draft.version, definition: draft.definition };
    return { survey, briefing: draft.briefing, draft };
  }
}

export function SurveyForm({ target, locale, outbox, drafts, onShowing }: Props) {
  const key = target.kind === 'survey' ? `s/${target.id}` : `b/${target.slug}`;
  const [loaded, retry] = useLoad(() => loadTarget(target, drafts), key);
  if (loaded.state === 'loading')
    return (
      <p className="notice" role="status">
        {stringsFor(locale).loading}
      </p>
    );
  if (loaded.state === 'failed') {
    return <LoadProblem error={loaded.error} locale={locale} onRetry={retry} notFound={target.kind} />;
  }
  return (
    <Respondent
      key={key}
      {...loaded.value}
      locale={locale}
      outbox={outbox}
      drafts={drafts}
      onShowing={onShowing}
    />
  );
}

/**
 * One response being filled in: its model, its uuid (made once, reused by every retry), when it began, and the
 * version it answers (an older one when restored from a draft begun before a newer version came out).
 */
interface Form extends DraftSource {
  restored: Draft | null;
}

function newForm(survey: SurveyVersion, briefing: Briefing | null, locale: Locale): Form {
  const model = createModel(survey.definition, locale);
  // Prefilled, not fixed: someone from another region may attend this briefing.
  if (briefing) model.setValue('region', briefing.region);
  const { id: surveyId, version, definition } = survey;
  const begun = { responseId: newResponseId(), startedAt: new Date().toISOString() };
  return { model, surveyId, version, definition, briefing, ...begun, restored: null };
}

function restoredForm(draft: Draft, locale: Locale): Form {
  const model = createModel(draft.definition, locale);
  model.data = draft.data;
  if (draft.pageNo > 0 && draft.pageNo < model.visiblePageCount) model.currentPageNo = draft.pageNo;
  const { surveyId, version, definition, briefing, responseId, startedAt } = draft;
  return { model, surveyId, version, definition, briefing, responseId, startedAt, restored: draft };
}

type RespondentProps = Loaded & Omit<Props, 'target'>;

function Respondent({ survey, briefing, draft, locale, outbox, drafts, onShowing }: RespondentProps) {
  const [form, setForm] = useState(() =>
    draft ? restoredForm(draft, locale) : newForm(survey, briefing, locale),
  );
  useDraft(form, drafts);
  const [sentId, setSentId] = useState<string | null>(null);
  const states = useSyncExternalStore(outbox.subscribe, outbox.snapshot);
  const lastBody = useRef<ResponseBody | null>(null);
  const errorsToShow = useRef<{ question: string; message: string }[]>([]);
  const localeRef = useRef(locale);
  localeRef.current = locale;

  // The model is outside React: switch its language before paint, then render once more so the status view,
  // which reads question titles from the model, shows them in the new language too.
  const [modelLocale, setModelLocale] = useState(locale);
  useLayoutEffect(() => {
    switchLocale(form.model, locale);
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
    // The draft goes in the same transaction that queues the response: the answers are always in one of the two.
    const draft = draftKey(form.surveyId, body.version, form.briefing?.slug ?? null);
    void outbox.send(form.surveyId, body, { draftKey: draft });
  }

  useEffect(() => {
    const onComplete = (model: Model) => {
      send({
        id: form.responseId,
        version: form.version,
        locale: localeRef.current,
        ...(form.briefing && { briefing: form.briefing.slug }),
        startedAt: form.startedAt,
        data: answersOf(model),
      });
    };
    form.model.onComplete.add(onComplete);
    return () => form.model.onComplete.remove(onComplete);
    // `send` only closes over stable things (refs, setters, the outbox) and `form`.
  }, [form]);

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
    setForm(newForm(survey, briefing, locale));
    show(null);
  }

  function startOver() {
    void drafts.remove(draftKey(form.surveyId, form.version, form.briefing?.slug ?? null));
    // A fresh form, on the newest version when the survey could be loaded.
    fillAnother();
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
    setForm({ ...form, responseId: id });
    if (lastBody.current) send({ ...lastBody.current, id });
  }

  const state = sentId ? (states.get(sentId) ?? { kind: 'sending' as const }) : null;
  // Like the survey's title, the briefing's header is read once, on the first page.
  const onFirstPage = usePagePosition(form.model).index === 0;
  return (
    <>
      {form.briefing && onFirstPage && (
        <BriefingHeader briefing={form.briefing} model={form.model} locale={locale} />
      )}
      {form.restored && !sentId && (
        <DraftNote
          draft={form.restored}
          newestVersion={survey.version}
          locale={locale}
          onStartOver={startOver}
        />
      )}
      {state && sentId ? (
        <SendStatus
          state={state}
          responseId={sentId}
          startedAt={form.startedAt}
          locale={locale}
          model={form.model}
          outbox={outbox}
          onAnother={fillAnother}
          onBack={backToSurvey}
          onSendAsNew={sendAsNew}
          onRetryNow={outbox.retryNow}
        />
      ) : (
        <>
          <PageProgress model={form.model} locale={locale} />
          {/* Keyed by the model's language, set after switchLocale: SurveyJS's popups are built anew in it. */}
          <Survey key={modelLocale} model={form.model} />
        </>
      )}
    </>
  );
}
