// Single responses for reviewers: the responses table (one page, within the reader's regions), one response in
// full, its review status (one or a set; PATCH, admins anywhere, analysts within their regions), and the erasure
// of its contact details (admins). Every change is audit-logged in the transaction that makes it (store).
import { Router, type Response } from 'express';
import { z } from 'zod';
import { parseBody } from '../contract/accounts';
import {
  bulkReviewBody,
  reviewBody,
  type ResponseDetailBody,
  type ResponseIdsBody,
  type ResponseListBody,
  type ReviewBody,
} from '../contract/reviews';
import { clientAddress } from '../client-address';
import { canExportPersonalData, canReadRegion, currentUser, readableRegions, requireUser } from '../auth';
import type { AppDeps } from '../deps';
import { readJsonBody } from '../json-body';
import { Problem } from '../../domain/problem';
import {
  MAX_RESPONSE_IDS,
  RESPONSE_FLAG_FILTERS,
  REVIEW_STATUSES,
  type ResponseSetQuery,
  type AuditAction,
  type NewAuditEntry,
  type ReviewOutcome,
} from '../../store';
import { pagingParameters, parseParameters } from './aggregate-query';
import { parseExportQuery } from '../../../exports/request';
import { FAST_FRACTION } from '../../../exports/quality-columns';

const setParameters = {
  region: z.string().optional(),
  briefing: z.string().optional(),
  from: z.string().optional(),
  to: z.string().optional(),
  flag: z
    .enum(RESPONSE_FLAG_FILTERS, { message: 'must be any, none, fast, straightlining or duplicate' })
    .optional(),
  review: z
    .enum([...REVIEW_STATUSES, 'unreviewed', 'any'], {
      message: 'must be approved, on_hold, rejected, unreviewed or any',
    })
    .optional(),
};
const listParameters = { ...pagingParameters, ...setParameters };

const responseId = (raw: unknown): string => {
  const id = String(raw);
  if (!z.uuid().safeParse(id).success)
    throw new Problem('invalid-request', 'A response id is a uuid.', [
      { question: 'id', message: 'must be a response id (uuid)' },
    ]);
  return id;
};

export function responsesReviewRouter(deps: AppDeps): Router {
  const { store, clock, config } = deps;
  const router = Router();
  const reviewers = requireUser('admin', 'analyst');
  const noStore = (res: Response) => res.set('Cache-Control', 'private, no-store');
  const entry =
    (req: Parameters<typeof clientAddress>[0], res: Response, action: AuditAction) =>
    (details: Record<string, unknown>): NewAuditEntry => ({
      at: clock().toISOString(),
      actor: currentUser(res).email,
      action,
      address: clientAddress(req, config.trustProxy),
      details,
    });

  /** The table's filters, checked (400 naming the parameter) and within the reader's regions. */
  function setQuery(surveyId: string, params: z.infer<z.ZodObject<typeof setParameters>>, res: Response) {
    if (!deps.catalog.getSurvey(surveyId))
      throw new Problem('survey-not-found', `There is no survey "${surveyId}".`);
    const { region, briefing, from, to } = params;
    // Region, briefing and dates are read as the export reads them (a date alone is that whole day in Kazakhstan).
    const parsed = parseExportQuery({ region, briefing, from, to });
    if (!parsed.ok) throw new Problem('invalid-request', 'Check the filters.', parsed.errors);
    const q = parsed.value;
    const review = params.review === 'any' ? undefined : params.review;
    return {
      surveyId,
      regions: readableRegions(currentUser(res), q.regions),
      ...(review !== undefined && { review }),
      ...(q.briefing !== undefined && { briefing: q.briefing }),
      ...(q.from !== undefined && { from: q.from }),
      ...(q.to !== undefined && { to: q.to }),
      ...(params.flag !== undefined && { flag: params.flag, fastFraction: FAST_FRACTION }),
    } satisfies ResponseSetQuery;
  }

  router.get('/api/surveys/:id/responses', reviewers, async (req, res) => {
    const params = parseParameters(listParameters, req.query);
    const query = setQuery(String(req.params.id), params, res);
    const page = params.page ?? 1;
    const pageSize = params.pageSize ?? 50;
    const { items, hasMore } = await store.listResponses({
      ...query,
      offset: (page - 1) * pageSize,
      limit: pageSize,
    });
    const total = await store.countResponses(query);
    noStore(res).json({ items, page, pageSize, hasMore, total } satisfies ResponseListBody);
  });

  // Every id the filters match (at most MAX_RESPONSE_IDS, newest first): the table's "all N matching" selection.
  router.get('/api/surveys/:id/response-ids', reviewers, async (req, res) => {
    const query = setQuery(String(req.params.id), parseParameters(setParameters, req.query), res);
    const ids = await store.listResponseIds(query, MAX_RESPONSE_IDS);
    noStore(res).json({ ids, total: await store.countResponses(query) } satisfies ResponseIdsBody);
  });

  router.get('/api/responses/:id', reviewers, async (req, res) => {
    const id = responseId(req.params.id);
    const user = currentUser(res);
    const response = await store.getResponse(id);
    // Another region's response is as unknown as a missing one: its existence is not the reader's to learn.
    if (!response || !canReadRegion(user, response.region))
      throw new Problem('response-not-found', `There is no response ${id} in your regions.`);
    const review = await store.getReview(id);
    const erasure = await store.getContactErasure(id);
    noStore(res).json({
      ...response,
      review,
      contacts: canExportPersonalData(user)
        ? { kept: await store.hasContacts(id), erasedAt: erasure?.erasedAt ?? null }
        : null,
    } satisfies ResponseDetailBody);
  });

  /** Reviews `ids` (all or none) and answers with what each now is. */
  async function review(
    req: Parameters<typeof clientAddress>[0],
    res: Response,
    ids: string[],
    body: {
      status: ReviewBody['status'];
      note?: string | null | undefined;
    },
  ): Promise<ReviewBody[]> {
    const user = currentUser(res);
    const at = clock().toISOString();
    const result = await store.reviewResponses(
      ids,
      { status: body.status, note: body.note ?? null, at, by: user.email },
      (region) => canReadRegion(user, region),
      (outcomes: ReviewOutcome[]) =>
        entry(
          req,
          res,
          'response-reviewed',
        )({
          status: body.status,
          note: body.note ?? null,
          responses: outcomes.map((o) => ({ id: o.id, region: o.region, before: o.before?.status ?? null })),
        }),
    );
    if ('refused' in result)
      throw new Problem(
        'response-not-found',
        `There is no response ${result.refused} in your regions; nothing was changed.`,
        [
          {
            question: ids.length === 1 ? 'id' : 'ids',
            message: `${result.refused}: no such response in your regions`,
          },
        ],
      );
    return result.outcomes.map((o) => ({ id: o.id, ...o.after }));
  }

  router.patch('/api/responses/:id', reviewers, async (req, res) => {
    const id = responseId(req.params.id);
    const body = parseBody(reviewBody, await readJsonBody(req, config.bodyLimitBytes), 'review');
    const [one] = await review(req, res, [id], body);
    noStore(res).json(one satisfies ReviewBody | undefined);
  });

  router.patch('/api/responses', reviewers, async (req, res) => {
    const body = parseBody(bulkReviewBody, await readJsonBody(req, config.bodyLimitBytes), 'review');
    noStore(res).json(await review(req, res, [...new Set(body.ids)], body));
  });

  router.delete('/api/responses/:id/contacts', requireUser('admin'), async (req, res) => {
    const id = responseId(req.params.id);
    const user = currentUser(res);
    const done = await store.eraseContacts(id, clock().toISOString(), user.email, (erased) =>
      entry(req, res, 'contacts-erased')({ response: id, erased }),
    );
    if (!done) throw new Problem('response-not-found', `There is no response ${id}.`);
    noStore(res).json({ id, erased: done.erased, erasedAt: done.erasure.erasedAt });
  });

  return router;
}
