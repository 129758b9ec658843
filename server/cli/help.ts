// Usage texts of the operator's commands: `help`, `--help`, `help <command>` and `<command> --help` all print one
// on stdout and exit 0 (a mistake prints it on stderr and exits 2).
import { USAGE as AUDIT_USAGE } from './audit';
import { USAGE as BACKUP_USAGE } from './backup';
import { USAGE as DEMO_USAGE } from './demo';
import { EXPORT_USAGE } from './export';
import { USAGE as IMPORT_USAGE } from './import';
import { USAGE as STORE_USAGE } from './store-copy';
import { USAGE as USERS_USAGE } from './users';

export const USAGE = `usage: npm run cli -- <command> [options]

  briefings add --slug <slug> --survey <id> --region <KZ-xx> --city <city> --date <YYYY-MM-DD>
                --title-kk <text> --title-ru <text> --title-en <text>
  briefings list
  surveys close <id> | surveys open <id> | surveys list
  check [--surveys <dir>]       every survey version loads, keeps its names' meanings, has kk, ru and en
  recount [--survey <id>]       rebuild the answer counts behind the charts from the responses; says if any differed
  export --survey <id> [--region ..] [--version ..] [--briefing ..] [--from ..] [--to ..] [--labels values|kk|ru|en]
         [--choices columns|joined] [--pii] (--out file.csv | --zip file.zip | --dictionary file.csv)
  demo --responses N [--survey roadmap-needs] [--seed S] [--workers W]
                                synthetic, validated responses over the 20 regions and the demo briefings
  demo --remove                 every response and briefing a demo run wrote, and nothing else
  users add <email> --role admin|analyst|author [--regions KZ-10,KZ-55] [--password-stdin]
  users list | users disable <email> | users enable <email> | users password <email> [--password-stdin]
  audit [--since 2024-03-01|7d] [--until ..] [--actor <email>] [--action export|sign-in|..] [--json]
                                who signed in (or failed), exported what with which filters, changed users and briefings
  backup <file> [--force]       a checked copy of the database while the server runs (restoring: backup --help)
  import <file.json> [...]      answers phones saved as "unsent answers" files, judged as the server judges a POST
  store copy --to postgres://…  move the SQLite database into an empty PostgreSQL database, proved equal

Environment: DATA_DIR (default ./data), SURVEYS_DIR (default ./surveys), DATABASE_URL (PostgreSQL instead).`;

/** Commands whose own usage says more than their lines of the overview (options, exit codes, how to restore). */
const DETAILED: Partial<Record<string, string>> = {
  audit: AUDIT_USAGE,
  backup: BACKUP_USAGE,
  demo: DEMO_USAGE,
  export: EXPORT_USAGE,
  import: IMPORT_USAGE,
  store: STORE_USAGE,
  users: USERS_USAGE,
};

/** A command's usage: its own text, else its lines of the overview (with their continuation lines). */
export function usageOf(command: string): string {
  const detailed = DETAILED[command];
  if (detailed) return detailed;
  const lines: string[] = [];
  let inside = false;
  for (const line of USAGE.split('\n')) {
    if (/^ {2}\S/.test(line)) inside = line.trim() === command || line.trim().startsWith(`${command} `);
    else if (!/^ {3,}\S/.test(line)) inside = false;
    if (inside) lines.push(line);
  }
  return `usage: npm run cli -- …\n\n${lines.join('\n')}`;
}

/** `--help` or `-h` among a command's arguments (before a `--` that ends the options). */
export function asksForHelp(args: readonly string[]): boolean {
  const end = args.indexOf('--');
  return (end === -1 ? args : args.slice(0, end)).some((a) => a === '--help' || a === '-h');
}
