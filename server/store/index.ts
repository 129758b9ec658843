// The one door to storage. Routes and the CLI see the Store interface (interface/store.ts: one interface per
// concern, composed); SQLite (sqlite-store.ts) is one implementation of it, so that a PostgreSQL store can be added
// for deployments that outgrow one machine.
export type * from './types';
export type * from './count-types';
export type * from './export-rows';
export type * from './accounts';
export type * from './audit-log';
export type * from './demo-data';
export type * from './coding-types';
export type * from './reviews';
export type * from './response-list';
export { MAX_RESPONSE_IDS, RESPONSE_FLAG_FILTERS } from './response-list';
export type * from './api-tokens';
export type * from './interface/projection';
export type * from './interface/store';
export type * from './interface/catalog-store';
export type * from './interface/briefing-store';
export type * from './interface/response-store';
export type * from './interface/aggregate-store';
export type * from './interface/account-store';
export type * from './interface/sign-in-store';
export type * from './interface/audit-store';
export type * from './interface/coding-store';
export type * from './interface/demo-data-store';
export type * from './interface/readiness-store';
export type * from './interface/review-store';
export type * from './interface/api-token-store';
export { REVIEW_STATUSES } from './reviews';
export { AUDIT_ACTIONS } from './audit-log';
export { ROLES } from './accounts';
export { openSqliteStore, type SqliteStoreOptions } from './sqlite-store';
