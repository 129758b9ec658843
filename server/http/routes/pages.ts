// The browser pages: the respondent entry for /, /s/<id> and /b/<slug>; the workspace for /workspace.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { Router, type Response } from 'express';
import type { AppDeps } from '../deps';
import { Problem } from '../problem';

export function pagesRouter({ config }: AppDeps): Router {
  const router = Router();
  const respondPage = join(config.clientDir, 'respond', 'index.html');
  const workspacePage = join(config.clientDir, 'workspace', 'index.html');

  const sendPage = (res: Response, file: string) => {
    if (!existsSync(file))
      throw new Problem('not-found', 'The browser pages are not built yet: run `npm run build` (npm start does it).');
    // HTML always revalidated so a new deployment is picked up; hashed assets below are cached for long.
    res.set('Cache-Control', 'no-cache').sendFile(file);
  };

  router.get(['/', '/s/:id', '/b/:slug'], (_req, res) => sendPage(res, respondPage));
  router.get(['/workspace', '/workspace/*rest'], (_req, res) => sendPage(res, workspacePage));
  router.use(
    '/assets',
    express.static(join(config.clientDir, 'assets'), { immutable: true, maxAge: '365d', fallthrough: true }),
  );
  router.use(express.static(config.clientDir, { index: false, maxAge: '1h' }));
  return router;
}
