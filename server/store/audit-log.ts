// The audit log: who signed in or failed to, who exported what with which filters, who created or changed users and
// briefings, who imported unsent answers. Append-only; one row per action, written in its own transaction by the
// route that did the action.
import type { Db } from './db';

export const AUDIT_ACTIONS = [
  'sign-in',
  'sign-in-failed',
  'export',
  'user-created',
  'user-changed',
  'briefing-created',
  'briefing-changed',
  'responses-imported',
  // Coding of free text (server/http/routes/codebooks.ts, coding.ts).
  'code-created',
  'code-changed',
  'codes-merged',
  'answer-coded',
  'rule-applied',
  'quote-chosen',
  'quote-removed',
  // Issue 17: an account's own new password (an admin's reset of someone else's is user-changed), demo data removed,
  // survey versions published and surveys closed or opened from the workspace, and each draft checked (a translator's
  // sheet or a JSON file uploaded: which file fed which published version, though the check itself stores nothing).
  'password-changed',
  'demo-removed',
  'survey-published',
  'survey-closed',
  'survey-opened',
  'survey-draft-checked',
  // Issue 16: review status set (one response or several), contact details erased, API tokens and their every use.
  'response-reviewed',
  'contacts-erased',
  'token-created',
  'token-revoked',
  'token-used',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface NewAuditEntry {
  at: string;
  /** Email of the signed-in user; the email tried, for a failed sign-in. */
  actor: string | null;
  action: AuditAction;
  address: string | null;
  /** What was done: filters of an export, fields of a change. Never a password, hash or answer. */
  details: Record<string, unknown>;
}

export interface AuditEntry extends NewAuditEntry {
  id: number;
}

export interface AuditQuery {
  /** Inclusive lower bound on `at` (ISO 8601). */
  since?: string;
  /** Exclusive upper bound on `at`. */
  until?: string;
  /** An email, any letter case. */
  actor?: string;
  action?: AuditAction;
}

interface AuditRow {
  id: number;
  at: string;
  actor: string | null;
  action: AuditAction;
  address: string | null;
  details: string;
}

const toEntry = (row: AuditRow): AuditEntry => ({
  ...row,
  details: JSON.parse(row.details) as Record<string, unknown>,
});

/** Entries read at a time by iterateAudit. */
const AUDIT_PAGE = 500;

export function createAuditLog(db: Db) {
  const insert = db.prepare(
    'INSERT INTO audit_log (at, actor, action, address, details) VALUES (@at, @actor, @action, @address, @details)',
  );
  // One statement for every query: an absent bound is NULL and matches everything, so no SQL is ever assembled.
  // Read a page at a time after the last (at, id) seen: no statement stays open on the write connection while
  // the caller awaits between entries (a write meanwhile would find the connection busy).
  const select = db.prepare<
    Record<string, string | number | null>,
    AuditRow
  >(`SELECT id, at, actor, action, address, details
    FROM audit_log
    WHERE (@since IS NULL OR at >= @since) AND (@until IS NULL OR at < @until)
      AND (@actor IS NULL OR actor = @actor) AND (@action IS NULL OR action = @action)
      AND (at, id) > (@afterAt, @afterId)
    ORDER BY at, id LIMIT ${AUDIT_PAGE}`);
  return {
    recordAudit(entry: NewAuditEntry): void {
      insert.run({ ...entry, details: JSON.stringify(entry.details) });
    },
    *iterateAudit(query: AuditQuery = {}): Generator<AuditEntry> {
      const params = {
        since: query.since ?? null,
        until: query.until ?? null,
        actor: query.actor ?? null,
        action: query.action ?? null,
      };
      let after: { afterAt: string; afterId: number } = { afterAt: '', afterId: 0 };
      for (;;) {
        const page = select.all({ ...params, ...after });
        for (const row of page) yield toEntry(row);
        if (page.length < AUDIT_PAGE) return;
        const last = page.at(-1)!;
        after = { afterAt: last.at, afterId: last.id };
      }
    },
  };
}
