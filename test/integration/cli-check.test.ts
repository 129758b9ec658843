// `npm test` runs the survey check as an operator would: the CLI in a child process, exit status and report.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

function runCheck(args: string[] = []) {
  // Without SURVEYS_DIR the CLI reads ./surveys, whatever the environment of the test run says.
  const { SURVEYS_DIR: _ignored, ...env } = process.env;
  return spawnSync(process.execPath, ['--import', 'tsx', 'server/cli/main.ts', 'check', ...args], {
    cwd: ROOT,
    env,
    encoding: 'utf8',
    timeout: 60_000,
  });
}

describe('npm run cli -- check', () => {
  it('exits 0 on the repository surveys and lists each version as passed', () => {
    const run = runCheck();
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/✔ surveys\/roadmap-needs\/v1\.json/);
    expect(run.stdout).toMatch(/✔ surveys\/roadmap-needs\/v2\.json/);
    expect(run.stdout).toMatch(/✔ surveys\/roadmap-needs\/v3\.json/);
    expect(run.stdout).toMatch(/✔ surveys\/briefing-feedback\/v1\.json/);
    expect(run.stdout).toMatch(/0 errors/);
  });

  it('exits 1 with the report on stderr when a surveys folder has untranslated strings', () => {
    const run = runCheck(['--surveys', 'test/fixtures/surveys']);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/✖ test\/fixtures\/surveys\/\S+\.json/);
    expect(run.stderr).toMatch(/is a plain string: it needs default \(English\), kk and ru/);
  });
});
