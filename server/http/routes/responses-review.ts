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
  type ResponseListBody,
  type ReviewBody,
} from '../contract/reviews';
import { clientAddress } from '../client-address';
import { canExportPersonalData, canReadRegion, currentUser, readableRegions, requireUser } from '../auth';
import type { AppDeps } from '../deps';
import { readJsonBody } from '../json-body';
import { Problem } from '../../domain/problem';
import { REVIEW_STATUSES, type AuditAction, type NewAuditEntry, type ReviewOutcome } from '../../store';
import { pagingParameters, parseParameters } from './aggregate-query';
import { parseExportQuery } from '../../../exports/request';

const listParameters = {
  ...pagingParameters,
  region: z.string().optional(),
  review: z
    .enum([...REVIEW_STATUSES, 'unreviewed', 'any'], {
      message: 'must be approved, on_hold, rejected, unreviewed or any',
    })
    .optional(),
};

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

  router.get('/api/surveys/:id/responses', reviewers, (req, res) => {
    const id = String(req.params.id);
    if (!deps.catalog.getSurvey(id)) throw new Problem('survey-not-found', `There is no survey "${id}".`);
    const params = parseParameters(listParameters, req.query);
    const parsed = parseExportQuery({ region: params.region });
    if (!parsed.ok) throw new Problem('invalid-request', 'Check region.', parsed.errors);
    const regions = readableRegions(currentUser(res), parsed.value.regions);
    const page = params.page ?? 1;
    const pageSize = params.pageSize ?? 50;
    const review = params.review === 'any' ? undefined : params.review;
    const { items, hasMore } = store.listResponses({
      surveyId: id,
      regions,
      ...(review !== undefined && { review }),
      offset: (page - 1) * pageSize,
      limit: pageSize,
    });
    noStore(res).json({ items, page, pageSize, hasMore } satisfies ResponseListBody);
  });

  router.get('/api/responses/:id', reviewers, (req, res) => {
    const id = responseId(req.params.id);
    const user = currentUser(res);
    const response = store.getResponse(id);
    // Another region's response is as unknown as a missing one: its existence is not the reader's to learn.
    if (!response || !canReadRegion(user, response.region))
      throw new Problem('response-not-found', `There is no response ${id} in your regions.`);
    const review = store.getReview(id);
    const erasure = store.getContactErasure(id);
    noStore(res).json({
      ...response,
      review,
      contacts: canExportPersonalData(user)
        ? { kept: store.hasContacts(id), erasedAt: erasure?.erasedAt ?? null }
        : null,
    } satisfies ResponseDetailBody);
  });

  /** Reviews `ids` (all or none) and answers with what each now is. */
  function review(
    req: Parameters<typeof clientAddress>[0],
    res: Response,
    ids: string[],
    body: {
      status: ReviewBody['status'];
      note?: string | null | undefined;
    },
  ): ReviewBody[] {
    const user = currentUser(res);
    const at = clock().toISOString();
    const result = store.reviewResponses(
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
    const [one] = review(req, res, [id], body);
    noStore(res).json(one satisfies ReviewBody | undefined);
  });

  router.patch('/api/responses', reviewers, async (req, res) => {
    const body = parseBody(bulkReviewBody, await readJsonBody(req, config.bodyLimitBytes), 'review');
    noStore(res).json(review(req, res, [...new Set(body.ids)], body));
  });

  router.delete('/api/responses/:id/contacts', requireUser('admin'), (req, res) => {
    const id = responseId(req.params.id);
    const user = currentUser(res);
    const done = store.eraseContacts(id, clock().toISOString(), user.email, (erased) =>
      entry(req, res, 'contacts-erased')({ response: id, erased }),
    );
    if (!done) throw new Problem('response-not-found', `There is no response ${id}.`);
    noStore(res).json({ id, erased: done.erased, erasedAt: done.erasure.erasedAt });
  });

  return router;
}
