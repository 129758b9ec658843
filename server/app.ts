// createApp wires the routes together; it opens nothing itself, so tests can hand it any store and catalog.
import compression from 'compression';
import express from 'express';
import type { AppDeps } from './http/deps';
import { notFound, problemMiddleware } from './http/problem';
import { briefingsRouter } from './http/routes/briefings';
import { pagesRouter } from './http/routes/pages';
import { responsesRouter } from './http/routes/responses';
import { surveysRouter } from './http/routes/surveys';
import { securityHeaders } from './http/security-headers';

export function createApp(deps: AppDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  // Query strings are parsed flat: ?a[b]=1 stays a plain string, not a nested object.
  app.set('query parser', 'simple');
  app.use(securityHeaders);
  // The survey engine is ~1.6 MB of JavaScript; gzip brings it to ~0.4 MB over a hall's weak mobile data.
  app.use(compression());
  app.use(surveysRouter(deps));
  app.use(briefingsRouter(deps));
  app.use(responsesRouter(deps));
  app.use(pagesRouter(deps));
  app.use(notFound);
  app.use(problemMiddleware(deps.log));
  return app;
}
