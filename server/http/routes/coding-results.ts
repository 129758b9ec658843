// What coding yields: code counts per region (with the small-cell protection of every other count), the preview and
// application of suggestion rules to a filtered set, agreement between two coders, and quotes chosen for the brief.
import { Router, type Request, type Response } from 'express';
import {
  addKeys,
  publishCount,
  publishedValue,
  showCount,
  type KeyedCount,
} from '../../../exports/aggregates/disclosure';
import type { Count } from '../../../exports/aggregates/types';
import { cohensKappa } from '../../domain/agreement';
import { compileRules, fold } from '../../domain/coding-rules';
import { withoutContacts } from '../../domain/quote-text';
import type { AnswerToCode } from '../../store';
import { parseBody } from '../contract/accounts';
import { audit } from '../audit';
import { canReadRegion, currentUser, requireUser } from '../auth';
import {
  quoteBody,
  type AgreementBody,
  type CodeCountsBody,
  type QuoteBody,
  type RuleApplyBody,
  type RulePreviewBody,
} from '../contract/coding';
import type { AppDeps } from '../deps';
import { readJsonBody } from '../json-body';
import { Problem } from '../../domain/problem';
import { defaultSetOnly, parseAggregateQuery, type AggregateQuery } from './aggregate-query';
import { CODEBOOK_EDITORS } from './codebooks';
import { codableQuestion, codeBody, namesById, type CodableQuestion } from './coding-question';

async function filtered(
  deps: AppDeps,
  req: Request,
  res: Response,
): Promise<{ filters: AggregateQuery; q: CodableQuestion }> {
  const filters = await parseAggregateQuery(deps, req, res);
  defaultSetOnly(filters);
  return { filters, q: codableQuestion(filters.survey, String(req.params.question)) };
}

/** The quoted answer does not carry the code (or no longer does). */
const notCoded = (code: string) =>
  new Problem('unknown-codes', `This answer is not coded "${code}": quote it under one of its codes.`, [
    { question: 'code', message: "is not among the answer's codes" },
  ]);

export function codingResultsRouter(deps: AppDeps): Router {
  const { store, clock, config } = deps;
  const router = Router();
  const k = config.smallCellThreshold;

  router.get('/api/surveys/:id/codebooks/:question/counts', requireUser(), async (req, res) => {
    const { filters, q } = await filtered(deps, req, res);
    const d = filters.disclosure;
    const codes = await store.listCodes(q.survey.id, q.info.name);
    const byRegion = new Map<string, Map<number, KeyedCount>>();
    const total = new Map<number, KeyedCount>();
    const add = (into: Map<number, KeyedCount>, id: number, n: number, keys: number) => {
      const was = into.get(id);
      into.set(id, { count: (was?.count ?? 0) + n, key: addKeys(was?.key ?? 0, keys) });
    };
    for (const row of await store.tallyCodes(filters.filter, q.info.name)) {
      let counts = byRegion.get(row.region);
      if (!counts) byRegion.set(row.region, (counts = new Map()));
      add(counts, row.codeId, row.n, row.keys);
      add(total, row.codeId, row.n, row.keys);
    }
    // Published like every count (cell key method, then "< k"); shares are of the published coded answers.
    const cells = (counts: ReadonlyMap<number, KeyedCount>) => {
      const none = { count: 0, key: 0 };
      const coded = publishedValue(d, counts.get(0) ?? none);
      const codedCell = showCount(coded, 0, d.k);
      const hidden = codedCell.suppressed === true;
      return {
        coded: codedCell,
        codes: Object.fromEntries(
          codes.map((c) => [c.code, publishCount(d, counts.get(c.id) ?? none, coded, hidden)]),
        ) as Record<string, Count>,
      };
    };
    res.set('Cache-Control', 'no-store').json({
      survey: q.survey.id,
      question: q.info.name,
      smallCellThreshold: k,
      ...(!d.exact && { perturbed: true as const }),
      codes: codes.map(codeBody),
      total: cells(total),
      regions: filters.regions.map((region) => ({ region, ...cells(byRegion.get(region) ?? new Map()) })),
    } satisfies CodeCountsBody);
  });

  /** The not-yet-coded answers in the filter that each code's rules match. */
  async function ruleMatches(filters: AggregateQuery, q: CodableQuestion) {
    const codes = await store.listCodes(q.survey.id, q.info.name);
    const matchers = codes.map((c) => ({
      code: c,
      match: compileRules(c.rules),
      answers: [] as AnswerToCode[],
    }));
    let uncoded = 0;
    for await (const { answer, folded } of store.iterateUncodedTexts(filters.filter, q.info.name, q.key)) {
      uncoded += 1;
      const text = fold(folded);
      for (const m of matchers) if (m.match(text)) m.answers.push(answer);
    }
    return { uncoded, matchers };
  }

  router.get('/api/surveys/:id/codebooks/:question/rules', requireUser(), async (req, res) => {
    const { filters, q } = await filtered(deps, req, res);
    const { uncoded, matchers } = await ruleMatches(filters, q);
    res.set('Cache-Control', 'no-store').json({
      survey: q.survey.id,
      question: q.info.name,
      uncoded,
      codes: matchers.map((m) => ({ code: m.code.code, rules: m.code.rules, matches: m.answers.length })),
    } satisfies RulePreviewBody);
  });

  router.post(
    '/api/surveys/:id/codebooks/:question/codes/:code/apply',
    requireUser(...CODEBOOK_EDITORS),
    async (req, res) => {
      const { filters, q } = await filtered(deps, req, res);
      const name = String(req.params.code);
      const { matchers } = await ruleMatches(filters, q);
      const m = matchers.find((x) => x.code.code === name);
      if (!m) throw new Problem('code-not-found', `This codebook has no code "${name}".`);
      if (m.code.rules.length === 0)
        throw new Problem('invalid-request', `The code "${name}" has no rules to apply.`, [
          { question: 'rules', message: 'add word forms or phrases first' },
        ]);
      const coder = currentUser(res).email;
      const coded = await store.codeAnswers(m.answers, q.info.name, m.code.id, coder, clock().toISOString());
      await audit(deps, req, res, 'rule-applied', {
        survey: q.survey.id,
        question: q.info.name,
        code: name,
        rules: m.code.rules,
        filters: filters.applied,
        coded,
      });
      res.json({ code: name, coded } satisfies RuleApplyBody);
    },
  );

  router.get('/api/surveys/:id/codebooks/:question/agreement', requireUser(), async (req, res) => {
    const { filters, q } = await filtered(deps, req, res);
    const codes = await store.listCodes(q.survey.id, q.info.name);
    const names = namesById(codes);
    const pairs = await store.listCodingPairs(q.survey.id, q.info.name, q.key, filters.regions);
    const nameOf = (ids: readonly number[]) => ids.flatMap((id) => names.get(id) ?? []);
    const same = (a: readonly number[], b: readonly number[]) =>
      a.length === b.length && a.every((id) => b.includes(id));
    res.set('Cache-Control', 'no-store').json({
      survey: q.survey.id,
      question: q.info.name,
      answers: pairs.length,
      codes: cohensKappa(
        codes.map((c) => c.id),
        pairs,
      ).map(({ codeId, ...rest }) => ({ code: names.get(codeId)!, ...rest })),
      disagreements: pairs
        .filter((p) => !same(p.first, p.second))
        .map((p) => ({
          response: p.responseId,
          region: p.region,
          text: p.text,
          first: nameOf(p.first),
          second: nameOf(p.second),
        })),
    } satisfies AgreementBody);
  });

  const quotesOf = async (q: CodableQuestion, res: Response): Promise<QuoteBody[]> => {
    const names = namesById(await store.listCodes(q.survey.id, q.info.name));
    const user = currentUser(res);
    return (await store.listQuotes(q.survey.id, q.info.name, q.key))
      .filter((quote) => canReadRegion(user, quote.region) && names.has(quote.codeId))
      .map((quote) => {
        const passage = quote.span ? quote.text.slice(quote.span.start, quote.span.end) : quote.text;
        return {
          code: names.get(quote.codeId)!,
          response: quote.responseId,
          region: quote.region,
          text: withoutContacts(passage),
          passage: quote.span,
          chosenBy: quote.chosenBy,
          smallRegionConfirmed: quote.smallRegionConfirmed,
        };
      });
  };

  router.get('/api/surveys/:id/codebooks/:question/quotes', requireUser(), async (req, res) => {
    const { q } = await filtered(deps, req, res);
    res.set('Cache-Control', 'no-store').json(await quotesOf(q, res));
  });

  router.put(
    '/api/surveys/:id/codebooks/:question/quotes',
    requireUser(...CODEBOOK_EDITORS),
    async (req, res) => {
      const { q } = await filtered(deps, req, res);
      const body = parseBody(quoteBody, await readJsonBody(req, config.bodyLimitBytes), 'quote');
      const code = await store.getCode(q.survey.id, q.info.name, body.code);
      if (!code) throw new Problem('code-not-found', `This codebook has no code "${body.code}".`);
      const answer = await store.getAnswerToCode(body.response, q.key);
      if (!answer || answer.surveyId !== q.survey.id || !canReadRegion(currentUser(res), answer.region))
        throw new Problem(
          'response-not-found',
          `There is no response "${body.response}" that your account may read.`,
        );
      const coding = await store.getAnswerCoding(answer, q.info.name, 1);
      // Before the small-region question: confirming a region is no use for an answer that cannot be quoted.
      if (!coding?.codes.some((c) => c.codeId === code.id)) throw notCoded(body.code);
      const [inRegion] = await store.countResponsesBy(
        { surveyId: q.survey.id, regions: [answer.region] },
        'region',
      );
      const respondents = inRegion?.responses ?? 0;
      const small = respondents < k;
      if (small && body.confirmSmallRegion !== true)
        throw new Problem(
          'quote-needs-confirmation',
          `Region ${answer.region} has fewer than ${k} respondents: a quote could point at one person. ` +
            'Send confirmSmallRegion: true to quote it anyway.',
          [{ question: 'confirmSmallRegion', message: 'must be true for a region with few respondents' }],
        );
      // Checked again in the write: a coder may have taken the code off since the check above.
      if (
        !(await store.chooseQuote(
          code.id,
          answer.rowid,
          currentUser(res).email,
          clock().toISOString(),
          small,
        ))
      )
        throw notCoded(body.code);
      await audit(deps, req, res, 'quote-chosen', {
        survey: q.survey.id,
        question: q.info.name,
        code: body.code,
        response: answer.responseId,
        smallRegionConfirmed: small,
      });
      res.json(await quotesOf(q, res));
    },
  );

  router.delete(
    '/api/surveys/:id/codebooks/:question/quotes',
    requireUser(...CODEBOOK_EDITORS),
    async (req, res) => {
      const { q } = await filtered(deps, req, res);
      const code = await store.getCode(q.survey.id, q.info.name, String(req.query.code ?? ''));
      const answer = await store.getAnswerToCode(String(req.query.response ?? '').toLowerCase(), q.key);
      if (!code || !answer || !(await store.removeQuote(code.id, answer.rowid)))
        throw new Problem('not-found', 'There is no such quote (give ?code=<code>&response=<id>).');
      await audit(deps, req, res, 'quote-removed', {
        survey: q.survey.id,
        question: q.info.name,
        code: code.code,
        response: answer.responseId,
      });
      res.json(await quotesOf(q, res));
    },
  );

  return router;
}
