// Assembles the summary, crosstab and coverage bodies from the store's sums. Pure: the routes and the CLI fetch the
// tallies (store.tallyAnswers / countResponsesBy) and hand them here with the survey's versions and how the reader
// may see numbers (disclosure.ts: exact, or perturbed by the cell key method).
import { findRegion } from '../../server/catalog/regions';
import type { Briefing, CountQuestion, DimensionCount, TallyGroup, VersionTally } from '../../server/store';
import { codeKey, describeQuestions, type QuestionInfo, type VersionInput } from '../questions';
import { countPlanOf } from './count-plan';
import { partsAcross, type QuestionParts } from './count-parts';
import { withParts } from './parts';
import { aggregateQuestion, sumQuestion, type PlansByVersion } from './question';
import { isHidden } from './suppress';
import {
  addKeys,
  inContext,
  publishedValue,
  showCount,
  type Disclosure,
  type KeyedCount,
} from './disclosure';
import type { AppliedFilters, CoverageBody, CrosstabBody, CrosstabGroup, SummaryBody } from './types';

/** What aggregating a survey over some versions needs: its questions (no pii) and each version's count plan. */
export interface SurveyAggregates {
  questions: QuestionInfo[];
  byName: ReadonlyMap<string, QuestionInfo>;
  plans: PlansByVersion;
  /** Grid and repeat questions: what of their answers is counted (count-parts.ts). */
  parts: ReadonlyMap<string, QuestionParts>;
}

export function surveyAggregates(versions: readonly VersionInput[]): SurveyAggregates {
  const questions = describeQuestions(versions).filter((q) => !q.pii);
  const plans = new Map(
    versions.map((v) => [
      v.version,
      new Map<string, CountQuestion>(countPlanOf(v).questions.map((q) => [q.name, q])),
    ]),
  );
  const parts = new Map(
    questions.flatMap((q) => {
      const found = partsAcross(versions, q.name, q.shape);
      return found ? [[q.name, found] as const] : [];
    }),
  );
  return { questions, byName: new Map(questions.map((q) => [q.name, q])), plans, parts };
}

/** The responses of some tallies as one set: their count and cell key. */
export const responsesOf = (tallies: readonly VersionTally[]): KeyedCount =>
  tallies.reduce((acc, t) => ({ count: acc.count + t.responses, key: addKeys(acc.key, t.responsesKey) }), {
    count: 0,
    key: 0,
  });

export function questionAggregate(
  ctx: SurveyAggregates,
  info: QuestionInfo,
  tallies: readonly VersionTally[],
  d: Disclosure,
) {
  const total = publishedValue(d, responsesOf(tallies));
  const sums = sumQuestion(info.name, tallies, ctx.plans);
  const aggregate = aggregateQuestion(info, sums, total, d);
  const parts = ctx.parts.get(info.name);
  return parts && aggregate.kind === 'answered'
    ? withParts(aggregate, parts, sums, tallies, ctx.plans, d)
    : aggregate;
}

/** Every question over one group of tallies (`store.tallyAnswers(filter, {by: 'all'})`). */
export function summaryBody(
  ctx: SurveyAggregates,
  survey: string,
  filters: AppliedFilters,
  tallies: readonly VersionTally[],
  disclosure: Disclosure,
): SummaryBody {
  const d = inContext(disclosure, responsesOf(tallies));
  return {
    survey,
    filters,
    smallCellThreshold: d.k,
    ...(!d.exact && { perturbed: true as const }),
    responses: showCount(publishedValue(d, responsesOf(tallies)), 0, d.k),
    questions: ctx.questions.map((q) => questionAggregate(ctx, q, tallies, d)),
  };
}

function group(
  ctx: SurveyAggregates,
  info: QuestionInfo,
  code: CrosstabGroup['code'],
  label: CrosstabGroup['label'],
  tallies: readonly VersionTally[],
  total: number,
  d: Disclosure,
): CrosstabGroup {
  const responses = publishedValue(d, responsesOf(tallies));
  return {
    code,
    label,
    responses: showCount(responses, total, d.k),
    empty: responses === 0,
    aggregate: questionAggregate(ctx, info, tallies, d),
  };
}

/** One group per region the reader may see, in that order; a region without responses is an empty group. */
export function regionGroups(
  ctx: SurveyAggregates,
  info: QuestionInfo,
  regions: readonly string[],
  groups: readonly TallyGroup[],
  total: number,
  d: Disclosure,
): CrosstabGroup[] {
  const byRegion = new Map(groups.map((g) => [g.key, g.versions]));
  return regions.map((code) => {
    const name = findRegion(code)?.name ?? { kk: code, ru: code, en: code };
    return group(ctx, info, code, name, byRegion.get(code) ?? [], total, d);
  });
}

/** One group per choice of the by-question, in its order; choices nobody chose are empty groups. */
export function answerGroups(
  ctx: SurveyAggregates,
  info: QuestionInfo,
  by: QuestionInfo,
  groups: readonly TallyGroup[],
  total: number,
  d: Disclosure,
): CrosstabGroup[] {
  const byCode = new Map(groups.map((g) => [codeKey(g.key), g.versions]));
  return by.choices.map((c) =>
    group(ctx, info, c.code, c.label, byCode.get(codeKey(c.code)) ?? [], total, d),
  );
}

/** Questions a crosstab may split by: one answer (or several) from a fixed list. */
export const canGroupBy = (q: QuestionInfo) => ['single', 'multiple', 'rating', 'boolean'].includes(q.shape);

export interface CrosstabInput {
  ctx: SurveyAggregates;
  survey: string;
  filters: AppliedFilters;
  /** The regions the reader may see, in order: one group each when split by region. */
  regions: readonly string[];
  question: QuestionInfo;
  /** 'region', or the question whose answers make the groups (canGroupBy). */
  by: 'region' | QuestionInfo;
  /** The question's tallies over the whole filter, and per group (store.tallyAnswers / tallyAnswersByAnswer). */
  total: readonly VersionTally[];
  groups: readonly TallyGroup[];
  disclosure: Disclosure;
}

/** One question split by region or by another question's answers, every figure as the reader may see it. */
export function crosstabBody(input: CrosstabInput): CrosstabBody {
  const { ctx, question: info, by, total, disclosure } = input;
  // Every cell's noise depends on the filter's respondents too (disclosure.ts); groups' shares are of the
  // published total, never of the true one.
  const d = inContext(disclosure, responsesOf(total));
  const responses = publishedValue(d, responsesOf(total));
  const grouped: Pick<CrosstabBody, 'by' | 'groups'> =
    by === 'region'
      ? { by: { kind: 'region' }, groups: regionGroups(ctx, info, input.regions, input.groups, responses, d) }
      : {
          by: { kind: 'question', name: by.name, title: by.title, shape: by.shape },
          groups: answerGroups(ctx, info, by, input.groups, responses, d),
        };
  return {
    survey: input.survey,
    filters: input.filters,
    smallCellThreshold: disclosure.k,
    ...(!disclosure.exact && { perturbed: true as const }),
    question: info.name,
    ...grouped,
    total: questionAggregate(ctx, info, total, d),
  };
}

export interface CoverageInput {
  survey: string;
  filters: AppliedFilters;
  regions: readonly string[];
  briefings: readonly Briefing[];
  byRegion: readonly DimensionCount[];
  byBriefing: readonly DimensionCount[];
  byVersion: readonly DimensionCount[];
  byDay: readonly DimensionCount[];
  disclosure: Disclosure;
}

/**
 * Every figure is a published count of its own set (a region, a briefing, a day, a version, the whole filter): the
 * total is not the sum of the shown rows, so a shown total next to a withheld row gives nothing back exactly.
 */
export function coverageBody(input: CoverageInput): CoverageBody {
  const { k } = input.disclosure;
  // The regions split the filter's responses into disjoint sets: their counts and keys add up to the whole.
  const whole = input.byRegion.reduce<KeyedCount>(
    (acc, r) => ({ count: acc.count + r.responses, key: addKeys(acc.key, r.cellKey) }),
    { count: 0, key: 0 },
  );
  const d = inContext(input.disclosure, whole);
  const pub = (r: DimensionCount | undefined) =>
    r ? publishedValue(d, { count: r.responses, key: r.cellKey }) : 0;
  const lookup = (rows: readonly DimensionCount[]) => new Map(rows.map((r) => [r.key, pub(r)]));
  const total = publishedValue(d, whole);
  const regions = lookup(input.byRegion);
  const briefings = lookup(input.byBriefing);
  return {
    survey: input.survey,
    filters: input.filters,
    smallCellThreshold: k,
    ...(!d.exact && { perturbed: true as const }),
    responses: showCount(total, 0, k),
    regions: input.regions.map((code) => {
      const n = regions.get(code) ?? 0;
      return {
        code,
        name: findRegion(code)?.name ?? { kk: code, ru: code, en: code },
        responses: showCount(n, total, k),
        none: n === 0,
        briefings: input.briefings.filter((b) => b.region === code).length,
      };
    }),
    briefings: input.briefings.map((b) => {
      const n = briefings.get(b.slug) ?? 0;
      return {
        slug: b.slug,
        region: b.region,
        city: b.city,
        date: b.date,
        title: b.title,
        responses: showCount(n, total, k),
        none: n === 0,
      };
    }),
    outsideBriefings: showCount(briefings.get('') ?? 0, total, k),
    versions: input.byVersion.map((v) => ({
      version: Number(v.key),
      responses: showCount(pub(v), total, k),
    })),
    // A day whose published count is 0 is left out, as a day without responses is.
    days: input.byDay
      .map((day) => ({ day: String(day.key), responses: showCount(pub(day), total, k) }))
      .filter((day) => isHidden(day.responses) || day.responses.count > 0),
  };
}
