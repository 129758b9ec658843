// One attempt to hand a queued response to the server, and what the reply means for the queue: stored (201, or
// 200 for a retry the server already had), refused for good, or try again later. Shared by the page's outbox
// and the service worker's Background Sync, so both judge a reply the same way.
import { readProblem, type Problem } from './api';
import type { Submission } from './send';

export type WaitReason = 'network' | 'server' | 'busy';

export type Attempt =
  | { kind: 'stored'; status: 200 | 201 }
  | { kind: 'rejected'; status: number; problem: Problem | null }
  | { kind: 'retry'; reason: WaitReason; afterMs: number | null };

// A request on a saturated hall network can hang for minutes; past this we abort and retry the same body.
export const REQUEST_TIMEOUT_MS = 30_000;

export async function postSubmission(doFetch: typeof fetch, sub: Submission): Promise<Attempt> {
  const abort = new AbortController();
  const timeout = setTimeout(() => abort.abort(), REQUEST_TIMEOUT_MS);
  let res: Response;
  try {
    res = await doFetch(`/api/surveys/${encodeURIComponent(sub.surveyId)}/responses`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      // The very body that was queued, byte for byte, on every attempt: the server's 200-for-a-retry compares it.
      body: JSON.stringify(sub.body),
      signal: abort.signal,
    });
  } catch {
    return { kind: 'retry', reason: 'network', afterMs: null };
  } finally {
    clearTimeout(timeout);
  }
  if (res.status === 200 || res.status === 201) return { kind: 'stored', status: res.status };
  if (res.status === 429 || res.status >= 500) {
    return { kind: 'retry', reason: res.status === 429 ? 'busy' : 'server', afterMs: retryAfterMs(res) };
  }
  // Any other answer is the server's final word on this body: sending it again would get the same reply.
  return { kind: 'rejected', status: res.status, problem: await readProblem(res) };
}

/** Retry-After in seconds or as an HTTP date (RFC 9110 §10.2.3); null when absent or unreadable. */
function retryAfterMs(res: Response): number | null {
  const header = res.headers.get('retry-after');
  if (!header) return null;
  const seconds = Number(header);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(header) - Date.now();
  if (!Number.isFinite(ms)) return null;
  // At least a second, so a "Retry-After: 0" cannot make a tight loop; at most ten minutes.
  return Math.min(Math.max(ms, 1000), 600_000);
}
