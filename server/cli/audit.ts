// `audit [--since …] [--until …] [--actor email] [--action name] [--json]`: reads the audit log (sign-ins, failed
// sign-ins, exports with their filters, changes to users and briefings), oldest first, one line per action.
import { kazakhstanDay, kazakhstanMidnight } from '../domain/kazakhstan-time';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DATABASE_FILE } from '../boot';
import { cliConfig } from './open';
import { AUDIT_ACTIONS, openSqliteStore, type AuditAction, type AuditEntry, type Store } from '../store';
import { openPostgresStore } from '../store-pg';

export const USAGE = `usage: audit [--since 2024-03-01|7d|12h] [--until 2024-04-01] [--actor <email>] [--action <name>] [--json]

  --since, --until   a date (UTC+5 midnight, as the exports count days), an ISO 8601 time, or a span back from now
  --actor            one account's actions (for a failed sign-in: the email that was tried)
  --action           ${AUDIT_ACTIONS.join(', ')}
  --json             one JSON object per line, for tools`;

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const SPAN = /^(\d{1,5})([dh])$/;

/** `2024-03-01` (that day in Kazakhstan), `2024-03-01T09:00:00Z`, or `7d` / `12h` before `now`; else undefined. */
export function parseInstant(text: string, now: Date): string | undefined {
  const span = SPAN.exec(text);
  if (span)
    return new Date(
      now.getTime() - Number(span[1]) * (span[2] === 'd' ? 86_400_000 : 3_600_000),
    ).toISOString();
  const ms = Date.parse(DATE_ONLY.test(text) ? kazakhstanMidnight(text) : text);
  // Date.parse would take 2024-02-30 for 1 March: the date must come back as it was written.
  if (Number.isNaN(ms) || (DATE_ONLY.test(text) && kazakhstanDay(ms) !== text)) return undefined;
  return new Date(ms).toISOString();
}

function line(e: AuditEntry): string {
  return [e.at, e.actor ?? '-', e.action, e.address ?? '-', JSON.stringify(e.details)].join('  ');
}

export async function auditCommand(args: string[], now = new Date()): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        since: { type: 'string' },
        until: { type: 'string' },
        actor: { type: 'string' },
        action: { type: 'string' },
        json: { type: 'boolean', default: false },
      },
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const since = values.since === undefined ? undefined : parseInstant(values.since, now);
  const until = values.until === undefined ? undefined : parseInstant(values.until, now);
  const problems = [
    values.since !== undefined &&
      since === undefined &&
      `--since: "${values.since}" is not a date, a time or a span such as 7d`,
    values.until !== undefined &&
      until === undefined &&
      `--until: "${values.until}" is not a date, a time or a span such as 7d`,
    values.action !== undefined &&
      !(AUDIT_ACTIONS as readonly string[]).includes(values.action) &&
      `--action: "${values.action}" is not one of ${AUDIT_ACTIONS.join(', ')}`,
  ].filter((p): p is string => typeof p === 'string');
  if (problems.length > 0) {
    console.error([...problems, USAGE].join('\n'));
    return 2;
  }

  const config = cliConfig();
  const file = join(config.dataDir, DATABASE_FILE);
  // Reading must not create an empty database where the operator mistyped DATA_DIR (DATABASE_URL names one).
  if (!config.databaseUrl && !existsSync(file)) {
    console.error(`no database at ${file}: set DATA_DIR to the server's data folder`);
    return 1;
  }
  // The store alone, without the survey catalog: the log must stay readable whatever state the surveys are in.
  const store: Store = config.databaseUrl
    ? await openPostgresStore(config.databaseUrl)
    : openSqliteStore(file);
  try {
    let count = 0;
    const query = {
      ...(since !== undefined && { since }),
      ...(until !== undefined && { until }),
      ...(values.actor !== undefined && { actor: values.actor.trim() }),
      ...(values.action !== undefined && { action: values.action as AuditAction }),
    };
    for await (const entry of store.iterateAudit(query)) {
      console.log(values.json ? JSON.stringify(entry) : line(entry));
      count++;
    }
    console.error(`${count.toLocaleString('en-US')} audit entr${count === 1 ? 'y' : 'ies'}`);
    return 0;
  } finally {
    await store.close();
  }
}
