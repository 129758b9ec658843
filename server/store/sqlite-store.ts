// The SQLite engine: one file in DATA_DIR, one write connection (group commit), read-only connections of their own
// for long reads (exports, question-by-question tables). It implements Store (interface/store.ts) and nothing more:
// no connection handle leaves this file. What only SQLite can do has a named capability of its own (backup.ts).
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { createAccountStore } from './accounts';
import { createApiTokenStore } from './api-tokens';
import { createAnswerCodes } from './answer-codes';
import { createAnswerCounts } from './answer-counts';
import { createAuditLog } from './audit-log';
import { createBriefingStore } from './briefings';
import { createCodebookStore } from './codebooks';
import { createCodingReads } from './coding-reads';
import { createKeyRebuild } from './count-key-rebuild';
import { openDatabase, openReadOnly } from './db';
import { createDemoData } from './demo-data';
import { createExportLines } from './export-lines';
import { openExportReader } from './export-rows';
import type { ProjectionPlans } from './interface/projection';
import type { Store } from './interface/store';
import { asyncMembers, type SyncStore } from './sync-members';
import { migrate } from './migrate';
import { createReadinessProbe } from './readiness';
import { createRecount } from './recount';
import { createResponseList } from './response-list';
import { createResponseStore } from './responses';
import { createReviewStore } from './reviews';
import { createSignInFailures } from './sign-in-failures';
import { createSurveyStore } from './surveys';
import { createTextAnswers } from './text-answers';
import { createWalSync } from './wal-sync';
import { startResponseWriter } from './writer-client';

export interface SqliteStoreOptions {
  /** See createGroupCommitter: 0 batches the writes of one event-loop turn. */
  batchWindowMs?: number;
  /** What the projections (answer counts, text index, stored CSV lines) hold: exports/projections.ts builds it. */
  projections?: ProjectionPlans;
  /** How long a question-by-question read works between turns of the event loop (default 10 ms). */
  recordSliceMs?: number;
  /**
   * The response writer thread's entry (server/response-writer-thread.ts): submitted responses are then stored by
   * a connection of that thread (response-writer.ts), off the event loop. Without it they are written here.
   */
  writerThread?: URL;
}

/** Without them the writer thread would store responses uncounted and without lines, silently. */
function requireSources(plans: ProjectionPlans): void {
  if (plans.sources === undefined && (plans.countPlans?.length || plans.lineRenderers?.length))
    throw new Error('plans for a store with a writer thread need their sources (exports/projections.ts)');
}

/**
 * Opens (and migrates) the file. The store's members are asynchronous (interface/store.ts) while better-sqlite3
 * is synchronous: each member runs its SQL at once and resolves (sync-members.ts).
 */
export function openSqliteStore(file: string, options: SqliteStoreOptions = {}): Store {
  mkdirSync(dirname(file), { recursive: true });
  const db = openDatabase(file);
  migrate(db);
  let countPlans = options.projections?.countPlans ?? [];
  const openReader = () => openReadOnly(file);
  const counts = createAnswerCounts(db, countPlans, openReader, options.recordSliceMs);
  const recount = createRecount(db, counts.layouts, counts.invalidate);
  const countsRebuilt = recount.syncPlans();
  const lines = createExportLines(db, options.projections?.lineRenderers ?? []);
  const exportLinesReset = lines.sync();
  const walSync = createWalSync(file);
  const responses = createResponseStore(db, {
    batchWindowMs: options.batchWindowMs,
    durable: walSync.sync,
    projections: [counts.projection, lines.projection],
  });
  const { flushPendingWrites, ...responseStore } = responses;
  if (options.writerThread && options.projections) requireSources(options.projections);
  const writer =
    options.writerThread &&
    startResponseWriter(options.writerThread, {
      file,
      batchWindowMs: options.batchWindowMs,
      sources: options.projections?.sources,
    });
  const auditLog = createAuditLog(db);
  const reviews = createReviewStore(db, {
    rebuildKeyOf: createKeyRebuild(db, counts.layouts, counts.touched),
    recordAudit: auditLog.recordAudit,
  });
  let closed = false;
  const store: SyncStore = {
    ...createSurveyStore(db),
    ...createBriefingStore(db),
    ...createAccountStore(db),
    ...createSignInFailures(db),
    ...auditLog,
    ...reviews,
    ...createResponseList(db),
    ...createApiTokenStore(db),
    ...createDemoData(db, recount.recount),
    ...responseStore,
    ...(writer && { submitResponse: writer.submitResponse }),
    tallyAnswers: counts.tallyAnswers,
    tallyAnswersByAnswer: counts.tallyAnswersByAnswer,
    countResponsesBy: counts.countResponsesBy,
    ...createTextAnswers(db),
    ...createCodebookStore(db),
    ...createAnswerCodes(db),
    ...createCodingReads(db),
    ...createReadinessProbe(db),
    recountAnswers: (surveyIds) =>
      recount.recount(surveyIds ?? [...new Set(countPlans.map((p) => p.surveyId))]),
    adoptPlans(plans) {
      if (writer) requireSources(plans);
      countPlans = plans.countPlans ?? [];
      counts.adoptPlans(countPlans);
      const adopted = {
        countsRebuilt: recount.syncPlans(),
        exportLinesReset: lines.adopt(plans.lineRenderers ?? []),
      };
      // Resolved once the writer thread counts and renders with these plans too.
      return writer ? writer.adopt(plans.sources).then(() => adopted) : adopted;
    },
    countsRebuilt,
    openExportReader: () => openExportReader(file),
    fillExportLines: lines.fill,
    exportLinesReset,
    close() {
      if (closed) return;
      closed = true;
      flushPendingWrites();
      walSync.close();
      db.close();
    },
  };
  const asynchronous = asyncMembers(store);
  if (!writer) return asynchronous;
  return {
    ...asynchronous,
    // The thread answers what it holds and closes its connection first: the last connection to close checkpoints.
    close: () => writer.close().then(() => asynchronous.close()),
  };
}
