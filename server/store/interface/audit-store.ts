// The audit log: who did what, when (sign-ins, exports, changes to users, briefings and surveys).
import type { AuditEntry, AuditQuery, NewAuditEntry } from '../audit-log';

export interface AuditStore {
  /** Appends one action to the audit log. */
  recordAudit(entry: NewAuditEntry): Promise<void>;
  /** The audit log in time order, filtered; streamed, as it only grows. */
  iterateAudit(query?: AuditQuery): AsyncIterable<AuditEntry>;
}
