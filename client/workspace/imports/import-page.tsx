// /workspace/import (admins): choose the "unsent answers" files attendees saved on their phones; each is sent to
// POST /api/imports/unsent in turn, and the page shows per file what was stored, already stored, conflicting or
// refused, with the reason of each refusal (the server's own words).
import { kazakhstanMinute } from '../../../server/domain/kazakhstan-time';
import { useId, useState, type FormEvent } from 'react';
import type { Locale } from '../../lib/locale';
import { HttpError, isSignedOut } from '../../lib/workspace-api';
import type { SectionProps } from '../sections';
import { shellStrings } from '../strings';
import { importUnsentFile, type ImportedResponse, type ImportReport } from './imports-api';
import { IMPORT_STRINGS } from './strings';
import './import-page.css';

type FileResult = { name: string } & ({ ok: true; report: ImportReport } | { ok: false; lines: string[] });

/** `2024-05-14 15:00 (UTC+5)`: the briefings' own clock, whatever the laptop's zone. */
function kazakhstanTime(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  return `${kazakhstanMinute(ms).replace('T', ' ')} (UTC+5)`;
}

export default function ImportPage({ locale, onSignedOut }: SectionProps) {
  const t = IMPORT_STRINGS[locale];
  const inputId = useId();
  const labelId = useId();
  const [files, setFiles] = useState<File[]>([]);
  const [busy, setBusy] = useState(false);
  const [results, setResults] = useState<FileResult[]>([]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setResults([]);
    try {
      // One file at a time, in the order chosen: each report shows as soon as its file is done.
      for (const file of files) {
        const result = await importOne(file, locale);
        if (result === 'signed-out') return onSignedOut();
        setResults((done) => [...done, result]);
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="import-page">
      <h1>{t.title}</h1>
      <p className="muted">{t.intro}</p>
      <form className="block import-form" onSubmit={submit}>
        <div className="field">
          <span id={labelId}>{t.files}</span>
          {/* The browser's own file button speaks the browser's language, not the page's: a label in
              the reader's language opens the same (visually hidden, still focusable) input. */}
          <div className="file-picker">
            <input
              id={inputId}
              type="file"
              className="file-input"
              accept=".json,application/json"
              multiple
              aria-labelledby={labelId}
              onChange={(e) => setFiles([...(e.target.files ?? [])])}
            />
            <label htmlFor={inputId} className="button">
              {t.choose}
            </label>
            <span className="chosen">
              {files.length === 0 ? t.noneChosen : files.map((f) => f.name).join(', ')}
            </span>
          </div>
          <small className="muted">{t.filesHint}</small>
        </div>
        <button type="submit" className="primary" disabled={busy || files.length === 0}>
          {busy ? t.importing : t.import}
        </button>
      </form>
      {results.map((result, i) => (
        <FileReport key={`${i}:${result.name}`} locale={locale} result={result} />
      ))}
    </div>
  );
}

async function importOne(file: File, locale: Locale): Promise<FileResult | 'signed-out'> {
  const t = IMPORT_STRINGS[locale];
  try {
    return { name: file.name, ok: true, report: await importUnsentFile(file) };
  } catch (error) {
    if (isSignedOut(error)) return 'signed-out';
    if (!(error instanceof HttpError))
      return { name: file.name, ok: false, lines: [shellStrings(locale).offline] };
    const problem = error.problem;
    const heading = error.status === 403 ? t.mayNot : error.status === 400 ? t.notUnsent : t.notImported;
    const details = [
      problem?.detail ?? '',
      ...(problem?.errors ?? []).map((e) => `${e.question}: ${e.message}`),
    ];
    return { name: file.name, ok: false, lines: [heading, ...details.filter(Boolean)] };
  }
}

function FileReport({ locale, result }: { locale: Locale; result: FileResult }) {
  const t = IMPORT_STRINGS[locale];
  const shell = shellStrings(locale);
  if (!result.ok)
    return (
      <section className="import-result">
        <h2>{result.name}</h2>
        <div className="notice bad" role="alert">
          {result.lines.map((line, i) => (
            <p key={i}>{line}</p>
          ))}
        </div>
      </section>
    );
  const { report } = result;
  const { counts } = report;
  const notStored = report.responses.filter((r) => r.outcome === 'conflict' || r.outcome === 'refused');
  const rows: [string, number][] = [
    [t.counts.responses, counts.responses],
    [t.counts.stored, counts.stored],
    [t.counts.alreadyStored, counts.alreadyStored],
    [t.counts.conflicts, counts.conflicts],
    [t.counts.refused, counts.refused],
  ];
  return (
    <section className="import-result">
      <h2>{result.name}</h2>
      {report.exportedAt && <p className="muted">{t.savedOn(kazakhstanTime(report.exportedAt))}</p>}
      <table className="import-counts">
        <tbody>
          {rows.map(([label, n]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td className="num">{shell.number(n)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className={notStored.length === 0 ? 'notice' : 'notice bad'} role="status">
        {notStored.length === 0 ? t.allIn : t.someOut}
      </p>
      {notStored.length > 0 && <NotStored locale={locale} responses={notStored} />}
    </section>
  );
}

function NotStored({ locale, responses }: { locale: Locale; responses: ImportedResponse[] }) {
  const t = IMPORT_STRINGS[locale];
  return (
    <>
      <table className="import-refusals">
        <thead>
          <tr>
            <th scope="col">{t.columns.reference}</th>
            <th scope="col">{t.columns.outcome}</th>
            <th scope="col">{t.columns.reason}</th>
          </tr>
        </thead>
        <tbody>
          {responses.map((r) => (
            <tr key={r.at}>
              {/* The code the respondent's page showed (the id's first 8 digits), so a person can be asked. */}
              <td className="nowrap">{r.id ? r.id.slice(0, 8).toUpperCase() : r.at}</td>
              <td>{r.outcome === 'conflict' ? t.outcome.conflict : t.outcome.refused}</td>
              <td>{r.outcome === 'conflict' ? t.conflictReason : <Reason response={r} />}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted note">{t.reasonsInEnglish}</p>
    </>
  );
}

function Reason({ response }: { response: ImportedResponse }) {
  const errors = response.problem?.errors ?? [];
  if (errors.length === 0)
    return <>{response.problem?.detail ?? response.problem?.title ?? response.status}</>;
  return (
    <ul className="import-errors">
      {errors.map((e, i) => (
        <li key={i}>
          <code>{e.question}</code>: {e.message}
        </li>
      ))}
    </ul>
  );
}
