// /api/demo-data: GET tells any signed-in reader whether demo answers are mixed in (the workspace shows a banner so
// nobody takes them for real ones); DELETE (admins) removes exactly what `npm run cli -- demo` wrote, as
// `demo --remove` does, and writes the counts to the audit log.
import { Router } from 'express';
import { audit } from '../audit';
import { requireUser } from '../auth';
import type { DemoDataBody, DemoRemovalBody } from '../contract/demo-data';
import type { AppDeps } from '../deps';

export function demoDataRouter(deps: AppDeps): Router {
  const { store } = deps;
  const router = Router();

  router.get('/api/demo-data', requireUser(), async (_req, res) => {
    res.set('Cache-Control', 'no-store').json((await store.countDemoData()) satisfies DemoDataBody);
  });

  router.delete('/api/demo-data', requireUser('admin'), async (req, res) => {
    const removed = await store.removeDemoData();
    await audit(deps, req, res, 'demo-removed', {
      responses: removed.responses,
      briefings: removed.briefings,
      surveys: removed.surveys,
      ...(removed.keptBriefings.length > 0 && { keptBriefings: removed.keptBriefings }),
    });
    res.set('Cache-Control', 'no-store').json(removed satisfies DemoRemovalBody);
  });

  return router;
}
