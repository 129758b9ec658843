// The one door to storage. Routes and the CLI see the Store interface; SQLite is one implementation of it,
// so that a PostgreSQL store can be added for deployments that outgrow one machine.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { createAnswerCounts } from './answer-counts';
import {
  createAccountStore,
  type ActiveSession,
  type NewSession,
  type NewUser,
  type UpdateUserOutcome,
  type User,
  type UserChanges,
} from './accounts';
import { createApiTokenStore, type ApiToken, type NewApiToken } from './api-tokens';
import { createAuditLog, type AuditEntry, type AuditQuery, type NewAuditEntry } from './audit-log';
import { createBriefingStore } from './briefings';
import { createDemoData, type DemoDataCount, type DemoRemoval } from './demo-data';
import { createAnswerCodes } from './answer-codes';
import { createCodebookStore } from './codebooks';
import { createCodingReads } from './coding-reads';
import type { CodingStore } from './coding-types';
import type {
  CountFilter,
  CountPlan,
  CoverageDimension,
  DimensionCount,
  RecountReport,
  TallyGroup,
  TallyGrouping,
  TextAnswer,
  TextQuery,
} from './count-types';
import { openDatabase, openReadOnly, type Db } from './db';
import { createExportLines, type ExportLineLayout, type FillReport } from './export-lines';
import { openExportReader, type ExportReader } from './export-rows';
import { migrate } from './migrate';
import { createReadinessProbe, type StoreReadiness } from './readiness';
import { createKeyRebuild } from './count-key-rebuild';
import { createRecount } from './recount';
import {
  createResponseList,
  type ResponseLine,
  type ResponseListItem,
  type ResponseListQuery,
  type ResponsePageQuery,
} from './response-list';
import {
  createReviewStore,
  type ContactErasure,
  type ResponseReview,
  type ReviewChange,
  type ReviewOutcome,
} from './reviews';
import { createResponseStore } from './responses';
import { createSurveyStore } from './surveys';
import { createTextAnswers } from './text-answers';
import type {
  Briefing,
  BriefingChanges,
  BriefingHour,
  NewResponse,
  PublishConflict,
  PublishedVersion,
  ResponseFilter,
  StoredDefinition,
  ScopedCount,
  StoredResponse,
  SubmitOutcome,
} from './types';

export type * from './types';
export type * from './count-types';
export type * from './export-rows';
export type * from './export-lines';
export type * from './accounts';
export type * from './audit-log';
export type * from './demo-data';
export type * from './coding-types';
export type * from './readiness';
export type * from './reviews';
export type * from './response-list';
export type * from './api-tokens';
export { REVIEW_STATUSES } from './reviews';
export { AUDIT_ACTIONS } from './audit-log';
export { ROLES } from './accounts';

export interface Store extends CodingStore {
  publishVersions(versions: readonly PublishedVersion[], now: string): PublishConflict[];
  publishedVersion(surveyId: string, version: number): { sha256: string; publishedAt: string } | undefined;
  /** A version published from the workspace, hash and definition in one transaction; false if the number is taken. */
  publishDefinition(definition: StoredDefinition): boolean;
  listPublishedDefinitions(): StoredDefinition[];
  /** Grows with each publication: servers poll it to serve what another server published. */
  countPublishedDefinitions(): number;
  /**
   * Takes the catalog's count plans and export-line layouts (they grow when a version is published while serving):
   * counts of versions whose plan changed are rebuilt, lines of surveys whose layout changed are dropped.
   */
  adoptPlans(countPlans: readonly CountPlan[], exportLayouts: readonly ExportLineLayout[]): AdoptedPlans;
  isSurveyClosed(surveyId: string): boolean;
  surveyClosedAt(surveyId: string): string | undefined;
  setSurveyClosed(surveyId: string, closed: boolean, now: string): void;

  addBriefing(briefing: Briefing, createdAt: string, demo?: boolean): boolean;
  getBriefing(slug: string): Briefing | undefined;
  listBriefings(): Briefing[];
  updateBriefing(slug: string, changes: BriefingChanges, now: string): Briefing | undefined;
  countBriefingResponses(slug: string): number;
  countResponsesPerBriefing(): Map<string, number>;
  countBriefingResponsesByHour(slug: string): BriefingHour[];
  /** The same three counts within a reader's regions (a respondent may change a briefing's prefilled region). */
  briefingResponsesIn(slug: string, regions: readonly string[]): ScopedCount;
  briefingResponsesPerBriefingIn(regions: readonly string[]): Map<string, ScopedCount>;
  briefingResponsesByHourIn(slug: string, regions: readonly string[]): (BriefingHour & ScopedCount)[];

  /** Resolves after the response's transaction committed durably. */
  submitResponse(response: NewResponse): Promise<SubmitOutcome>;
  insertResponses(responses: readonly NewResponse[]): SubmitOutcome[];
  getResponse(id: string): StoredResponse | undefined;
  countResponses(filter: ResponseFilter): number;
  iterateResponses(filter: ResponseFilter): Iterable<StoredResponse>;
  /** A read-only view for exports on its own connection and snapshot; close it when the download ends. */
  openExportReader(): ExportReader;
  /** Renders the stored export lines of responses that lack them, for about `budgetMs` (export-lines.ts). */
  fillExportLines(budgetMs: number): FillReport;
  /** Surveys whose export lines were dropped when the store opened (a new layout), to be rendered again. */
  readonly exportLinesReset: readonly string[];

  /** Sums of answer counts (kept in each insert's transaction) over a filter, grouped; see count-types.ts. */
  tallyAnswers(filter: CountFilter, grouping: TallyGrouping, questions?: readonly string[]): TallyGroup[];
  /** The `questions` tallied per answer to the `by` question (from each response's byte record; yields meanwhile). */
  tallyAnswersByAnswer(filter: CountFilter, by: string, questions: readonly string[]): Promise<TallyGroup[]>;
  /** Responses along one dimension, each with its cell key (the sum of the record keys, disclosure control). */
  countResponsesBy(filter: CountFilter, dimension: CoverageDimension): DimensionCount[];
  listTextAnswers(query: TextQuery): { answers: TextAnswer[]; hasMore: boolean };
  /** Rebuilds the counts of these surveys (default: every survey with a plan) from the responses. */
  recountAnswers(surveyIds?: readonly string[]): RecountReport;
  /** Surveys whose counts were rebuilt when the store opened, because their count plans had changed. */
  readonly countsRebuilt: readonly RecountReport[];

  countUsers(): number;
  addUser(user: NewUser): User | undefined;
  getUser(id: number): User | undefined;
  getUserCredentials(email: string): { user: User; passwordHash: string } | undefined;
  listUsers(): User[];
  updateUser(id: number, changes: UserChanges, now: string, keepSession?: string | null): UpdateUserOutcome;
  rehashPassword(id: number, passwordHash: string): void;
  /** Notes a successful sign-in (the Users section lists it). */
  recordSignIn(id: number, now: string): void;
  addSession(session: NewSession): void;
  getActiveSession(id: string): ActiveSession | undefined;
  touchSession(id: string, now: string): void;
  revokeSession(id: string, now: string): void;

  /** Rows written by `npm run cli -- demo` (demo-data.ts). */
  countDemoData(): DemoDataCount;
  /** Removes exactly those, and what derives from them, in one transaction; rebuilds the counts concerned. */
  removeDemoData(): DemoRemoval;

  /** Appends one action to the audit log (sign-ins, exports, changes to users and briefings). */
  recordAudit(entry: NewAuditEntry): void;
  /** The audit log in time order, filtered; streamed, as it only grows. */
  iterateAudit(query?: AuditQuery): Iterable<AuditEntry>;

  /**
   * Review status of the listed responses, all or none (reviews.ts): `allowed` judges each response's region; a
   * rejection moves a response out of every count in the same transaction, with the audit entry `audit` makes.
   */
  reviewResponses(
    ids: readonly string[],
    change: ReviewChange,
    allowed: (region: string) => boolean,
    audit: (outcomes: ReviewOutcome[]) => NewAuditEntry,
  ): { outcomes: ReviewOutcome[] } | { refused: string; reason: 'not-found' | 'forbidden' };
  getReview(id: string): ResponseReview | null;
  /** Erases a response's contact details (personal data), with the audit entry; undefined: no such response. */
  eraseContacts(
    id: string,
    at: string,
    by: string,
    audit: (erased: boolean) => NewAuditEntry,
  ): { erased: boolean; erasure: ContactErasure } | undefined;
  getContactErasure(id: string): ContactErasure | null;
  /** Whether contact details are kept for this response (their values never leave the store through this). */
  hasContacts(id: string): boolean;
  /** The responses table: one page, newest first, within regions (response-list.ts). */
  listResponses(query: ResponseListQuery): { items: ResponseListItem[]; hasMore: boolean };
  /** responses.jsonl: the next responses in submission order (response-list.ts). */
  pageResponses(query: ResponsePageQuery): ResponseLine[];

  /** Personal read-only API tokens (api-tokens.ts): the store keeps sha256 digests only. */
  addApiToken(token: NewApiToken): ApiToken;
  listApiTokens(userId: number): ApiToken[];
  useApiToken(tokenSha256: string, now: string): ApiToken | undefined;
  revokeApiToken(userId: number, id: number, now: string): 'revoked' | 'already' | 'not-found';

  /** GET /readyz: one committed probe write and the migrations the database lacks (readiness.ts). */
  probeReadiness(now: string): StoreReadiness;

  close(): void;
}

export interface AdoptedPlans {
  countsRebuilt: RecountReport[];
  exportLinesReset: string[];
}

export interface SqliteStoreOptions {
  /** See createGroupCommitter: 0 batches the writes of one event-loop turn. */
  batchWindowMs?: number;
  /** How each survey version's answers are counted (built from the catalog by exports/aggregates/count-plan.ts). */
  countPlans?: readonly CountPlan[];
  /** How long a question-by-question read works between turns of the event loop (default 10 ms). */
  recordSliceMs?: number;
  /** Each survey's default CSV layout, whose lines are stored for fast exports (built by exports/lines.ts). */
  exportLayouts?: readonly ExportLineLayout[];
}

/** The SQLite store, with its connection for what only SQLite can do (backups, the storage-fault tests). */
export type SqliteStore = Store & { db: Db };

export function openSqliteStore(file: string, options: SqliteStoreOptions = {}): SqliteStore {
  mkdirSync(dirname(file), { recursive: true });
  const db = openDatabase(file);
  migrate(db);
  const openReader = () => openReadOnly(file);
  const counts = createAnswerCounts(db, options.countPlans ?? [], openReader, options.recordSliceMs);
  const recount = createRecount(db, counts.layouts, counts.invalidate);
  const countsRebuilt = recount.syncPlans();
  const lines = createExportLines(db, options.exportLayouts ?? []);
  let countPlans = options.countPlans ?? [];
  const exportLinesReset = lines.sync();
  const responses = createResponseStore(db, { ...options, counts, lines });
  const auditLog = createAuditLog(db);
  const reviews = createReviewStore(db, {
    rebuildKeyOf: createKeyRebuild(db, counts.layouts, counts.touched),
    recordAudit: auditLog.recordAudit,
  });
  return {
    db,
    ...createSurveyStore(db),
    ...createBriefingStore(db),
    ...createAccountStore(db),
    ...auditLog,
    ...reviews,
    ...createResponseList(db),
    ...createApiTokenStore(db),
    ...createDemoData(db, recount.recount),
    ...responses,
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
    adoptPlans(plans, exportLayouts) {
      countPlans = plans;
      counts.adoptPlans(plans);
      return { countsRebuilt: recount.syncPlans(), exportLinesReset: lines.adopt(exportLayouts) };
    },
    countsRebuilt,
    openExportReader: () => openExportReader(file),
    fillExportLines: lines.fill,
    exportLinesReset,
    close() {
      responses.flushPendingWrites();
      db.close();
    },
  };
}
