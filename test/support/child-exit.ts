// How a child process ended. Safe to call after it already exited: `once('exit')` attached too late waits forever
// (a short CLI run can end before the test gets to kill it), so an ended child resolves at once from its exit fields.
import type { ChildProcess } from 'node:child_process';

export interface ChildExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export function exitOf(child: ChildProcess): Promise<ChildExit> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  }
  return new Promise((ok) => child.once('exit', (code, signal) => ok({ code, signal })));
}
