// /workspace/surveys (admins): a survey's state with the close/open button, its versions with their JSON and
// translation sheet, and the draft of the next version checked from an uploaded JSON or filled-in sheet: check's
// findings in the reader's language (errors block), what changed since the newest version, a phone preview, and
// publishing it (served at once, then downloadable as v<N+1>.json for the repository).
import { lazy, Suspense, useEffect, useId, useState, type FormEvent } from 'react';
import { localized } from '../../lib/locale';
import { useLoad } from '../../lib/use-load';
import { getJson, HttpError, isSignedOut } from '../../lib/workspace-api';
import { loadSurveyChoice } from '../default-survey';
import { SelectField } from '../fields';
import { LoadFailed } from '../load-failed';
import { setQuery } from '../router';
import type { SectionProps } from '../sections';
import { shellStrings } from '../strings';
import { SURVEYS_STRINGS } from './strings';
import { findingText } from './finding-strings';
import { checkDraft, downloadJson, publishDraft, setClosed, type SurveyDraft } from './surveys-api';
import './surveys.css';

const DraftPreview = lazy(() => import('./draft-preview'));

export default function SurveysPage({ locale, query, onSignedOut }: SectionProps) {
  const t = SURVEYS_STRINGS[locale];
  const shell = shellStrings(locale);
  const wanted = query.get('survey');
  const [attempt, setAttempt] = useState(0);
  const [load, retry] = useLoad(() => loadSurveyChoice(wanted), `surveys:${wanted}:${attempt}`);
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [draft, setDraft] = useState<SurveyDraft | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [published, setPublished] = useState<number | null>(null);
  const [publishing, setPublishing] = useState(false);
  const inputId = useId();
  const labelId = useId();
  useEffect(() => {
    if (load.state === 'failed' && isSignedOut(load.error)) onSignedOut();
  }, [load, onSignedOut]);

  if (load.state === 'failed') return <LoadFailed locale={locale} onRetry={retry} />;
  if (load.state === 'loading') return <p className="muted">{shell.loading}</p>;
  const { surveys, survey } = load.value;
  if (!survey) return <p className="notice">{shell.loadFailed}</p>;

  const failed = (failure: unknown) => {
    if (isSignedOut(failure)) return onSignedOut();
    const problem = failure instanceof HttpError ? failure.problem : null;
    const rows = problem?.errors?.map((e) => e.message).join('; ');
    setError([t.refused, problem?.detail, rows].filter(Boolean).join(' '));
  };

  async function toggle() {
    if (!survey!.closed && !window.confirm(t.confirmClose)) return;
    try {
      await setClosed(survey!.id, !survey!.closed);
      setAttempt((n) => n + 1);
    } catch (failure) {
      failed(failure);
    }
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!file) return;
    setBusy(true);
    setError(null);
    setDraft(null);
    try {
      setDraft(await checkDraft(survey!.id, file));
    } catch (failure) {
      failed(failure);
    } finally {
      setBusy(false);
    }
  }

  async function publish(chosen: SurveyDraft) {
    if (!window.confirm(t.confirmPublish(chosen.version))) return;
    setPublishing(true);
    setError(null);
    try {
      const { version } = await publishDraft(chosen);
      setDraft(null);
      setFile(null);
      setPublished(version);
      setAttempt((n) => n + 1);
    } catch (failure) {
      failed(failure);
    } finally {
      setPublishing(false);
    }
  }

  async function downloadVersion(version: number) {
    const body = await getJson<{ definition: unknown }>(
      `/api/surveys/${encodeURIComponent(survey!.id)}/versions/${version}`,
    );
    downloadJson(`v${version}.json`, body.definition);
  }

  const versions = Array.from({ length: survey.version }, (_, i) => survey.version - i);
  return (
    <div className="surveys-page">
      <h1>{t.title}</h1>
      <div className="survey-head">
        <SelectField
          label={t.survey}
          value={survey.id}
          onChange={(id) => {
            setDraft(null);
            setPublished(null);
            setQuery({ survey: id });
          }}
        >
          {surveys.map((s) => (
            <option key={s.id} value={s.id}>
              {localized(s.title, locale)}
            </option>
          ))}
        </SelectField>
        <p className={survey.closed ? 'survey-state closed' : 'survey-state open'} role="status">
          {survey.closed ? t.closed : t.open}
        </p>
        <button type="button" onClick={() => void toggle()}>
          {survey.closed ? t.reopen : t.close}
        </button>
      </div>

      {published !== null && (
        <div className="notice published" role="status">
          <p>{t.published(published)}</p>
          <button type="button" onClick={() => void downloadVersion(published).catch(failed)}>
            {t.download(published)}
          </button>
        </div>
      )}

      <section className="card" aria-labelledby="versions-title">
        <h2 id="versions-title">{t.versions}</h2>
        <ul className="version-list">
          {versions.map((v) => (
            <li key={v}>
              <strong>v{v}</strong>
              <button type="button" className="link" onClick={() => void downloadVersion(v).catch(failed)}>
                {t.json}
              </button>
              <a href={`/api/surveys/${encodeURIComponent(survey.id)}/versions/${v}/strings.xlsx`} download>
                {t.sheet}
              </a>
            </li>
          ))}
        </ul>
      </section>

      <form className="card draft-form" onSubmit={submit} aria-labelledby="draft-title">
        <h2 id="draft-title">{t.draftTitle}</h2>
        <p className="muted">{t.draftIntro}</p>
        <span id={labelId}>{t.file}</span>
        <div className="file-picker">
          <input
            id={inputId}
            type="file"
            className="file-input"
            accept=".json,.xlsx,application/json"
            aria-labelledby={labelId}
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
          <label htmlFor={inputId} className="button">
            {t.choose}
          </label>
          <span className="chosen">{file ? file.name : t.noneChosen}</span>
        </div>
        <button type="submit" className="primary" disabled={busy || !file}>
          {busy ? t.checking : t.check}
        </button>
        {error && (
          <p className="notice bad" role="alert">
            {error}
          </p>
        )}
      </form>

      {draft && (
        <DraftReport draft={draft} locale={locale} publishing={publishing} onPublish={() => void publish(draft)} />
      )}
    </div>
  );
}

function DraftReport({
  draft,
  locale,
  publishing,
  onPublish,
}: {
  draft: SurveyDraft;
  locale: SectionProps['locale'];
  publishing: boolean;
  onPublish: () => void;
}) {
  const t = SURVEYS_STRINGS[locale];
  return (
    <section className="card draft-report" aria-labelledby="draft-report-title">
      <h2 id="draft-report-title">{t.draftOf(draft.version, draft.since)}</h2>
      <p className={draft.errors > 0 ? 'notice bad' : 'notice'}>
        {draft.errors > 0 ? t.errors(draft.errors) : t.noErrors}
        {draft.warnings > 0 && ` ${t.warnings(draft.warnings)}`}
      </p>
      {draft.findings.length > 0 && (
        <>
          {draft.findings.some((f) => f.code === 'survey-core' || f.code === 'validator') && (
            <p className="hint">{t.findingsQuoted}</p>
          )}
          <ul className="findings">
            {draft.findings.map((f, i) => (
              <li key={i} className={f.severity}>
                <code>{f.path || '(file)'}</code> {findingText(f, locale)}
              </li>
            ))}
          </ul>
        </>
      )}
      <h3>{t.changes}</h3>
      {draft.changes.length === 0 ? (
        <p className="muted">{t.noChanges}</p>
      ) : (
        <ul className="changes">
          {draft.changes.map((c, i) => (
            <li key={i} className={c.kind}>
              {t.kinds[c.kind]}: <code>{c.question}</code>
              {c.detail && (
                <>
                  {' '}
                  (<code>{c.detail}</code>)
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      <div className="draft-actions">
        <button type="button" className="primary" disabled={draft.errors > 0 || publishing} onClick={onPublish}>
          {publishing ? t.publishing : t.publish(draft.version)}
        </button>
        <button
          type="button"
          disabled={draft.errors > 0}
          onClick={() => downloadJson(`v${draft.version}.json`, draft.definition)}
        >
          {t.download(draft.version)}
        </button>
      </div>
      <p className="hint">{t.publishNote}</p>
      <h3>{t.preview}</h3>
      <Suspense fallback={<p className="muted">…</p>}>
        <DraftPreview definition={draft.definition} locale={locale} />
      </Suspense>
    </section>
  );
}
