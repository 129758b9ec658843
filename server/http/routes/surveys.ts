// Public survey definitions: the list, the newest open version, and any published version.
import { Router } from 'express';
import type { SurveyVersion } from '../../catalog/load';
import type { SurveySummary, SurveyVersionBody } from '../contract/responses';
import type { AppDeps } from '../deps';
import { Problem } from '../../domain/problem';

function versionBody(v: SurveyVersion): SurveyVersionBody {
  return { id: v.surveyId, version: v.version, definition: v.definition };
}

export function surveysRouter({ catalog, store, updates }: AppDeps): Router {
  const router = Router();

  router.get('/api/surveys', async (_req, res) => {
    const list: SurveySummary[] = await Promise.all(
      catalog.surveys.map(async (s) => ({
        id: s.id,
        version: s.newest.version,
        title: s.newest.title,
        closed: await store.isSurveyClosed(s.id),
      })),
    );
    res.json(list);
  });

  router.get('/api/surveys/:id', async (req, res) => {
    const survey = catalog.getSurvey(req.params.id);
    if (!survey) throw new Problem('survey-not-found', `There is no survey "${req.params.id}".`);
    if (await store.isSurveyClosed(survey.id))
      throw new Problem('survey-closed', `The survey "${survey.id}" no longer accepts answers.`);
    res.json(versionBody(survey.newest));
  });

  router.get('/api/surveys/:id/versions/:n', async (req, res) => {
    if (!catalog.getSurvey(req.params.id))
      throw new Problem('survey-not-found', `There is no survey "${req.params.id}".`);
    const wanted = /^[1-9]\d{0,5}$/.test(req.params.n) ? Number(req.params.n) : undefined;
    // Published by another server a moment ago? Look before answering 404.
    if (wanted !== undefined && updates && !catalog.getVersion(req.params.id, wanted))
      await updates.refresh();
    const survey = catalog.getSurvey(req.params.id)!;
    const version = wanted === undefined ? undefined : catalog.getVersion(survey.id, wanted);
    if (!version)
      throw new Problem('version-not-found', `Survey "${survey.id}" has no version "${req.params.n}".`);
    res.json(versionBody(version));
  });

  return router;
}
