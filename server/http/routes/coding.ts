// Coding answers: the queue a coder works through (the filtered answers one after another, with rule suggestions),
// and the write that gives an answer its codes (or takes them back, for undo). Every write is audit-logged.
import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import type { AnswerToCode, CodingPass, GivenCode } from '../../store';
import { compileRules } from '../../domain/coding-rules';
import { parseBody } from '../contract/accounts';
import { audit } from '../audit';
import { canReadRegion, currentUser, requireUser } from '../auth';
import {
  answerCodesBody,
  type AnswerCodesReply,
  type CodingQueueBody,
  type QueuedAnswerBody,
} from '../contract/coding';
import type { AppDeps } from '../deps';
import { readJsonBody } from '../json-body';
import { Problem } from '../../domain/problem';
import { defaultSetOnly, parseAggregateQuery, pagingParameters, parseParameters } from './aggregate-query';
import { codableQuestion, codingBody, namesById, surveyOf, type CodableQuestion } from './coding-question';

/** Who codes answers: those who read them and write findings (an analyst within their regions). */
export const CODERS = ['admin', 'author', 'analyst'] as const;
const passParameter = z
  .enum(['1', '2'], { message: 'must be 1 (the coding that counts) or 2 (a second coder, blind)' })
  .transform((p) => Number(p) as CodingPass)
  .optional();

const queueParameters = {
  pass: passParameter,
  state: z.enum(['all', 'uncoded', 'sample'], { message: 'must be all, uncoded or sample' }).optional(),
  ...pagingParameters,
};

/** The response's answer to the question, readable by this user; 404 otherwise (another region's id says nothing). */
async function answerOf(
  deps: AppDeps,
  req: Request,
  res: Response,
): Promise<{ q: CodableQuestion; answer: AnswerToCode }> {
  const id = String(req.params.id).toLowerCase();
  const stored = await deps.store.getResponse(id);
  if (!stored || !canReadRegion(currentUser(res), stored.region))
    throw new Problem('response-not-found', `There is no response "${id}" that your account may read.`);
  const q = codableQuestion(surveyOf(deps, stored.surveyId), String(req.params.question));
  const answer = await deps.store.getAnswerToCode(id, q.key);
  if (!answer) throw new Problem('response-not-found', `There is no response "${id}".`);
  return { q, answer };
}

export function codingRouter(deps: AppDeps): Router {
  const { store, clock, config } = deps;
  const router = Router();

  router.get('/api/surveys/:id/coding/:question', requireUser(...CODERS), async (req, res) => {
    const filters = await parseAggregateQuery(deps, req, res);
    defaultSetOnly(filters);
    const params = parseParameters(queueParameters, req.query);
    const q = codableQuestion(filters.survey, String(req.params.question));
    const pass = params.pass ?? 1;
    const state = params.state ?? (pass === 2 ? 'sample' : 'all');
    const page = params.page ?? 1;
    const pageSize = params.pageSize ?? 50;
    const codes = await store.listCodes(q.survey.id, q.info.name);
    const names = namesById(codes);
    const matchers = codes
      .filter((c) => c.rules.length > 0)
      .map((c) => [c.code, compileRules(c.rules)] as const);
    const queue = await store.listCodingQueue({
      filter: filters.filter,
      question: q.info.name,
      key: q.key,
      pass,
      state,
      offset: (page - 1) * pageSize,
      limit: pageSize,
    });
    const answers = queue.answers.map((a): QueuedAnswerBody => {
      const coding = codingBody(a.coding, names);
      // The second coder works blind: no suggestions either, as they come from the first coder's codebook rules.
      const suggested =
        pass === 2
          ? []
          : matchers.filter(([code, m]) => !coding?.codes.includes(code) && m(a.text)).map(([c]) => c);
      return {
        response: a.responseId,
        version: a.version,
        region: a.region,
        briefing: a.briefing,
        locale: a.locale,
        submittedAt: a.submittedAt,
        text: a.text,
        coding,
        suggested,
      };
    });
    res.set('Cache-Control', 'no-store').json({
      survey: q.survey.id,
      question: q.info.name,
      pass,
      state,
      total: queue.total,
      coded: queue.coded,
      page,
      answers,
    } satisfies CodingQueueBody);
  });

  router.put('/api/responses/:id/codes/:question', requireUser(...CODERS), async (req, res) => {
    const body = parseBody(answerCodesBody, await readJsonBody(req, config.bodyLimitBytes), 'codes');
    const { q, answer } = await answerOf(deps, req, res);
    if (answer.text.trim() === '')
      throw new Problem('nothing-to-code', `Response ${answer.responseId} did not answer "${q.info.name}".`, [
        { question: q.info.name, message: 'was not answered: there is no text to code' },
      ]);
    const codebook = new Map((await store.listCodes(q.survey.id, q.info.name)).map((c) => [c.code, c]));
    const unknown = body.codes.filter((c) => !codebook.has(c));
    if (unknown.length > 0)
      throw new Problem(
        'unknown-codes',
        `The codebook of "${q.info.name}" has no code ${unknown.map((c) => `"${c}"`).join(', ')}.`,
        unknown.map((c) => ({ question: 'codes', message: `"${c}" is not a code of this question` })),
      );
    const passages = body.passages ?? {};
    const length = answer.text.length;
    const wrong = Object.entries(passages).flatMap(([code, p]) => {
      if (!body.codes.includes(code))
        return [{ question: `passages.${code}`, message: 'is not among the codes' }];
      if (p.start >= p.end || p.end > length)
        return [
          {
            question: `passages.${code}`,
            message: `must have 0 ≤ start < end ≤ ${length} (the text's length)`,
          },
        ];
      return [];
    });
    if (wrong.length > 0) throw new Problem('invalid-request', 'A passage does not fit the answer.', wrong);
    const given: GivenCode[] = [...new Set(body.codes)].map((c) => ({
      codeId: codebook.get(c)!.id,
      span: passages[c] ?? null,
    }));
    const pass = body.pass ?? 1;
    const coder = currentUser(res).email;
    const previous = await store.setAnswerCodes(
      answer,
      q.info.name,
      pass,
      given,
      coder,
      clock().toISOString(),
    );
    const names = namesById([...codebook.values()]);
    const reply: AnswerCodesReply = {
      response: answer.responseId,
      question: q.info.name,
      pass,
      coding: codingBody(await store.getAnswerCoding(answer, q.info.name, pass), names),
      previous: codingBody(previous, names),
    };
    await audit(deps, req, res, 'answer-coded', {
      survey: q.survey.id,
      question: q.info.name,
      response: answer.responseId,
      pass,
      codes: reply.coding?.codes ?? [],
      before: reply.previous?.codes ?? null,
    });
    res.json(reply);
  });

  // Undo of an answer's first coding: back to "not coded" (a PUT of the previous codes undoes any later one).
  router.delete('/api/responses/:id/codes/:question', requireUser(...CODERS), async (req, res) => {
    const { pass } = parseParameters({ pass: passParameter }, req.query);
    const { q, answer } = await answerOf(deps, req, res);
    const names = namesById(await store.listCodes(q.survey.id, q.info.name));
    const previous = await store.setAnswerCodes(
      answer,
      q.info.name,
      pass ?? 1,
      null,
      currentUser(res).email,
      clock().toISOString(),
    );
    await audit(deps, req, res, 'answer-coded', {
      survey: q.survey.id,
      question: q.info.name,
      response: answer.responseId,
      pass: pass ?? 1,
      codes: null,
      before: codingBody(previous, names)?.codes ?? null,
    });
    res.json({
      response: answer.responseId,
      question: q.info.name,
      pass: pass ?? 1,
      coding: null,
      previous: codingBody(previous, names),
    } satisfies AnswerCodesReply);
  });

  return router;
}
