// The PostgreSQL store's projections (as SQLite's: server/store/interface/projection.ts): the answer counts with their
// byte records and text index, and the stored CSV lines, all written in each batch's transaction; the plans they are
// fed with when the store opens and again when the catalog grows (adoptPlans); and the recount they share.
import { planKey } from '../store/answer-counts';
import { compileLayout } from '../store/count-layout';
import type { CountPlan, RecountReport } from '../store/count-types';
import type { AdoptedPlans, ProjectionPlans } from '../store/interface/projection';
import { createPgAnswerCounts } from './answer-counts';
import { createPgExportLines } from './export-lines';
import type { Pool } from './pool';
import { createPgRecount } from './recount';
import { createPgResponses } from './responses';

export async function openPgProjections(pool: Pool, plans: ProjectionPlans, shards: readonly number[]) {
  // Reviews, demo removal and recounts (exclusive: nothing else in flight) write to the first.
  const shard = () => shards[0]!;
  let countPlans: readonly CountPlan[] = plans.countPlans ?? [];
  const counts = createPgAnswerCounts(pool, countPlans, shard);
  const recount = createPgRecount(pool, counts.layouts, shard);
  const lines = createPgExportLines(pool, plans.lineRenderers ?? []);
  const responses = createPgResponses(pool, {
    shards,
    async project(client, created, options) {
      const writes = await counts.countStatements(client, created, options);
      const line = lines.lineStatement(created);
      return line ? [...writes, line] : writes;
    },
  });
  // In the group commit's queue, alone: this store's own writes wait, other servers' wait on the recount lock.
  const recountSurveys = (surveyIds: readonly string[]) =>
    responses.committer.exclusive((client) => recount.recount(client, surveyIds));

  /** Rebuilds the counts of every survey whose plan changed while it has responses (one transaction each). */
  async function syncPlans(): Promise<RecountReport[]> {
    const reports: RecountReport[] = [];
    for (const surveyId of await recount.stalePlans()) reports.push(await recountSurveys([surveyId]));
    return reports;
  }

  const countsRebuilt = await syncPlans();
  const exportLinesReset = await lines.sync();
  return {
    counts,
    responses,
    countsRebuilt,
    exportLinesReset,
    fillExportLines: lines.fill,
    recountAnswers: (surveyIds?: readonly string[]): Promise<RecountReport> =>
      recountSurveys(surveyIds ?? [...new Set(countPlans.map((p) => p.surveyId))]),
    async adoptPlans(next: ProjectionPlans): Promise<AdoptedPlans> {
      countPlans = next.countPlans ?? [];
      counts.layouts.clear();
      for (const p of countPlans) counts.layouts.set(planKey(p.surveyId, p.version), compileLayout(p));
      return {
        countsRebuilt: await syncPlans(),
        exportLinesReset: await lines.adopt(next.lineRenderers ?? []),
      };
    },
  };
}
