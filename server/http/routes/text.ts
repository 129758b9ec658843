// The free-text browser: one question's texts (or the "other" texts of a choice question), newest first, searched,
// paginated, within the reader's regions. Contact-detail questions are never listed.
import { Router } from 'express';
import { z } from 'zod';
import type { TextBody } from '../../../exports/aggregates/types';
import { addKeys, inContext, publishedValue, type KeyedCount } from '../../../exports/aggregates/disclosure';
import { responsesOf } from '../../../exports/aggregates/summary';
import { requireUser } from '../auth';
import type { AppDeps } from '../deps';
import { Problem } from '../../domain/problem';
import {
  aggregatableQuestion,
  parseAggregateQuery,
  defaultSetOnly,
  pagingParameters,
  parseParameters,
} from './aggregate-query';

const textParameters = {
  q: z.string().max(200, { message: 'must be at most 200 characters' }).optional(),
  ...pagingParameters,
};

export function textRouter(deps: AppDeps): Router {
  const router = Router();

  router.get('/api/surveys/:id/text/:question', requireUser(), async (req, res) => {
    const q = await parseAggregateQuery(deps, req, res);
    defaultSetOnly(q);
    const params = parseParameters(textParameters, req.query);
    const info = aggregatableQuestion(q, String(req.params.question), 'question');
    // A text question's own answer, or the text kept beside a choice question ("other", or a comment area).
    const source = info.shape === 'text' ? 'answer' : info.text;
    if (source === undefined)
      throw new Problem(
        'not-found',
        `"${info.name}" is a ${info.type} question without free text; see its counts in the summary.`,
        [{ question: 'question', message: 'has no free text' }],
      );
    const search = params.q?.trim() || undefined;
    const page = params.page ?? 1;
    const pageSize = params.pageSize ?? 50;
    const { answers, hasMore } = await deps.store.listTextAnswers({
      filter: q.filter,
      key: source === 'answer' ? info.name : `${info.name}-Comment`,
      ...(search !== undefined && { search }),
      offset: (page - 1) * pageSize,
      limit: pageSize,
    });
    // Without a search the total comes from the counts (answered), which agree with the listing exactly.
    let total: number | null = null;
    if (search === undefined && source === 'answer') {
      const [all] = await deps.store.tallyAnswers(q.filter, { by: 'all' }, [info.name]);
      const answered = (all?.versions ?? []).reduce<KeyedCount>(
        (acc, t) => {
          const tally = t.questions.get(info.name);
          return tally
            ? { count: acc.count + tally.answered, key: addKeys(acc.key, tally.answeredKey) }
            : acc;
        },
        { count: 0, key: 0 },
      );
      // The same published number as the summary's "answered" for this question and filter.
      total = publishedValue(inContext(q.disclosure, responsesOf(all?.versions ?? [])), answered);
    }
    res.json({
      survey: q.survey.id,
      filters: q.applied,
      question: { name: info.name, title: info.title, source },
      q: search ?? null,
      page,
      pageSize,
      total,
      hasMore,
      answers,
    } satisfies TextBody);
  });

  return router;
}
