// The survey files left out at start-up, for admins: one bad file no longer stops the server, so the workspace
// must say which file was refused and why, or nobody would notice that a survey is missing.
import { Router } from 'express';
import { requireUser } from '../auth';
import type { RefusedSurveyFile } from '../contract/responses';
import type { AppDeps } from '../deps';

export function catalogRefusedRouter({ catalog }: AppDeps): Router {
  const router = Router();
  router.get('/api/catalog/refused', requireUser('admin'), (_req, res) => {
    const list: RefusedSurveyFile[] = catalog.refused.map((r) => ({
      surveyId: r.surveyId,
      version: r.version ?? null,
      file: r.file,
      reasons: r.reasons,
    }));
    res.json(list);
  });
  return router;
}
