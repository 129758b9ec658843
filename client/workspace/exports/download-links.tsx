// The downloads (CSV, XLSX, zips, dictionary, statistics syntax) as plain <a download> links (the browser streams big files straight to disk, cookie
// included). A click first asks for the small data dictionary with the same filters: the server judges them
// exactly as for the export, so a refusal shows here in words instead of arriving as a file named export.csv.
import { useEffect, useRef, useState, type MouseEvent } from 'react';
import type { Locale } from '../../lib/locale';
import { HttpError, readProblem } from '../../lib/api';
import { SAME_ORIGIN } from '../../lib/workspace-api';
import { shellStrings } from '../strings';
import { downloadHref, type DownloadKind } from './export-query';
import { ANALYSIS_STRINGS } from './analysis-strings';
import { FILE_OPTION_STRINGS } from './file-option-strings';
import { EXPORT_STRINGS } from './strings';

interface Props {
  locale: Locale;
  survey: string;
  query: URLSearchParams;
  /** Why the filters cannot be downloaded as they are; the links stay disabled while there is any. */
  blocked: readonly string[];
  onSignedOut: () => void;
}

export function DownloadLinks({ locale, survey, query, blocked, onSignedOut }: Props) {
  const t = EXPORT_STRINGS[locale];
  const [checking, setChecking] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  // The href that passed the check: the repeated click on it goes through to the browser.
  const passed = useRef<string | null>(null);
  const search = query.toString();
  // A refusal is about the filters it was given: changing any of them clears it.
  useEffect(() => setRefusal(null), [search, survey]);
  // The server names refused parameters by their query names; the reader knows them by the page's labels.
  const fieldName: Record<string, string> = {
    region: t.regions,
    version: t.versions,
    briefing: t.briefing,
    from: t.from,
    to: t.to,
    labels: t.labels,
    choices: t.choices,
    pii: t.piiLegend,
    sep: FILE_OPTION_STRINGS[locale].separator,
    flagged: FILE_OPTION_STRINGS[locale].quality,
  };

  async function check(event: MouseEvent<HTMLAnchorElement>, kind: string) {
    const link = event.currentTarget;
    const href = link.getAttribute('href') ?? '';
    if (passed.current === href) {
      passed.current = null;
      return;
    }
    event.preventDefault();
    if (blocked.length > 0 || checking) return;
    setChecking(kind);
    setRefusal(null);
    try {
      const res = await fetch(downloadHref(survey, 'dictionary.csv', query), {
        ...SAME_ORIGIN,
        method: 'GET',
      });
      if (res.status === 401) return onSignedOut();
      if (!res.ok) throw new HttpError(res.status, await readProblem(res));
      await res.body?.cancel();
      passed.current = href;
      link.click();
    } catch (error) {
      const problem = error instanceof HttpError ? error.problem : null;
      const details =
        problem?.errors?.map((e) => `${fieldName[e.question] ?? e.question}: ${e.message}`).join('; ') ||
        problem?.detail;
      setRefusal(
        error instanceof HttpError
          ? `${t.refused} ${details ?? error.message}`
          : shellStrings(locale).offline,
      );
    } finally {
      setChecking(null);
    }
  }

  const a = ANALYSIS_STRINGS[locale];
  // Syntax files label in the CSV's label language, or with codes in the page's language.
  const lang = query.get('labels') ?? locale;
  type Link = {
    id: string;
    kind: DownloadKind;
    label: string;
    primary?: boolean;
    extra?: Record<string, string>;
  };
  const links: Link[] = [
    { id: 'csv', kind: 'export.csv', label: t.csv, primary: true },
    { id: 'xlsx', kind: 'export.xlsx', label: FILE_OPTION_STRINGS[locale].xlsx },
    { id: 'zip', kind: 'export.zip', label: t.zip },
    { id: 'dictionary', kind: 'dictionary.csv', label: t.dictionary },
  ];
  const analysis: Link[] = [
    { id: 'xlsx-zip', kind: 'export.zip', label: a.xlsxZip, extra: { format: 'xlsx' } },
    { id: 'sps', kind: 'syntax.sps', label: a.sps, extra: { lang } },
    { id: 'spss-csv', kind: 'export.csv', label: a.spssCsv, extra: { newlines: 'space' } },
    { id: 'do', kind: 'syntax.do', label: a.stata, extra: { lang } },
    { id: 'r', kind: 'syntax.R', label: a.r, extra: { lang } },
  ];
  const anchor = ({ id, kind, label, primary, extra }: Link) => (
    <a
      key={id}
      className={`button${primary ? ' primary' : ''}`}
      href={downloadHref(survey, kind, query, extra)}
      download
      aria-disabled={blocked.length > 0 || undefined}
      onClick={(event) => void check(event, id)}
    >
      {checking === id ? t.checking : label}
    </a>
  );

  return (
    <section className="block downloads" aria-labelledby="downloads-title">
      <h2 id="downloads-title">{t.download}</h2>
      <div className="download-links">{links.map(anchor)}</div>
      <h3 id="analysis-title">{a.heading}</h3>
      <div className="download-links" role="group" aria-labelledby="analysis-title">
        {analysis.map(anchor)}
      </div>
      <p className="about">{a.about}</p>
      {blocked.length > 0 && (
        <ul className="notice bad" role="alert">
          {blocked.map((text) => (
            <li key={text}>{text}</li>
          ))}
        </ul>
      )}
      {refusal && (
        <p className="notice bad" role="alert">
          {refusal}
        </p>
      )}
      <ul className="about">
        <li>{t.aboutCsv}</li>
        <li>{t.skipped}</li>
        <li>{t.notAsked}</li>
        <li>{t.aboutZip}</li>
        <li>{t.aboutDictionary}</li>
      </ul>
    </section>
  );
}
