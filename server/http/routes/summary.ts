// Aggregates for the dashboard: every question (summary), one question by region or by another question
// (crosstab), and responses per region and briefing (coverage). Signed-in readers, within their regions only.
import { Router } from 'express';
import {
  answerGroups,
  canGroupBy,
  coverageBody,
  questionAggregate,
  regionGroups,
  responsesOf,
  summaryBody,
} from '../../../exports/aggregates/summary';
import { inContext, publishedValue } from '../../../exports/aggregates/disclosure';
import type { CrosstabBody } from '../../../exports/aggregates/types';
import { requireUser } from '../auth';
import type { AppDeps } from '../deps';
import { Problem } from '../../domain/problem';
import { aggregatableQuestion, parseAggregateQuery, parseParameters, questionName } from './aggregate-query';

const crosstabParameters = { question: questionName, by: questionName };

export function summaryRouter(deps: AppDeps): Router {
  const router = Router();

  router.get('/api/surveys/:id/summary', requireUser(), (req, res) => {
    const q = parseAggregateQuery(deps, req, res);
    const [all] = deps.store.tallyAnswers(q.filter, { by: 'all' });
    res.json(summaryBody(q.ctx, q.survey.id, q.applied, all?.versions ?? [], q.disclosure));
  });

  router.get('/api/surveys/:id/crosstab', requireUser(), async (req, res) => {
    const q = parseAggregateQuery(deps, req, res);
    const params = parseParameters(crosstabParameters, req.query);
    const info = aggregatableQuestion(q, params.question, 'question');
    const [all] = deps.store.tallyAnswers(q.filter, { by: 'all' }, [info.name]);
    const total = all?.versions ?? [];
    // Groups' shares are of the published total, never of the true one.
    // Every cell's noise depends on the filter's respondents too (disclosure.ts).
    const d = inContext(q.disclosure, responsesOf(total));
    const responses = publishedValue(d, responsesOf(total));
    let body: Pick<CrosstabBody, 'by' | 'groups'>;
    if (params.by === 'region') {
      const groups = deps.store.tallyAnswers(q.filter, { by: 'region' }, [info.name]);
      body = {
        by: { kind: 'region' },
        groups: regionGroups(q.ctx, info, q.regions, groups, responses, d),
      };
    } else {
      const by = aggregatableQuestion(q, params.by, 'by');
      if (!canGroupBy(by))
        throw new Problem(
          'invalid-request',
          `"${by.name}" is a ${by.type} question: split by region or by a question with choices.`,
          [
            {
              question: 'by',
              message: 'must be "region" or a single- or multiple-choice, rating or yes/no question',
            },
          ],
        );
      // One question by another cannot come from per-question counts: this reads each response's byte record.
      const groups = await deps.store.tallyAnswersByAnswer(q.filter, by.name, [info.name]);
      body = {
        by: { kind: 'question', name: by.name, title: by.title, shape: by.shape },
        groups: answerGroups(q.ctx, info, by, groups, responses, d),
      };
    }
    res.json({
      survey: q.survey.id,
      filters: q.applied,
      smallCellThreshold: q.disclosure.k,
      ...(!q.disclosure.exact && { perturbed: true as const }),
      question: info.name,
      ...body,
      total: questionAggregate(q.ctx, info, total, d),
    } satisfies CrosstabBody);
  });

  router.get('/api/surveys/:id/coverage', requireUser(), (req, res) => {
    const q = parseAggregateQuery(deps, req, res);
    const readable = new Set(q.regions);
    const by = (dimension: 'region' | 'briefing' | 'version' | 'day') =>
      deps.store.countResponsesBy(q.filter, dimension);
    const briefings = deps.store
      .listBriefings()
      .filter((b) => b.surveyId === q.survey.id && readable.has(b.region))
      .filter((b) => q.applied.briefing === null || b.slug === q.applied.briefing)
      .sort((a, b) => a.date.localeCompare(b.date) || a.slug.localeCompare(b.slug));
    res.json(
      coverageBody({
        survey: q.survey.id,
        filters: q.applied,
        regions: q.regions,
        briefings,
        byRegion: by('region'),
        byBriefing: by('briefing'),
        byVersion: by('version'),
        byDay: by('day'),
        disclosure: q.disclosure,
      }),
    );
  });

  return router;
}
