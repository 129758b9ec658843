// Responses: the exactly-once write (POST …/responses, imports, demo data) and the reads exports stream.
import type { ExportReader } from '../export-rows';
import type { FillReport } from './projection';
import type { NewResponse, StoredResponse, SubmitOutcome } from '../types';

export interface ResponseStore {
  /** Resolves after the response's transaction committed durably (group commit: one fsync serves a batch). */
  submitResponse(response: NewResponse): Promise<SubmitOutcome>;
  /** Writes many responses in one transaction (demo data, imports); same idempotency rules. */
  insertResponses(responses: readonly NewResponse[]): Promise<SubmitOutcome[]>;
  getResponse(id: string): Promise<StoredResponse | undefined>;
  /** A read-only view for exports on its own connection and snapshot; close it when the download ends. */
  openExportReader(): Promise<ExportReader>;
  /** Renders the stored export lines of responses that lack them, for about `budgetMs` (export-lines.ts). */
  fillExportLines(budgetMs: number): Promise<FillReport>;
  /** Surveys whose export lines were dropped when the store opened (a new layout), to be rendered again. */
  readonly exportLinesReset: readonly string[];
}
