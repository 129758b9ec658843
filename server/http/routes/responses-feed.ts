// GET /api/surveys/:id/responses.jsonl: one JSON object per line, the reader's regions only, in submission order,
// for incremental pulls (`since=` the last line's submittedAt, `after=` its id) by scripts with an API token or a
// session. Rejected responses are left out unless `review=all`; contact details never come this way.
import { Router } from 'express';
import { z } from 'zod';
import { audit } from '../audit';
import { currentUser, readableRegions, requireUser } from '../auth';
import type { AppDeps } from '../deps';
import { fieldErrors } from '../../domain/field-errors';
import { Problem } from '../../domain/problem';
import { parseExportQuery } from '../../../exports/request';

/** A page is read whole before it is sent (on the writer's connection nothing may stay open between turns). */
export const MAX_FEED_LIMIT = 10_000;

const feedQuery = z.strictObject({
  since: z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time with offset' }).optional(),
  after: z.uuid({ message: 'must be a response id (uuid), with since' }).optional(),
  limit: z
    .string()
    .regex(/^[1-9]\d{0,4}$/, { message: `must be a number from 1 to ${MAX_FEED_LIMIT}` })
    .transform(Number)
    .refine((n) => n <= MAX_FEED_LIMIT, { message: `must be a number from 1 to ${MAX_FEED_LIMIT}` })
    .optional(),
  region: z.string().optional(),
  review: z.enum(['default', 'all'], { message: 'must be default or all' }).optional(),
});

export function responsesFeedRouter(deps: AppDeps): Router {
  const router = Router();

  router.get('/api/surveys/:id/responses.jsonl', requireUser('admin', 'analyst'), async (req, res) => {
    const id = String(req.params.id);
    if (!deps.catalog.getSurvey(id)) throw new Problem('survey-not-found', `There is no survey "${id}".`);
    const parsed = feedQuery.safeParse(req.query);
    if (!parsed.success) {
      const errors = fieldErrors(parsed.error, {
        root: 'query',
        path: 'first',
        unknownKey: { message: 'is not a parameter of responses.jsonl', each: true },
      });
      throw new Problem(
        'invalid-request',
        `Check ${[...new Set(errors.map((e) => e.question))].join(', ')}.`,
        errors,
      );
    }
    const q = parsed.data;
    if (q.after !== undefined && q.since === undefined)
      throw new Problem('invalid-request', 'after goes with since.', [
        { question: 'after', message: 'must come with since (the same line’s submittedAt)' },
      ]);
    const regionQuery = parseExportQuery({ region: q.region });
    if (!regionQuery.ok) throw new Problem('invalid-request', 'Check region.', regionQuery.errors);
    const regions = readableRegions(currentUser(res), regionQuery.value.regions);
    const limit = q.limit ?? 1000;
    // Stored times are UTC with milliseconds: the bound is written the same way, so text order is time order.
    const since = q.since === undefined ? undefined : new Date(q.since).toISOString();
    const lines = await deps.store.pageResponses({
      surveyId: id,
      regions,
      ...(since !== undefined && { since }),
      ...(q.after !== undefined && { after: q.after }),
      limit,
      ...(q.review === 'all' && { review: 'all' }),
    });
    await audit(deps, req, res, 'export', {
      survey: id,
      file: 'responses.jsonl',
      regions,
      since: since ?? null,
      lines: lines.length,
      ...(q.review === 'all' && { review: 'all' }),
    });
    const last = lines.at(-1);
    if (last && lines.length === limit) {
      const next = new URLSearchParams({
        ...(q.region !== undefined && { region: q.region }),
        ...(q.review !== undefined && { review: q.review }),
        since: last.submittedAt,
        after: last.id,
        limit: String(limit),
      });
      res.set('Link', `</api/surveys/${encodeURIComponent(id)}/responses.jsonl?${next}>; rel="next"`);
    }
    res.set('Cache-Control', 'private, no-store');
    res.type('application/jsonl; charset=utf-8');
    res.send(lines.map((line) => `${JSON.stringify(line)}\n`).join(''));
  });

  return router;
}
