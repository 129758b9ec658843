// Every operator command answers --help (and -h) with its usage on stdout and exit 0, before doing anything else;
// `help` and `help <command>` do the same; an unknown command is exit 2 with the overview on stderr. The dispatch
// runs in-process for every command (a process per command would take minutes on a busy machine), and `npm run
// cli` itself for the exit codes and streams.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { COMMAND_NAMES, runCommand } from '../../server/cli/dispatch';
import { runCli } from '../support/cli';
import { makeTempDir } from '../support/server';

// From the dispatch table itself: a command added later gets these tests without anyone remembering them.
const COMMANDS = COMMAND_NAMES;
const dataDir = makeTempDir('saualnama-cli-help-');

/** Runs the CLI's dispatch in this process with stdout and stderr captured. */
async function dispatch(args: string[]) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void stdout.push(a.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void stderr.push(a.join(' ')));
  const status = await runCommand(args);
  vi.restoreAllMocks();
  return { status, stdout: stdout.join('\n'), stderr: stderr.join('\n') };
}
afterEach(() => vi.restoreAllMocks());

describe('npm run cli -- … --help', () => {
  it.each(COMMANDS)(
    '%s: --help, -h and help <command> print its usage on stdout and exit 0',
    async (command) => {
      for (const args of [
        [command, '--help'],
        [command, '-h'],
        ['help', command],
      ]) {
        const r = await dispatch(args);
        expect(r, args.join(' ')).toMatchObject({ status: 0, stderr: '' });
        expect(r.stdout, args.join(' ')).toMatch(/usage/);
        expect(r.stdout, args.join(' ')).toMatch(new RegExp(`\\b${command}\\b`));
      }
    },
  );

  it('walks every command of the dispatch table, the later ones (store, recount, import) included', () => {
    expect(COMMANDS).toEqual(
      expect.arrayContaining(['store', 'recount', 'import', 'demo', 'backup', 'audit']),
    );
  });

  it('takes --help after a subcommand and its options too, and does nothing else', async () => {
    for (const [args, shows] of [
      [['users', 'add', 'a@example.kz', '--role', 'admin', '--help'], 'users add'],
      [['briefings', 'add', '-h'], 'briefings add'],
      [['store', 'copy', '--to', 'postgres://nobody@127.0.0.1:1/none', '--help'], 'store copy'],
      [['demo', '--remove', '--help'], 'demo --remove'],
      [['recount', '--survey', 'example', '-h'], 'recount [--survey'],
    ] as const) {
      const r = await dispatch([...args]);
      expect(r, args.join(' ')).toMatchObject({ status: 0, stderr: '' });
      expect(r.stdout, args.join(' ')).toMatch(/usage/);
      expect(r.stdout, args.join(' ')).toContain(shows);
    }
  });

  it('prints the overview of every command for help, --help, -h and no command at all', async () => {
    for (const args of [['help'], ['--help'], ['-h'], []]) {
      const r = await dispatch(args);
      expect(r.status).toBe(0);
      for (const c of COMMANDS) expect(r.stdout, args.join(' ')).toMatch(new RegExp(`^  ${c}\\b`, 'm'));
    }
  });

  it('as a process: help and backup --help exit 0 with the usage on stdout; an unknown command exits 2', async () => {
    const [help, backup, unknown, helpUnknown] = await Promise.all([
      runCli(['help'], { dataDir, timeout: 100_000 }),
      runCli(['backup', '--help'], { dataDir, timeout: 100_000 }),
      runCli(['frobnicate'], { dataDir, timeout: 100_000 }),
      runCli(['help', 'frobnicate'], { dataDir, timeout: 100_000 }),
    ]);
    expect(help).toMatchObject({ status: 0, stderr: '' });
    expect(help.stdout).toMatch(/^usage: npm run cli -- <command>/);
    expect(backup).toMatchObject({ status: 0, stderr: '' });
    expect(backup.stdout).toMatch(/^usage: backup <file>/);
    for (const r of [unknown, helpUnknown]) {
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/unknown command "frobnicate"[\s\S]*usage/);
    }
  }, 200_000);
});
