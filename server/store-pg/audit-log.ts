// The audit log on PostgreSQL: append-only, one row per action, shared by every server; read in time order through
// a cursor (it only grows).
import type { AuditAction, AuditEntry, AuditQuery, NewAuditEntry } from '../store/audit-log';
import type { Pool, PoolClient } from './pool';
import { streamRows } from './responses';

interface AuditRow {
  id: number;
  at: string;
  actor: string | null;
  action: AuditAction;
  address: string | null;
  details: string;
}

/** Appends one entry, on the pool or in a caller's transaction (a review and its entry commit together). */
export async function insertAudit(db: Pool | PoolClient, entry: NewAuditEntry): Promise<void> {
  await db.query('INSERT INTO audit_log (at, actor, action, address, details) VALUES ($1, $2, $3, $4, $5)', [
    entry.at,
    entry.actor,
    entry.action,
    entry.address,
    JSON.stringify(entry.details),
  ]);
}

export function createPgAuditLog(pool: Pool) {
  return {
    recordAudit: (entry: NewAuditEntry): Promise<void> => insertAudit(pool, entry),
    /** One statement for every query: an absent bound is NULL and matches everything. */
    iterateAudit(query: AuditQuery = {}): AsyncGenerator<AuditEntry> {
      return streamRows<AuditRow, AuditEntry>(
        pool,
        `SELECT id, at, actor, action, address, details FROM audit_log
         WHERE ($1::text IS NULL OR at >= $1) AND ($2::text IS NULL OR at < $2)
           AND ($3::text IS NULL OR lower(actor) = lower($3)) AND ($4::text IS NULL OR action = $4)
         ORDER BY at, id`,
        [query.since ?? null, query.until ?? null, query.actor ?? null, query.action ?? null],
        (row) => ({ ...row, details: JSON.parse(row.details) as Record<string, unknown> }),
      );
    },
  };
}
