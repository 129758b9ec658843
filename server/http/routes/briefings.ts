// Public briefing lookup: what /b/<slug> needs to prefill the region and tag the response.
import { Router } from 'express';
import type { BriefingBody } from '../contract';
import type { AppDeps } from '../deps';
import { Problem } from '../problem';

export function briefingsRouter({ store }: AppDeps): Router {
  const router = Router();
  router.get('/api/briefings/:slug', (req, res) => {
    const b = store.getBriefing(req.params.slug);
    if (!b) throw new Problem('briefing-not-found', `There is no briefing "${req.params.slug}".`);
    const body: BriefingBody = { slug: b.slug, survey: b.surveyId, region: b.region, city: b.city, date: b.date, title: b.title };
    res.json(body);
  });
  return router;
}
