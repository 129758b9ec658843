// The import section's one request: a chosen file's bytes, as they are, to POST /api/imports/unsent.
import type { ImportedResponse, ImportReport } from '../../../server/http/contract/imports';
import { readProblem } from '../../lib/api';
import { HttpError, SAME_ORIGIN } from '../../lib/workspace-api';

export type { ImportedResponse, ImportReport };

/** The server's report of each response; a refused file (400, 413, 401, 403) throws HttpError with its problem. */
export async function importUnsentFile(file: File): Promise<ImportReport> {
  const res = await fetch(`/api/imports/unsent?name=${encodeURIComponent(file.name.slice(0, 200))}`, {
    ...SAME_ORIGIN,
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    // The bytes unchanged: the server, not the browser, says whether they are UTF-8 and JSON.
    body: file,
  });
  if (!res.ok) throw new HttpError(res.status, await readProblem(res));
  return (await res.json()) as ImportReport;
}
