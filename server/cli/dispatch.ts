// Which command runs: the table of the operator's commands, and help for each (help.ts).
import { auditCommand } from './audit';
import { backupCommand } from './backup';
import { briefingsCommand } from './briefings';
import { checkCommand } from './check';
import { recountCommand } from './recount';
import { exportCommand } from './export';
import { asksForHelp, usageOf, USAGE } from './help';
import { importCommand } from './import';
import { demoCommand } from './demo';
import { storeCommand } from './store-copy';
import { surveysCommand } from './surveys';
import { usersCommand } from './users';

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
  store: storeCommand,
  surveys: surveysCommand,
  users: usersCommand,
};

/** Every command's name, in the table's order: the help test walks them all, so a new command cannot miss --help. */
export const COMMAND_NAMES = Object.keys(commands);

export async function runCommand(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  // `help`, `--help`, `-h` and nothing at all: the overview; `help <command>`: that command's usage.
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    const topic = name === 'help' ? rest[0] : undefined;
    if (topic !== undefined && !commands[topic]) {
      console.error(`unknown command "${topic}"\n\n${USAGE}`);
      return 2;
    }
    console.log(topic ? usageOf(topic) : USAGE);
    return 0;
  }
  const command = commands[name];
  if (!command) {
    console.error(`unknown command "${name}"\n\n${USAGE}`);
    return 2;
  }
  if (asksForHelp(rest)) {
    console.log(usageOf(name));
    return 0;
  }
  return command(rest);
}
