// POST /api/surveys/:id/responses: the respondent's answers, judged and durably stored exactly once.
import { Router } from 'express';
import { responseEnvelope, STARTED_AT_MAX_SKEW_MS, type ResponseReceipt } from '../contract';
import type { AppDeps } from '../deps';
import { jsonBody } from '../json-body';
import { judgeResponse } from '../judge-response';
import { Problem } from '../problem';
import { rateLimit } from '../rate-limit';

/** SQLite codes that mean "the disk or file cannot take writes now", as opposed to a bug. */
const STORAGE_FAULTS = /^SQLITE_(FULL|READONLY|IOERR|BUSY|LOCKED|CANTOPEN|NOMEM)/;

function storageProblem(error: unknown): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !STORAGE_FAULTS.test(code)) return error;
  return new Problem('storage-unavailable', 'Your answers were not stored; please send them again shortly.', undefined, {
    'Retry-After': '10',
  });
}

export function responsesRouter({ catalog, store, clock, config }: AppDeps): Router {
  const router = Router();
  router.post(
    '/api/surveys/:id/responses',
    rateLimit(config.responsesRateLimit),
    jsonBody(config.bodyLimitBytes),
    async (req, res) => {
      const surveyId = String(req.params.id);
      const parsed = responseEnvelope.safeParse(req.body);
      if (!parsed.success) {
        const errors = parsed.error.issues.map((i) => ({
          question: i.path.length > 0 ? i.path.join('.') : (i.code === 'unrecognized_keys' ? i.keys.join(', ') : '(body)'),
          message: i.message,
        }));
        throw new Problem('invalid-request', 'The response envelope is not as expected: see errors.', errors);
      }
      const envelope = parsed.data;
      const now = clock();
      if (envelope.startedAt && Date.parse(envelope.startedAt) > now.getTime() + STARTED_AT_MAX_SKEW_MS)
        throw new Problem('invalid-request', 'startedAt lies in the future.', [
          { question: 'startedAt', message: 'is more than 5 minutes ahead of the server clock' },
        ]);
      if (!catalog.getSurvey(surveyId)) throw new Problem('survey-not-found', `There is no survey "${surveyId}".`);

      const response = judgeResponse(surveyId, envelope, { catalog, store, now });
      const outcome = await store.submitResponse(response).catch((error: unknown) => {
        throw storageProblem(error);
      });
      if (outcome.status === 'conflict')
        throw new Problem('response-conflict', `Response ${response.id} was already stored with other answers; a new response needs a new id.`);
      const receipt: ResponseReceipt = {
        id: response.id,
        survey: response.surveyId,
        version: response.version,
        submittedAt: outcome.submittedAt,
        reference: response.id.slice(0, 8).toUpperCase(),
      };
      res.status(outcome.status === 'created' ? 201 : 200).json(receipt);
    },
  );
  return router;
}
