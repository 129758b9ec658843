// Published survey versions (their frozen hashes, and the definitions published from the workspace) and surveys
// closed by an admin.
import type { PublishConflict, PublishedVersion, StoredDefinition } from '../types';

export interface CatalogStore {
  /** Records first-seen versions; returns those whose hash differs from the one recorded (nothing is changed). */
  publishVersions(versions: readonly PublishedVersion[], now: string): Promise<PublishConflict[]>;
  publishedVersion(
    surveyId: string,
    version: number,
  ): Promise<{ sha256: string; publishedAt: string } | undefined>;
  /** A version published from the workspace, hash and definition in one transaction; false if the number is taken. */
  publishDefinition(definition: StoredDefinition): Promise<boolean>;
  listPublishedDefinitions(): Promise<StoredDefinition[]>;
  /** Grows with each publication: servers poll it to serve what another server published. */
  countPublishedDefinitions(): Promise<number>;
  isSurveyClosed(surveyId: string): Promise<boolean>;
  surveyClosedAt(surveyId: string): Promise<string | undefined>;
  /**
   * Closes (keeping the first closing time) or opens a survey in one statement; true when this call changed it, so
   * that of two admins closing at once only one is recorded as having closed it.
   */
  setSurveyClosed(surveyId: string, closed: boolean, now: string): Promise<boolean>;
}
