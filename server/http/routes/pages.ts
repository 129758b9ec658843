// The browser pages: the respondent entry for /, /s/<id> and /b/<slug> (and its service worker, /sw.js);
// the workspace for /workspace.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { Router, type Response } from 'express';
import type { AppDeps } from '../deps';
import { precompressedStatic } from '../precompressed';
import { Problem } from '../../domain/problem';

export function pagesRouter({ config }: AppDeps): Router {
  const router = Router();
  const respondPage = join(config.clientDir, 'respond', 'index.html');
  const workspacePage = join(config.clientDir, 'workspace', 'index.html');

  const sendPage = (res: Response, file: string) => {
    if (!existsSync(file))
      throw new Problem(
        'not-found',
        'The browser pages are not built yet: run `npm run build` (npm start does it).',
      );
    // HTML always revalidated so a new deployment is picked up; hashed assets below are cached for long.
    res.set('Cache-Control', 'no-cache').sendFile(file);
  };

  router.get(['/', '/s/:id', '/b/:slug'], (_req, res) => sendPage(res, respondPage));
  // The live briefing screen is a signed-in page: the workspace entry serves it (app.tsx shows it without the shell).
  router.get(['/workspace', '/workspace/*rest', '/b/:slug/live'], (_req, res) =>
    sendPage(res, workspacePage),
  );
  // The respondent page's service worker, at the root so that its scope covers /, /s/… and /b/…. Never cached
  // by HTTP: a new build must reach phones on their next visit (the worker itself versions its caches).
  router.get('/sw.js', (_req, res) => sendPage(res, join(config.clientDir, 'sw.js')));
  // Hashed names: a changed file is a new name, so each may be kept for a year. The build's Brotli and gzip copies
  // go first, with the same caching; the compression middleware sees their Content-Encoding and leaves them be.
  const assets = join(config.clientDir, 'assets');
  const hashed = { immutable: true, maxAge: '365d' };
  router.use(
    '/assets',
    precompressedStatic(assets, hashed),
    express.static(assets, { ...hashed, fallthrough: true }),
  );
  router.use(express.static(config.clientDir, { index: false, maxAge: '1h' }));
  return router;
}
