// The PostgreSQL engine: the store's interface (server/store/index.ts) in its asynchronous form, for several app
// servers sharing one database. Covered so far: see contract.ts and README "Scaling out".
import type { CountPlan } from '../store/count-types';
import type { ProjectionPlans } from '../store/interface/projection';
import { createPgAccounts } from './accounts';
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
import { openPgExportReader } from './export-reader';
import { openPgProjections } from './projections';
import { createPgResponseList } from './response-list';
import type { createPgResponses } from './responses';
import { createPgReviews } from './reviews';
import { claimShard, type Shard } from './shard';

/**
 * Batches of writes in flight at once, each with a count shard of its own: the second does its statements while the
 * first one's COMMIT waits for the WAL flush (issue 15 item 6).
 */
const BATCHES_IN_FLIGHT = 2;
import { createPgSignInFailures } from './sign-in-failures';
import { createPgSurveys } from './surveys';
import { createPgTextIndex } from './text-index';

export interface PostgresStoreOptions {
  /** What the projections hold (exports/projections.ts): count plans and line renderers, as for SQLite. */
  projections?: ProjectionPlans;
  /** Count plans alone (the tests' shorthand for `projections.countPlans`). */
  countPlans?: readonly CountPlan[];
  /** Connections in the pool (default 10). */
  poolSize?: number;
}

export type PostgresStore = AsyncStorePart & {
  /** The pool, for what only this engine does (store copy, the tests' schema checks). */
  readonly pool: Pool;
  /** The answer-count shard this store adds to (shard.ts): the first of `shards`. */
  readonly shard: number;
  /** Every count shard this store holds: one per batch in flight (group-commit.ts). */
  readonly shards: readonly number[];
  /** Reads the store copy's check and the tests use (not members of the store interface). */
  countStoredResponses: ReturnType<typeof createPgResponses>['countStoredResponses'];
  iterateResponses: ReturnType<typeof createPgResponses>['iterateResponses'];
  /** The export reader on a cursor (export-reader.ts); a member of the store once the interface is asynchronous. */
  openExportReader: () => ReturnType<typeof openPgExportReader>;
};

/** True for a DATABASE_URL this engine takes. */
export const isPostgresUrl = (url: string) => /^postgres(ql)?:\/\//.test(url);

export async function openPostgresStore(
  url: string,
  options: PostgresStoreOptions = {},
): Promise<PostgresStore> {
  const pool = openPool(url, { max: options.poolSize });
  const held: Shard[] = [];
  try {
    await migrate(pool);
    for (let i = 0; i < BATCHES_IN_FLIGHT; i++) held.push(await claimShard(url));
    const shards = held.map((s) => s.number);
    const projections = await openPgProjections(
      pool,
      { countPlans: options.countPlans, ...options.projections },
      shards,
    );
    const { counts, responses } = projections;
    let closed = false;
    return {
      pool,
      shard: shards[0]!,
      shards,
      ...createPgSurveys(pool),
      submitResponse: responses.submitResponse,
      insertResponses: responses.insertResponses,
      getResponse: responses.getResponse,
      countStoredResponses: responses.countStoredResponses,
      iterateResponses: responses.iterateResponses,
      tallyAnswers: counts.tallyAnswers,
      countResponsesBy: counts.countResponsesBy,
      ...createPgCrosstab(pool, counts.layouts),
      openExportReader: () => openPgExportReader(pool),
      fillExportLines: projections.fillExportLines,
      exportLinesReset: projections.exportLinesReset,
      recountAnswers: projections.recountAnswers,
      countsRebuilt: projections.countsRebuilt,
      adoptPlans: projections.adoptPlans,
      ...createPgTextIndex(pool),
      ...createPgAccounts(pool),
      ...createPgSignInFailures(pool),
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
        for (const shard of held) await shard.release();
        await pool.end();
      },
    };
  } catch (error) {
    for (const shard of held) await shard.release().catch(() => {});
    await pool.end().catch(() => {});
    throw error;
  }
}
