// Looks at a Saualnama database file from outside, as an auditor would: SQLite's own integrity and foreign-key
// checks, what the answer tables hold, a fingerprint to prove a request changed nothing, and a recount of the counts.
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { boot, DATABASE_FILE } from '../../server/boot';
import type { RecountReport } from '../../server/store';

/** Tables a respondent's or a reader's request could change; sessions and the audit log move on their own. */
export const ANSWER_TABLES = [
  'responses',
  'response_contacts',
  'answer_counts',
  'answer_records',
  'briefings',
  'users',
] as const;

export interface DatabaseHealth {
  integrity: string;
  foreignKeyViolations: number;
  responses: number;
  contacts: number;
}

function openReadOnly(dataDir: string): Database.Database {
  return new Database(join(dataDir, DATABASE_FILE), { readonly: true, fileMustExist: true });
}

/** `PRAGMA integrity_check` (ok is "ok"), `foreign_key_check` (a contact row without its response counts here). */
export function databaseHealth(dataDir: string): DatabaseHealth {
  const db = openReadOnly(dataDir);
  try {
    const integrity = (db.pragma('integrity_check') as { integrity_check: string }[])
      .map((r) => r.integrity_check)
      .join('; ');
    const count = (table: string) => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
    return {
      integrity,
      foreignKeyViolations: (db.pragma('foreign_key_check') as unknown[]).length,
      responses: count('responses'),
      contacts: count('response_contacts'),
    };
  } finally {
    db.close();
  }
}

/** sha256 over every row of the answer tables, in key order: equal before and after means nothing changed. */
export function answerTablesFingerprint(dataDir: string): string {
  const db = openReadOnly(dataDir);
  try {
    const hash = createHash('sha256');
    for (const table of ANSWER_TABLES) {
      hash.update(`\u0000${table}\u0000`);
      for (const row of db.prepare(`SELECT * FROM ${table} ORDER BY 1, 2`).raw().iterate())
        hash.update(JSON.stringify(row, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('base64') : v)));
    }
    return hash.digest('hex');
  } finally {
    db.close();
  }
}

/** Every stored response: id → its answers text and content hash, plus whether contacts were stored apart. */
export function storedResponses(
  dataDir: string,
): Map<string, { answers: Record<string, unknown>; hasContacts: boolean }> {
  const db = openReadOnly(dataDir);
  try {
    const rows = db
      .prepare<[], { id: string; answers: string; contacts: number }>(
        'SELECT id, answers, EXISTS (SELECT 1 FROM response_contacts c WHERE c.response_id = r.id) AS contacts FROM responses r',
      )
      .all();
    return new Map(
      rows.map((r) => [
        r.id,
        { answers: JSON.parse(r.answers) as Record<string, unknown>, hasContacts: r.contacts === 1 },
      ]),
    );
  } finally {
    db.close();
  }
}

/**
 * Rebuilds the answer counts from the responses (as `npm run cli -- recount` does) and reports what differed: a
 * response stored without its counts, or counts without their response, shows up as a differing key or chunk.
 */
export async function recountReport(dataDir: string, surveysDir: string): Promise<RecountReport> {
  const { store, catalog } = await boot({ dataDir, surveysDir });
  try {
    return await store.recountAnswers(catalog.surveys.map((s) => s.id));
  } finally {
    await store.close();
  }
}
