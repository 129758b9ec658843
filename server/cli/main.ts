// `npm run cli -- <command>`: the operator's tools, using the same code as the server's routes.
import { parseArgs } from 'node:util';
import { ConfigError } from '../config';
import { auditCommand } from './audit';
import { backupCommand } from './backup';
import { briefingsCommand } from './briefings';
import { checkCommand } from './check';
import { recountCommand } from './recount';
import { exportCommand } from './export';
import { importCommand } from './import';
import { demoCommand } from './demo';
import { surveysCommand } from './surveys';
import { usersCommand } from './users';

const USAGE = `usage: npm run cli -- <command> [options]

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
  users add <email> --role admin|analyst|author [--regions KZ-10,KZ-55] [--password-stdin]
  users list | users disable <email> | users enable <email> | users password <email> [--password-stdin]
  audit [--since 2024-03-01|7d] [--until ..] [--actor <email>] [--action export|sign-in|..] [--json]
                                who signed in (or failed), exported what with which filters, changed users and briefings
  backup <file> [--force]       a checked copy of the database while the server runs (restoring: backup --help)
  import <file.json> [...]      answers phones saved as "unsent answers" files, judged as the server judges a POST

Environment: DATA_DIR (default ./data), SURVEYS_DIR (default ./surveys).`;

export type CommandResult = number;

const commands: Record<string, (args: string[]) => CommandResult | Promise<CommandResult>> = {
  audit: auditCommand,
  backup: backupCommand,
  briefings: briefingsCommand,
  check: checkCommand,
  recount: recountCommand,
  export: exportCommand,
  import: importCommand,
  demo: demoCommand,
  surveys: surveysCommand,
  users: usersCommand,
};

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const command = name ? commands[name] : undefined;
  if (!command) {
    const { values } = parseArgs({
      args: argv,
      options: { help: { type: 'boolean', short: 'h' } },
      strict: false,
    });
    console.error(name && !values.help ? `unknown command "${name}"\n\n${USAGE}` : USAGE);
    return name && !values.help ? 2 : 0;
  }
  return command(rest);
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    // A bad setting (server/config.ts) is the operator's to fix: one line naming the variable, usage's exit code.
    if (error instanceof ConfigError) {
      console.error(`error: ${error.message}`);
      process.exit(2);
    }
    console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
