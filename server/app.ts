// createApp wires the routes together and returns a node request listener; it opens nothing itself, so tests can
// hand it any store and catalog. Responses go to the ingest fast path; everything else to Express.
import type { RequestListener } from 'node:http';
import compression from 'compression';
import express from 'express';
import type { AppDeps } from './http/deps';
import { sessionMiddleware } from './http/auth';
import { createIngestHandler, matchIngest } from './http/ingest';
import { notFound, problemMiddleware } from './http/problem-reply';
import { briefingsRouter } from './http/routes/briefings';
import { demoDataRouter } from './http/routes/demo-data';
import { surveyPublishRouter } from './http/routes/survey-publish';
import { surveyVersionsRouter } from './http/routes/survey-versions';
import { catalogRefusedRouter } from './http/routes/catalog-refused';
import { codebooksRouter } from './http/routes/codebooks';
import { codingRouter } from './http/routes/coding';
import { codingResultsRouter } from './http/routes/coding-results';
import { exportsRouter } from './http/routes/exports';
import { healthRouter } from './http/routes/health';
import { importsRouter } from './http/routes/imports';
import { pagesRouter } from './http/routes/pages';
import { responsesReviewRouter } from './http/routes/responses-review';
import { responsesFeedRouter } from './http/routes/responses-feed';
import { tokensRouter } from './http/routes/tokens';
import { bearerMiddleware } from './http/bearer';
import { sessionRouter } from './http/routes/session';
import { summaryRouter } from './http/routes/summary';
import { surveysRouter } from './http/routes/surveys';
import { textRouter } from './http/routes/text';
import { usersRouter } from './http/routes/users';
import { securityHeaders } from './http/security-headers';
import { trustProxyHops } from './http/client-address';

function createExpressApp(deps: AppDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  // ETags only pay off for static files, which serve-static tags itself; for JSON replies they are wasted hashing.
  app.set('etag', false);
  // Query strings are parsed flat: ?a[b]=1 stays a plain string, not a nested object.
  app.set('query parser', 'simple');
  // req.protocol and req.secure believe X-Forwarded-Proto only from the TRUST_PROXY proxies; addresses go through
  // client-address.ts, which walks X-Forwarded-For by the same rule.
  app.set('trust proxy', trustProxyHops(deps.config.trustProxy));
  app.use(securityHeaders(deps.config));
  // Probes first: no compression, no session lookup for a load balancer asking every few seconds.
  app.use(healthRouter(deps));
  // Pages, API replies and files without a build copy, compressed on the fly. The hashed files (the survey engine is
  // ~1.6 MB of JavaScript) go out as the build's Brotli/gzip copies (routes/pages.ts), already encoded: left alone.
  app.use(compression());
  // Before every router: refuses cross-site unsafe requests that carry the cookie, and loads the signed-in user.
  app.use(sessionMiddleware(deps));
  // After the session: a bearer token replaces whatever the cookie said, for the read-only routes it may use.
  app.use(bearerMiddleware(deps));
  app.use(surveysRouter(deps));
  app.use(catalogRefusedRouter(deps));
  app.use(briefingsRouter(deps));
  app.use(exportsRouter(deps));
  app.use(sessionRouter(deps));
  app.use(usersRouter(deps));
  app.use(demoDataRouter(deps));
  app.use(surveyVersionsRouter(deps));
  app.use(surveyPublishRouter(deps));
  app.use(importsRouter(deps));
  app.use(summaryRouter(deps));
  app.use(textRouter(deps));
  app.use(codebooksRouter(deps));
  app.use(codingRouter(deps));
  app.use(codingResultsRouter(deps));
  app.use(responsesReviewRouter(deps));
  app.use(responsesFeedRouter(deps));
  app.use(tokensRouter(deps));
  app.use(pagesRouter(deps));
  app.use(notFound);
  app.use(problemMiddleware(deps.log));
  return app;
}

export function createApp(deps: AppDeps): RequestListener {
  const app = createExpressApp(deps);
  const ingest = createIngestHandler(deps);
  return (req, res) => {
    const surveyId = matchIngest(req);
    if (surveyId === undefined) app(req, res);
    else ingest(surveyId, req, res);
  };
}
