// "Save my unsent answers to a file": the outbox (and what the server refused) as one JSON file that the
// respondent can hand to the organisers. Each entry carries the survey id and the exact POST body, so an
// admin can upload it later through the same validation (POST /api/surveys/<surveyId>/responses).
import type { Unsent } from './send';

export interface UnsentFile {
  format: 'saualnama-unsent';
  formatVersion: 1;
  exportedAt: string;
  /** The server these answers were meant for. */
  origin: string;
  waiting: Unsent['waiting'];
  refused: Unsent['refused'];
}

export function unsentFile(unsent: Unsent, now: Date, origin: string): UnsentFile {
  return {
    format: 'saualnama-unsent',
    formatVersion: 1,
    exportedAt: now.toISOString(),
    origin,
    waiting: unsent.waiting,
    refused: unsent.refused,
  };
}

/** `saualnama-unsent-2024-05-14.json`, by the phone's own calendar (the day the attendee sees). */
export function unsentFileName(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `saualnama-unsent-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.json`;
}

/** Hands the file to the browser's download: the answers leave the phone only as this file, in the reader's hands. */
export function downloadUnsentFile(unsent: Unsent, now = new Date()): void {
  const file = unsentFile(unsent, now, window.location.origin);
  const blob = new Blob([JSON.stringify(file, null, 2)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = unsentFileName(now);
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later, not at once: some mobile browsers start reading the blob only after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
