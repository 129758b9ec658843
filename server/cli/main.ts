// `npm run cli -- <command>`: the operator's tools, using the same code as the server's routes.
import { ConfigError } from '../config';
import { runCommand } from './dispatch';

runCommand(process.argv.slice(2)).then(
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
