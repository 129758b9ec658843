// POST /api/surveys/:id/responses, the hot path: the respondent's answers, judged and durably stored exactly once.
// It runs on node's http directly, not through Express: measured here, Express 5's per-request work alone caps
// a core at ~2,600 requests/s against ~9,800/s for the bare server, and this path must take a hall's burst.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ResponseReceipt } from './contract/responses';
import type { AppDeps } from './deps';
import { readJsonBody } from './json-body';
import { judgeBody } from '../domain/judge-response';
import { Problem, storageFault } from '../domain/problem';
import { sendProblem } from './problem-reply';
import { createRateLimiter } from './rate-limit';
import { clientAddress } from './client-address';
import { securityHeadersFor } from './security-headers';

/** How the request log names this route. */
export const INGEST_ROUTE = '/api/surveys/:id/responses';
const INGEST_PATH = /^\/api\/surveys\/([^/?#]+)\/responses\/?(?:\?.*)?$/;

/** The survey id when the request is a POST of a response, else undefined (Express handles it). */
export function matchIngest(req: IncomingMessage): string | undefined {
  if (req.method !== 'POST') return undefined;
  const raw = INGEST_PATH.exec(req.url ?? '')?.[1];
  if (raw === undefined) return undefined;
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw; // malformed escapes: no survey has such an id, so it ends in a 404
  }
}

export function createIngestHandler({ catalog, store, clock, config, log, updates }: AppDeps) {
  const takeToken = createRateLimiter(config.responsesRateLimit);
  const headers = Object.entries(securityHeadersFor(config));

  async function ingest(
    surveyId: string,
    req: IncomingMessage,
  ): Promise<{ status: number; receipt: ResponseReceipt }> {
    const limited = takeToken(clientAddress(req, config.trustProxy));
    if (limited) throw limited;
    const body = await readJsonBody(req, config.bodyLimitBytes);
    // A phone may have loaded a version another server published a moment ago: look before answering 404.
    const version = (body as { version?: unknown } | null)?.version;
    if (updates && typeof version === 'number' && !catalog.getVersion(surveyId, version))
      await updates.refresh();
    const response = await judgeBody(surveyId, body, {
      catalog,
      store,
      now: clock(),
      closedGraceMs: config.closedGraceMs,
    });
    const outcome = await store.submitResponse(response).catch((error: unknown) => {
      const fault = storageFault(error, 'Your answers were not stored; please send them again shortly.');
      if (!fault) throw error;
      log(`POST ${req.url} not stored (storage fault, answered 503)`, error);
      throw fault;
    });
    if (outcome.status === 'conflict')
      throw new Problem(
        'response-conflict',
        `Response ${response.id} was already stored with other answers; a new response needs a new id.`,
      );
    const receipt: ResponseReceipt = {
      id: response.id,
      survey: response.surveyId,
      version: response.version,
      submittedAt: outcome.submittedAt,
      reference: response.id.slice(0, 8).toUpperCase(),
    };
    return { status: outcome.status === 'created' ? 201 : 200, receipt };
  }

  return (surveyId: string, req: IncomingMessage, res: ServerResponse): void => {
    for (const [name, value] of headers) res.setHeader(name, value);
    ingest(surveyId, req).then(
      ({ status, receipt }) => {
        const body = JSON.stringify(receipt);
        res.writeHead(status, {
          'Content-Type': 'application/json; charset=utf-8',
          'Content-Length': Buffer.byteLength(body),
        });
        res.end(body);
      },
      (error: unknown) => {
        if (error instanceof Problem) return sendProblem(res, error);
        log(`POST ${req.url} failed`, error);
        sendProblem(
          res,
          new Problem(
            'internal',
            'The error was logged. Please try again; if it persists, tell the organisers.',
          ),
        );
      },
    );
  };
}
