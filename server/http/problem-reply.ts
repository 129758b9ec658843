// A Problem (server/domain/problem.ts) as an application/problem+json reply, and the one error middleware.
import type { ServerResponse } from 'node:http';
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { Problem, storageFault } from '../domain/problem';

/** Works on a plain node response too, so the ingest fast path answers exactly like the Express routes. */
export function sendProblem(res: ServerResponse, problem: Problem): void {
  const body = JSON.stringify(problem.toBody());
  res.writeHead(problem.status, {
    ...problem.headers,
    'Content-Type': 'application/problem+json; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
  });
  res.end(body);
}

export const notFound: RequestHandler = (req, _res, next) => {
  next(new Problem('not-found', `${req.method} ${req.path} is not a route of this server`));
};

/**
 * Errors that Express and its middleware mark as the client's (http-errors' `status` 4xx), e.g. a path parameter
 * with a malformed %-escape (`/api/surveys/%E0%A4%A`), which the router cannot decode: a 400, not a logged 500.
 */
function clientError(error: unknown): Problem | undefined {
  const status = (error as { status?: unknown } | null)?.status;
  if (typeof status !== 'number' || status < 400 || status > 499) return undefined;
  if (status === 404) return new Problem('not-found', 'Nothing is here.');
  return new Problem(
    'bad-request',
    'The address or a parameter could not be read (for instance a malformed %-escape).',
  );
}

/**
 * Registered last. Unknown errors are logged and become a generic 500: no message, stack or path leaks. Storage
 * faults become a 503 with Retry-After, as on the ingest path.
 */
export function problemMiddleware(log: (message: string, error: unknown) => void): ErrorRequestHandler {
  return (error, req, res, next) => {
    if (res.headersSent) return next(error);
    if (error instanceof Problem) return sendProblem(res, error);
    const refused = clientError(error);
    if (refused) return sendProblem(res, refused);
    const fault = storageFault(error, 'Nothing was changed; please try again in a little while.');
    // Logged either way: a full disk or a read-only file is for the operator to fix, even though the client gets a 503.
    log(`${req.method} ${req.path} failed${fault ? ' (storage fault, answered 503)' : ''}`, error);
    if (fault) return sendProblem(res, fault);
    sendProblem(
      res,
      new Problem('internal', 'The error was logged. Please try again; if it persists, tell the organisers.'),
    );
  };
}
