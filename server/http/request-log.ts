// One log line per request, written when its response ends: method, route pattern, status, duration and request
// id. Never the URL's query, the body, headers or cookies: they may carry answers, names or a session.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { Logger } from '../log';
import { INGEST_ROUTE, matchIngest } from './ingest';

/** A caller's own id (a proxy's X-Request-Id) is kept when it is short and plain; otherwise one is made. */
const GIVEN_ID = /^[\w.:-]{1,64}$/;

/**
 * The pattern of the route that answered (`/api/surveys/:id/export.csv`), never the path itself; null for what no
 * route matched (static files, 404s).
 */
function routeOf(req: IncomingMessage): string | null {
  if (matchIngest(req) !== undefined) return INGEST_ROUTE;
  // Express sets req.route on the request object it was handed; every router is mounted at the root.
  const path = (req as IncomingMessage & { route?: { path?: unknown } }).route?.path;
  if (typeof path === 'string') return path;
  if (Array.isArray(path)) return path.join('|');
  return null;
}

export function withRequestLog(listener: RequestListener, logger: Logger): RequestListener {
  return (req: IncomingMessage, res: ServerResponse) => {
    const started = performance.now();
    const given = req.headers['x-request-id'];
    const id = typeof given === 'string' && GIVEN_ID.test(given) ? given : randomUUID();
    res.setHeader('X-Request-Id', id);
    // 'close' comes once per response, after 'finish' when it was sent in full, or alone when the client left.
    res.once('close', () => {
      logger.info(
        {
          req: id,
          method: req.method,
          route: routeOf(req),
          status: res.statusCode,
          ms: Math.round((performance.now() - started) * 10) / 10,
          ...(res.writableFinished ? {} : { aborted: true }),
        },
        'request',
      );
    });
    listener(req, res);
  };
}
