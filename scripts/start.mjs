// `npm start`: builds what is stale, then runs the compiled server in this very process. The client is built again
// only when a source that went into it changed (or there is no build), the server likewise; a current build starts
// at once. Running the server here, not as a child, means a signal that npm forwards (SIGTERM from a process
// manager, Ctrl-C) reaches the server itself: nothing is left behind.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { isCurrent, ROOT } from './build-stamp.mjs';

const dist = join(ROOT, 'dist');
const steps = [
  {
    what: 'the browser pages',
    stamp: join(dist, 'client-inputs.json'),
    output: join(dist, 'client', 'respond', 'index.html'),
    command: [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build'],
  },
  {
    what: 'the server',
    stamp: join(dist, 'server-inputs.json'),
    output: join(dist, 'server', 'main.js'),
    command: [join(ROOT, 'scripts', 'build-server.mjs')],
  },
];

for (const step of steps) {
  if (isCurrent(step.stamp, step.output)) continue;
  console.error(`saualnama: building ${step.what} (their sources changed, or there is no build yet)`);
  // The build's chatter goes to stderr: stdout is the server's JSON log.
  const run = spawnSync(process.execPath, step.command, { cwd: ROOT, stdio: ['ignore', 2, 2] });
  if (run.status !== 0) {
    console.error(`saualnama: building ${step.what} failed (see above)`);
    process.exit(1);
  }
}

await import(join(dist, 'server', 'main.js'));
