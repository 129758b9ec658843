// The survey versions section's requests: close/open, a draft checked from a JSON or XLSX file, publishing it.
import type { SurveyDraft, VersionChange } from '../../../server/http/contract/surveys';
import { readProblem } from '../../lib/api';
import { HttpError, SAME_ORIGIN } from '../../lib/workspace-api';

export type { SurveyDraft, VersionChange };

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function setClosed(surveyId: string, closed: boolean): Promise<void> {
  const res = await fetch(`/api/surveys/${encodeURIComponent(surveyId)}/closed`, {
    ...SAME_ORIGIN,
    method: 'PUT',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ closed }),
  });
  if (!res.ok) throw new HttpError(res.status, await readProblem(res));
}

/** The file as it is: the server tells a spreadsheet from JSON by the content type. */
export async function checkDraft(surveyId: string, file: File): Promise<SurveyDraft> {
  const isSheet = /\.xlsx$/i.test(file.name);
  const res = await fetch(`/api/surveys/${encodeURIComponent(surveyId)}/drafts`, {
    ...SAME_ORIGIN,
    method: 'POST',
    headers: { 'content-type': isSheet ? XLSX : 'application/json', accept: 'application/json' },
    body: file,
  });
  if (!res.ok) throw new HttpError(res.status, await readProblem(res));
  return (await res.json()) as SurveyDraft;
}

/** Publishes the draft as the version previewed (409 if someone took that number meanwhile). */
export async function publishDraft(draft: SurveyDraft): Promise<{ version: number }> {
  const res = await fetch(`/api/surveys/${encodeURIComponent(draft.surveyId)}/versions`, {
    ...SAME_ORIGIN,
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ version: draft.version, definition: draft.definition }),
  });
  if (!res.ok) throw new HttpError(res.status, await readProblem(res));
  return (await res.json()) as { version: number };
}

/** Saves JSON as a file the admin downloads (the browser's own download). */
export function downloadJson(name: string, value: unknown): void {
  const url = URL.createObjectURL(new Blob([`${JSON.stringify(value, null, 2)}\n`], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
