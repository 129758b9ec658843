// The one door to storage. Routes and the CLI see the Store interface; SQLite is one implementation of it,
// so that a PostgreSQL store can be added for deployments that outgrow one machine.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { createBriefingStore } from './briefings';
import { openDatabase, type Db } from './db';
import { openExportReader, type ExportReader } from './export-rows';
import { migrate } from './migrate';
import { createResponseStore } from './responses';
import { createSurveyStore } from './surveys';
import type {
  Briefing,
  NewResponse,
  PublishConflict,
  PublishedVersion,
  ResponseFilter,
  StoredResponse,
  SubmitOutcome,
} from './types';

export type * from './types';
export type * from './export-rows';

export interface Store {
  publishVersions(versions: readonly PublishedVersion[], now: string): PublishConflict[];
  isSurveyClosed(surveyId: string): boolean;
  setSurveyClosed(surveyId: string, closed: boolean, now: string): void;

  addBriefing(briefing: Briefing, createdAt: string): boolean;
  getBriefing(slug: string): Briefing | undefined;
  listBriefings(): Briefing[];

  /** Resolves after the response's transaction committed durably. */
  submitResponse(response: NewResponse): Promise<SubmitOutcome>;
  insertResponses(responses: readonly NewResponse[]): SubmitOutcome[];
  getResponse(id: string): StoredResponse | undefined;
  countResponses(filter: ResponseFilter): number;
  iterateResponses(filter: ResponseFilter): Iterable<StoredResponse>;
  /** A read-only view for exports on its own connection and snapshot; close it when the download ends. */
  openExportReader(): ExportReader;

  close(): void;
}

export interface SqliteStoreOptions {
  /** See createGroupCommitter: 0 batches the writes of one event-loop turn. */
  batchWindowMs?: number;
}

export function openSqliteStore(file: string, options: SqliteStoreOptions = {}): Store & { db: Db } {
  mkdirSync(dirname(file), { recursive: true });
  const db = openDatabase(file);
  migrate(db);
  const responses = createResponseStore(db, options);
  return {
    db,
    ...createSurveyStore(db),
    ...createBriefingStore(db),
    ...responses,
    openExportReader: () => openExportReader(file),
    close() {
      responses.flushPendingWrites();
      db.close();
    },
  };
}
