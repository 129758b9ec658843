// The PostgreSQL engine: the store's interface (server/store/index.ts) in its asynchronous form, for several app
// servers sharing one database. Covered so far: see contract.ts and README "Scaling out".
import { createHash } from 'node:crypto';
import type { CountPlan } from '../store/count-types';
import { createPgAccounts } from './accounts';
import { createPgAnswerCounts } from './answer-counts';
import { createPgCrosstab } from './answer-crosstab';
import { createPgApiTokens } from './api-tokens';
import { createPgDemoData } from './demo-data';
import { createPgAuditLog } from './audit-log';
import { createPgBriefings } from './briefings';
import { createPgAnswerCodes } from './answer-codes';
import { createPgCodebooks } from './codebooks';
import { createPgCodingQueue } from './coding-queue';
import { createPgCodingReads } from './coding-reads';
import type { AsyncStorePart } from './contract';
import { migrate } from './migrate';
import { openPool, type Pool } from './pool';
import { createPgReadiness } from './readiness';
import { createPgResponseList } from './response-list';
import { createPgResponses } from './responses';
import { createPgReviews } from './reviews';
import { claimShard } from './shard';
import { createPgSurveys } from './surveys';
import { createPgTextIndex } from './text-index';

export interface PostgresStoreOptions {
  /** How each survey version's answers are counted (exports/aggregates/count-plan.ts), as for SQLite. */
  countPlans?: readonly CountPlan[];
  /** Connections in the pool (default 10). */
  poolSize?: number;
}

export type PostgresStore = AsyncStorePart & {
  /** The pool, for what only this engine does (store copy, the tests' schema checks). */
  readonly pool: Pool;
  /** The answer-count shard this store adds to (shard.ts). */
  readonly shard: number;
  /** Reads the store copy's check and the tests use (not members of the store interface). */
  countStoredResponses: ReturnType<typeof createPgResponses>['countStoredResponses'];
  iterateResponses: ReturnType<typeof createPgResponses>['iterateResponses'];
};

/** True for a DATABASE_URL this engine takes. */
export const isPostgresUrl = (url: string) => /^postgres(ql)?:\/\//.test(url);

export async function openPostgresStore(
  url: string,
  options: PostgresStoreOptions = {},
): Promise<PostgresStore> {
  const pool = openPool(url, { max: options.poolSize });
  try {
    await migrate(pool);
    const shard = await claimShard(url);
    const counts = createPgAnswerCounts(pool, options.countPlans ?? [], () => shard.number);
    await checkCountPlans(pool, options.countPlans ?? []);
    const responses = createPgResponses(pool, { project: counts.countBatch });
    let closed = false;
    return {
      pool,
      shard: shard.number,
      ...createPgSurveys(pool),
      submitResponse: responses.submitResponse,
      insertResponses: responses.insertResponses,
      getResponse: responses.getResponse,
      countStoredResponses: responses.countStoredResponses,
      iterateResponses: responses.iterateResponses,
      tallyAnswers: counts.tallyAnswers,
      countResponsesBy: counts.countResponsesBy,
      ...createPgCrosstab(pool, counts.layouts),
      ...createPgTextIndex(pool),
      ...createPgAccounts(pool),
      ...createPgAuditLog(pool),
      ...createPgBriefings(pool),
      ...createPgReadiness(pool),
      ...createPgApiTokens(pool),
      ...createPgCodebooks(pool),
      ...createPgAnswerCodes(pool),
      ...createPgCodingQueue(pool),
      ...createPgCodingReads(pool),
      ...createPgReviews(pool, { exclusive: responses.committer.exclusive, countBatch: counts.countBatch }),
      ...createPgResponseList(pool),
      ...createPgDemoData(pool, { exclusive: responses.committer.exclusive, countBatch: counts.countBatch }),
      async close() {
        if (closed) return;
        closed = true;
        // Writes already queued commit first; their callers get their answers.
        await responses.committer.drain();
        await shard.release();
        await pool.end();
      },
    };
  } catch (error) {
    await pool.end().catch(() => {});
    throw error;
  }
}

/** Same sha256 of a plan as SQLite's recount.ts records (format 3 of the layout). */
const planSha256 = (plan: CountPlan) =>
  createHash('sha256')
    .update(JSON.stringify({ format: 3, plan }))
    .digest('hex');

/**
 * Records each version's count plan the first time; a version whose plan changed while it has counts would need
 * its counts rebuilt, which this engine cannot do yet (README "Scaling out"): it refuses to open rather than sum
 * vectors of two layouts.
 */
async function checkCountPlans(pool: Pool, plans: readonly CountPlan[]): Promise<void> {
  if (plans.length === 0) return;
  const { rows } = await pool.query<{ survey_id: string; version: number; sha256: string }>(
    'SELECT survey_id, version, sha256 FROM count_plans',
  );
  const recorded = new Map(rows.map((r) => [`${r.survey_id}\u0000${r.version}`, r.sha256]));
  const changed: string[] = [];
  const fresh: CountPlan[] = [];
  for (const plan of plans) {
    const known = recorded.get(`${plan.surveyId}\u0000${plan.version}`);
    if (known === undefined) fresh.push(plan);
    else if (known !== planSha256(plan)) changed.push(`${plan.surveyId} v${plan.version}`);
  }
  if (changed.length > 0) {
    const { rows: counted } = await pool.query<{ n: number }>(
      `SELECT count(*) AS n FROM answer_counts WHERE (survey_id || ' v' || version) = ANY($1::text[])`,
      [changed],
    );
    if (counted[0]!.n > 0)
      throw new Error(
        `the count plans of ${changed.join(', ')} changed and their counts would need a rebuild, ` +
          'which the PostgreSQL engine does not do yet',
      );
  }
  await pool.query(
    `INSERT INTO count_plans (survey_id, version, sha256)
     SELECT * FROM unnest($1::text[], $2::int[], $3::text[])
     ON CONFLICT (survey_id, version) DO UPDATE SET sha256 = EXCLUDED.sha256`,
    [plans.map((p) => p.surveyId), plans.map((p) => p.version), plans.map(planSha256)],
  );
}
