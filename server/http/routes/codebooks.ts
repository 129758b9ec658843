// Codebooks: the codes of a survey's free-text question. Anyone signed in reads them; authors and admins add,
// rename, re-label, re-parent and merge codes, and write their suggestion rules. Every change is audit-logged.
import { Router, type Request, type Response } from 'express';
import type { CodebookOutcome, CodeLabels } from '../../store';
import { parseBody } from '../contract/accounts';
import { audit } from '../audit';
import { currentUser, requireUser } from '../auth';
import {
  codePatchBody,
  mergeBody,
  newCodeBody,
  type CodableQuestionBody,
  type CodebookBody,
  type CodeBody,
} from '../contract/coding';
import type { AppDeps } from '../deps';
import { readJsonBody } from '../json-body';
import { Problem } from '../../domain/problem';
import {
  codableQuestion,
  codableQuestions,
  codeBody,
  surveyOf,
  type CodableQuestion,
} from './coding-question';

/** The codebook editors: DESIGN.md names authors and admins. */
export const CODEBOOK_EDITORS = ['author', 'admin'] as const;

async function questionBody(deps: AppDeps, q: CodableQuestion): Promise<CodableQuestionBody> {
  return {
    name: q.info.name,
    title: q.info.title,
    source: q.source,
    codes: (await deps.store.listCodes(q.survey.id, q.info.name)).length,
  };
}

/** A refused codebook change as its problem; the accepted code otherwise. */
function accepted(outcome: CodebookOutcome, what: { code: string; parent?: string | null }) {
  if (outcome.ok) return outcome.code;
  switch (outcome.refusal) {
    case 'code-exists':
      throw new Problem('code-exists', `This codebook already has a code "${what.code}".`, [
        { question: 'code', message: 'is already a code of this question' },
      ]);
    case 'code-not-found':
      throw new Problem('code-not-found', `This codebook has no code "${what.code}".`);
    case 'parent-not-found':
      throw new Problem('code-not-found', `This codebook has no code "${what.parent}" to be the parent.`, [
        { question: 'parent', message: 'is not a code of this question' },
      ]);
    case 'too-deep':
      throw new Problem(
        'codebook-too-deep',
        'Codes have two levels: a parent must be a top-level code, and a code with sub-codes stays top-level.',
        [{ question: 'parent', message: 'would make a third level' }],
      );
  }
}

export function codebooksRouter(deps: AppDeps): Router {
  const { store, clock, config } = deps;
  const router = Router();
  const target = (req: Request) => {
    const survey = surveyOf(deps, String(req.params.id));
    return codableQuestion(survey, String(req.params.question));
  };
  const reply = async (res: Response, q: CodableQuestion) =>
    res.set('Cache-Control', 'no-store').json({
      survey: q.survey.id,
      question: await questionBody(deps, q),
      codes: (await store.listCodes(q.survey.id, q.info.name)).map(codeBody),
    } satisfies CodebookBody);

  router.get('/api/surveys/:id/codebooks', requireUser(), async (req, res) => {
    const survey = surveyOf(deps, String(req.params.id));
    const questions = await Promise.all(codableQuestions(survey).map((q) => questionBody(deps, q)));
    res.set('Cache-Control', 'no-store').json(questions satisfies CodableQuestionBody[]);
  });

  router.get('/api/surveys/:id/codebooks/:question', requireUser(), async (req, res) => {
    await reply(res, target(req));
  });

  router.post(
    '/api/surveys/:id/codebooks/:question/codes',
    requireUser(...CODEBOOK_EDITORS),
    async (req, res) => {
      const q = target(req);
      const body = parseBody(newCodeBody, await readJsonBody(req, config.bodyLimitBytes), 'new code');
      const code = accepted(
        await store.addCode({
          surveyId: q.survey.id,
          question: q.info.name,
          code: body.code,
          labels: body.labels,
          description: body.description ?? '',
          parent: body.parent ?? null,
          rules: body.rules ?? [],
          at: clock().toISOString(),
        }),
        body,
      );
      await audit(deps, req, res, 'code-created', {
        survey: q.survey.id,
        question: q.info.name,
        ...codeBody(code),
      });
      res.status(201).json(codeBody(code) satisfies CodeBody);
    },
  );

  router.patch(
    '/api/surveys/:id/codebooks/:question/codes/:code',
    requireUser(...CODEBOOK_EDITORS),
    async (req, res) => {
      const q = target(req);
      const name = String(req.params.code);
      const body = parseBody(codePatchBody, await readJsonBody(req, config.bodyLimitBytes), 'change');
      const before = await store.getCode(q.survey.id, q.info.name, name);
      const { labels, ...rest } = body;
      const code = accepted(
        await store.updateCode(
          q.survey.id,
          q.info.name,
          name,
          {
            ...rest,
            ...(labels && {
              labels: Object.fromEntries(
                Object.entries(labels).filter(([, v]) => v !== undefined),
              ) as Partial<CodeLabels>,
            }),
          },
          clock().toISOString(),
        ),
        { code: before ? (body.code ?? name) : name, parent: body.parent ?? null },
      );
      await audit(deps, req, res, 'code-changed', {
        survey: q.survey.id,
        question: q.info.name,
        code: name,
        ...(body.code !== undefined && body.code !== name && { renamedTo: body.code }),
        changes: body,
      });
      res.json(codeBody(code) satisfies CodeBody);
    },
  );

  router.post(
    '/api/surveys/:id/codebooks/:question/merge',
    requireUser(...CODEBOOK_EDITORS),
    async (req, res) => {
      const q = target(req);
      const body = parseBody(mergeBody, await readJsonBody(req, config.bodyLimitBytes), 'merge');
      if (body.from === body.into)
        throw new Problem('invalid-request', 'A code cannot be merged into itself.', [
          { question: 'into', message: 'must differ from "from"' },
        ]);
      let missing: string | undefined;
      for (const c of [body.from, body.into])
        if (missing === undefined && !(await store.getCode(q.survey.id, q.info.name, c))) missing = c;
      if (missing !== undefined) accepted({ ok: false, refusal: 'code-not-found' }, { code: missing });
      const outcome = await store.mergeCodes(
        q.survey.id,
        q.info.name,
        body.from,
        body.into,
        clock().toISOString(),
      );
      const code = accepted(outcome, { code: body.from });
      await audit(deps, req, res, 'codes-merged', {
        survey: q.survey.id,
        question: q.info.name,
        from: body.from,
        into: body.into,
        answersMoved: outcome.moved ?? 0,
        by: currentUser(res).email,
      });
      res.json({ ...codeBody(code), moved: outcome.moved ?? 0 });
    },
  );

  return router;
}
