// The one door to storage, composed of one interface per concern. Routes and the CLI see these (a route that
// needs one concern may take just that part); SQLite (../sqlite-store.ts) implements them, and a PostgreSQL engine
// implements the same.
import type { AccountStore } from './account-store';
import type { ApiTokenStore } from './api-token-store';
import type { AggregateStore } from './aggregate-store';
import type { AuditStore } from './audit-store';
import type { BriefingStore } from './briefing-store';
import type { CatalogStore } from './catalog-store';
import type { CodingStore } from './coding-store';
import type { DemoDataStore } from './demo-data-store';
import type { ProjectionStore } from './projection';
import type { ReadinessStore } from './readiness-store';
import type { ResponseStore } from './response-store';
import type { ReviewStore } from './review-store';
import type { SignInStore } from './sign-in-store';

export interface Store
  extends
    CatalogStore,
    BriefingStore,
    ResponseStore,
    ReviewStore,
    AggregateStore,
    AccountStore,
    SignInStore,
    ApiTokenStore,
    AuditStore,
    CodingStore,
    DemoDataStore,
    ReadinessStore,
    ProjectionStore {
  /** Writes what is queued (group commit) and closes the database; the store is unusable afterwards. */
  close(): Promise<void>;
}
