// Aggregates for the dashboard: every question (summary), one question by region or by another question
// (crosstab), and responses per region and briefing (coverage). Signed-in readers, within their regions only.
import { Router } from 'express';
import { coverageBody, crosstabBody, summaryBody } from '../../../exports/aggregates/summary';
import { requireUser } from '../auth';
import type { AppDeps } from '../deps';
import {
  aggregatableQuestion,
  groupingQuestion,
  parseAggregateQuery,
  parseParameters,
  questionName,
} from './aggregate-query';

const crosstabParameters = { question: questionName, by: questionName };

export function summaryRouter(deps: AppDeps): Router {
  const router = Router();

  router.get('/api/surveys/:id/summary', requireUser(), async (req, res) => {
    const q = await parseAggregateQuery(deps, req, res);
    const [all] = await deps.store.tallyAnswers(q.filter, { by: 'all' });
    res.json(summaryBody(q.ctx, q.survey.id, q.applied, all?.versions ?? [], q.disclosure));
  });

  router.get('/api/surveys/:id/crosstab', requireUser(), async (req, res) => {
    const q = await parseAggregateQuery(deps, req, res);
    const params = parseParameters(crosstabParameters, req.query);
    const info = aggregatableQuestion(q, params.question, 'question');
    const by = params.by === 'region' ? 'region' : groupingQuestion(q, params.by);
    const [all] = await deps.store.tallyAnswers(q.filter, { by: 'all' }, [info.name]);
    // One question by another cannot come from per-question counts: that reads each response's byte record.
    const groups =
      by === 'region'
        ? await deps.store.tallyAnswers(q.filter, { by: 'region' }, [info.name])
        : await deps.store.tallyAnswersByAnswer(q.filter, by.name, [info.name]);
    res.json(
      crosstabBody({
        ctx: q.ctx,
        survey: q.survey.id,
        filters: q.applied,
        regions: q.regions,
        question: info,
        by,
        total: all?.versions ?? [],
        groups,
        disclosure: q.disclosure,
      }),
    );
  });

  router.get('/api/surveys/:id/coverage', requireUser(), async (req, res) => {
    const q = await parseAggregateQuery(deps, req, res);
    const readable = new Set(q.regions);
    const by = (dimension: 'region' | 'briefing' | 'version' | 'day') =>
      deps.store.countResponsesBy(q.filter, dimension);
    const [byRegion, byBriefing, byVersion, byDay] = await Promise.all([
      by('region'),
      by('briefing'),
      by('version'),
      by('day'),
    ]);
    const briefings = (await deps.store.listBriefings())
      .filter((b) => b.surveyId === q.survey.id && readable.has(b.region))
      .filter((b) => q.applied.briefing === null || b.slug === q.applied.briefing)
      .sort((a, b) => a.date.localeCompare(b.date) || a.slug.localeCompare(b.slug));
    res.json(
      coverageBody({
        survey: q.survey.id,
        filters: q.applied,
        regions: q.regions,
        briefings,
        byRegion,
        byBriefing,
        byVersion,
        byDay,
        disclosure: q.disclosure,
      }),
    );
  });

  return router;
}
