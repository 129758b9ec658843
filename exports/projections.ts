// What the store's projections hold, decided by the formats: per survey version, how its answers are counted and
// which texts are indexed (aggregates/count-plan.ts), and per survey, how its stored CSV line is rendered
// (lines.ts). The store is handed this once, when it opens (server/boot.ts), and knows no format code.
import type { ProjectionPlans } from '../server/store';
import { countPlansOf } from './aggregates/count-plan';
import { lineRenderersOf } from './lines';
import type { VersionInput } from './questions';

/** The surveys as the plans need them, and nothing more: plain data that can be posted to a thread. */
export type PlanSources = { versions: VersionInput[] }[];

export function projectionPlansOf(
  surveys: readonly { versions: readonly VersionInput[] }[],
): ProjectionPlans {
  const sources: PlanSources = surveys.map((s) => ({
    versions: s.versions.map(({ surveyId, version, definition, piiQuestions }) => ({
      surveyId,
      version,
      definition,
      piiQuestions,
    })),
  }));
  return { countPlans: countPlansOf(surveys), lineRenderers: lineRenderersOf(surveys), sources };
}
