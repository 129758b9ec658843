// The filters of the aggregate routes (summary, crosstab, coverage, text), parsed exactly as the CSV export parses
// them (exports/request.ts) and then turned into whole UTC+5 days, the grain of the answer counts.
import { dayAtMidnight } from '../../domain/kazakhstan-time';
import type { Request, Response } from 'express';
import { z } from 'zod';
import { fieldErrors } from '../../domain/field-errors';
import { askedBriefing, parseExportQuery, resolveExport } from '../../../exports/request';
import { FAST_FRACTION } from '../../../exports/quality-columns';
import { canGroupBy, surveyAggregates, type SurveyAggregates } from '../../../exports/aggregates/summary';
import type { AppliedFilters } from '../../../exports/aggregates/types';
import type { Disclosure } from '../../../exports/aggregates/disclosure';
import type { QuestionInfo } from '../../../exports/questions';
import type { SurveyEntry } from '../../catalog/load';
import { REGION_CODES } from '../../catalog/regions';
import type { CountFilter } from '../../store';
import { currentUser, readableRegions, seesExactCounts } from '../auth';
import type { AppDeps } from '../deps';
import { Problem, type FieldError } from '../../domain/problem';

export interface AggregateQuery {
  survey: SurveyEntry;
  ctx: SurveyAggregates;
  filter: CountFilter;
  applied: AppliedFilters;
  /** The regions the reader may see within the filter, in the regions' order. */
  regions: string[];
  /** How this reader may see the counts of these regions (exact, or perturbed): seesExactCounts. */
  disclosure: Disclosure;
}

const DAY_MS = 86_400_000;

const badRequest = (errors: FieldError[]) =>
  new Problem('invalid-request', `Check ${[...new Set(errors.map((e) => e.question))].join(', ')}.`, errors);

// Aggregating a survey over some versions reads their definitions once per process, not once per request.
const contexts = new WeakMap<SurveyEntry, Map<string, SurveyAggregates>>();

function contextFor(survey: SurveyEntry, versions: SurveyEntry['versions']): SurveyAggregates {
  let byVersions = contexts.get(survey);
  if (!byVersions) contexts.set(survey, (byVersions = new Map()));
  const key = versions.map((v) => v.version).join(',');
  let ctx = byVersions.get(key);
  if (!ctx) byVersions.set(key, (ctx = surveyAggregates(versions)));
  return ctx;
}

/** Parse (400) → authorize the regions (403) → resolve versions and briefing against the survey (404, 400). */
export async function parseAggregateQuery(
  deps: AppDeps,
  req: Request,
  res: Response,
): Promise<AggregateQuery> {
  const id = String(req.params.id);
  const survey = deps.catalog.getSurvey(id);
  if (!survey) throw new Problem('survey-not-found', `There is no survey "${id}".`);
  const query = req.query as Record<string, unknown>;
  const parsed = parseExportQuery({
    region: query.region,
    version: query.version,
    briefing: query.briefing,
    from: query.from,
    to: query.to,
    review: query.review,
    flagged: query.flagged,
  });
  if (!parsed.ok) throw badRequest(parsed.errors);
  const user = currentUser(res);
  const regions = readableRegions(user, parsed.value.regions);
  const asked = await askedBriefing(deps.store, parsed.value.briefing);
  const resolved = resolveExport(survey, { ...parsed.value, regions }, () => asked);
  if (!resolved.ok) throw badRequest(resolved.errors);
  const { from, to, briefing, versions, review, flagged } = parsed.value;
  // The counts are kept per day: a bound inside a day could not be answered from them, and the CSV would differ.
  const fromDay = from === undefined ? undefined : dayAtMidnight(from);
  const toDay = to === undefined ? undefined : dayAtMidnight(new Date(Date.parse(to) - DAY_MS).toISOString());
  const errors: FieldError[] = [];
  if (from !== undefined && fromDay === undefined)
    errors.push({ question: 'from', message: 'charts count whole days: give a date (YYYY-MM-DD)' });
  if (to !== undefined && toDay === undefined)
    errors.push({ question: 'to', message: 'charts count whole days: give a date (YYYY-MM-DD)' });
  // A screen the hall sees (the live results) asks for protected numbers whoever is signed in: it reloads on every
  // new response, and exact numbers a second apart would show the room what the person who just answered chose.
  const audience = query.audience;
  if (audience !== undefined && audience !== 'public')
    errors.push({
      question: 'audience',
      message: 'must be "public" (numbers for a screen others see) or absent',
    });
  if (errors.length > 0) throw badRequest(errors);
  const filter: CountFilter = {
    surveyId: survey.id,
    // All 20 is no filter at all: leave it out rather than test every key against the list.
    ...(regions.length < REGION_CODES.length && { regions }),
    ...(versions && { versions }),
    ...(briefing !== undefined && { briefings: [briefing] }),
    ...(fromDay !== undefined && { fromDay }),
    ...(toDay !== undefined && { toDay }),
    ...(review === 'all' && { review: 'all' }),
    ...(flagged === 'exclude' && { excludeFlagged: { fastFraction: FAST_FRACTION } }),
  };
  const chosen = resolved.value.versions;
  return {
    survey,
    ctx: contextFor(survey, chosen),
    filter,
    regions,
    disclosure: {
      exact: audience === undefined && seesExactCounts(user, regions),
      k: deps.config.smallCellThreshold,
    },
    applied: {
      regions,
      versions: chosen.map((v) => v.version),
      briefing: briefing ?? null,
      from: fromDay ?? null,
      to: toDay ?? null,
      ...(review === 'all' && { review: 'all' }),
      ...(flagged === 'exclude' && { flagged: 'exclude' }),
    },
  };
}

/** A question of the chosen versions that may be aggregated or listed: 404 when unknown, 403 for personal data. */
export function aggregatableQuestion(q: AggregateQuery, name: string, parameter: string): QuestionInfo {
  const info = q.ctx.byName.get(name);
  if (info) return info;
  const pii = q.survey.versions.some((v) => v.piiQuestions.has(name));
  if (pii)
    throw new Problem(
      'forbidden',
      `"${name}" holds contact details: personal data is never aggregated or listed.`,
      [{ question: parameter, message: 'is a personal-data question' }],
    );
  throw new Problem(
    'not-found',
    `Survey "${q.survey.id}" (versions ${q.applied.versions.join(', ')}) has no question "${name}".`,
    [{ question: parameter, message: 'no such question in the chosen versions' }],
  );
}

/** The `by` question of a crosstab: aggregatable, and with answers from a fixed list to split by (else 400). */
export function groupingQuestion(q: AggregateQuery, name: string): QuestionInfo {
  const by = aggregatableQuestion(q, name, 'by');
  if (canGroupBy(by)) return by;
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
}

export const questionName = z.string({ message: 'is required: a question name' }).min(1).max(200);

/** zod for the parameters of crosstab and text beyond the filters; each error names its parameter. */
const MAX_PAGE_SIZE = 200;

/** `page` and `pageSize` of the routes that list answers one page at a time (text browser, coding queue). */
export const pagingParameters = {
  page: z
    .string()
    .regex(/^[1-9]\d{0,5}$/, { message: 'must be a page number from 1' })
    .transform(Number)
    .optional(),
  pageSize: z
    .string()
    .regex(/^[1-9]\d{0,2}$/, { message: `must be a number from 1 to ${MAX_PAGE_SIZE}` })
    .transform(Number)
    .refine((n) => n <= MAX_PAGE_SIZE, { message: `must be a number from 1 to ${MAX_PAGE_SIZE}` })
    .optional(),
};

export function parseParameters<T extends z.ZodRawShape>(shape: T, query: unknown): z.infer<z.ZodObject<T>> {
  const parsed = z.object(shape).safeParse(query);
  if (parsed.success) return parsed.data;
  throw badRequest(fieldErrors(parsed.error, { root: 'query', path: 'first' }));
}

/**
 * Lists of single answers (the text browser, coding) read indexes kept for the default set: rejected responses are
 * not in them and flagged ones are not marked there, so `review` and `flagged` are refused rather than ignored.
 */
export function defaultSetOnly(q: AggregateQuery): void {
  const errors: FieldError[] = [];
  if (q.filter.review !== undefined)
    errors.push({ question: 'review', message: 'this list shows the default set (rejected left out) only' });
  if (q.filter.excludeFlagged !== undefined)
    errors.push({ question: 'flagged', message: 'this list cannot leave flagged responses out' });
  if (errors.length > 0) throw badRequest(errors);
}
