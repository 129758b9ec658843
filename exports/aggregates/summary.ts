// Assembles the summary, crosstab and coverage bodies from the store's sums. Pure: the routes and the CLI fetch the
// tallies (store.tallyAnswers / countResponsesBy) and hand them here with the survey's versions and the threshold.
import { findRegion } from '../../server/catalog/regions';
import type { Briefing, CountQuestion, TallyGroup, VersionTally } from '../../server/store';
import { codeKey, describeQuestions, type QuestionInfo, type VersionInput } from '../questions';
import { countPlanOf } from './count-plan';
import { aggregateQuestion, sumQuestion, type PlansByVersion } from './question';
import { countCell } from './suppress';
import type { AppliedFilters, CoverageBody, CrosstabGroup, SummaryBody } from './types';

/** What aggregating a survey over some versions needs: its questions (no pii) and each version's count plan. */
export interface SurveyAggregates {
  questions: QuestionInfo[];
  byName: ReadonlyMap<string, QuestionInfo>;
  plans: PlansByVersion;
}

export function surveyAggregates(versions: readonly VersionInput[]): SurveyAggregates {
  const questions = describeQuestions(versions).filter((q) => !q.pii);
  const plans = new Map(
    versions.map((v) => [
      v.version,
      new Map<string, CountQuestion>(countPlanOf(v).questions.map((q) => [q.name, q])),
    ]),
  );
  return { questions, byName: new Map(questions.map((q) => [q.name, q])), plans };
}

const responsesOf = (tallies: readonly VersionTally[]) => tallies.reduce((n, t) => n + t.responses, 0);

export function questionAggregate(
  ctx: SurveyAggregates,
  info: QuestionInfo,
  tallies: readonly VersionTally[],
  k: number,
) {
  return aggregateQuestion(info, sumQuestion(info.name, tallies, ctx.plans), responsesOf(tallies), k);
}

/** Every question over one group of tallies (`store.tallyAnswers(filter, {by: 'all'})`). */
export function summaryBody(
  ctx: SurveyAggregates,
  survey: string,
  filters: AppliedFilters,
  tallies: readonly VersionTally[],
  k: number,
): SummaryBody {
  return {
    survey,
    filters,
    smallCellThreshold: k,
    responses: countCell(responsesOf(tallies), 0, k),
    questions: ctx.questions.map((q) => questionAggregate(ctx, q, tallies, k)),
  };
}

function group(
  ctx: SurveyAggregates,
  info: QuestionInfo,
  code: CrosstabGroup['code'],
  label: CrosstabGroup['label'],
  tallies: readonly VersionTally[],
  total: number,
  k: number,
): CrosstabGroup {
  const responses = responsesOf(tallies);
  return {
    code,
    label,
    responses: countCell(responses, total, k),
    empty: responses === 0,
    aggregate: questionAggregate(ctx, info, tallies, k),
  };
}

/** One group per region the reader may see, in that order; a region without responses is an empty group. */
export function regionGroups(
  ctx: SurveyAggregates,
  info: QuestionInfo,
  regions: readonly string[],
  groups: readonly TallyGroup[],
  total: number,
  k: number,
): CrosstabGroup[] {
  const byRegion = new Map(groups.map((g) => [g.key, g.versions]));
  return regions.map((code) => {
    const name = findRegion(code)?.name ?? { kk: code, ru: code, en: code };
    return group(ctx, info, code, name, byRegion.get(code) ?? [], total, k);
  });
}

/** One group per choice of the by-question, in its order; choices nobody chose are empty groups. */
export function answerGroups(
  ctx: SurveyAggregates,
  info: QuestionInfo,
  by: QuestionInfo,
  groups: readonly TallyGroup[],
  total: number,
  k: number,
): CrosstabGroup[] {
  const byCode = new Map(groups.map((g) => [codeKey(g.key), g.versions]));
  return by.choices.map((c) =>
    group(ctx, info, c.code, c.label, byCode.get(codeKey(c.code)) ?? [], total, k),
  );
}

/** Questions a crosstab may split by: one answer (or several) from a fixed list. */
export const canGroupBy = (q: QuestionInfo) => ['single', 'multiple', 'rating', 'boolean'].includes(q.shape);

export interface CoverageInput {
  survey: string;
  filters: AppliedFilters;
  regions: readonly string[];
  briefings: readonly Briefing[];
  byRegion: readonly { key: string | number; responses: number }[];
  byBriefing: readonly { key: string | number; responses: number }[];
  byVersion: readonly { key: string | number; responses: number }[];
  byDay: readonly { key: string | number; responses: number }[];
  k: number;
}

export function coverageBody(input: CoverageInput): CoverageBody {
  const { k } = input;
  const lookup = (rows: CoverageInput['byRegion']) => new Map(rows.map((r) => [r.key, r.responses]));
  const regions = lookup(input.byRegion);
  const briefings = lookup(input.byBriefing);
  const total = input.byRegion.reduce((n, r) => n + r.responses, 0);
  return {
    survey: input.survey,
    filters: input.filters,
    smallCellThreshold: k,
    responses: countCell(total, 0, k),
    regions: input.regions.map((code) => {
      const n = regions.get(code) ?? 0;
      return {
        code,
        name: findRegion(code)?.name ?? { kk: code, ru: code, en: code },
        responses: countCell(n, total, k),
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
        responses: countCell(n, total, k),
        none: n === 0,
      };
    }),
    outsideBriefings: countCell(briefings.get('') ?? 0, total, k),
    versions: input.byVersion.map((v) => ({
      version: Number(v.key),
      responses: countCell(v.responses, total, k),
    })),
    days: input.byDay.map((d) => ({ day: String(d.key), responses: countCell(d.responses, total, k) })),
  };
}
