// `npm run cli -- export` as an operator runs it, beside a running server: the same bytes as the download, the
// zip and dictionary to files, progress on stderr, and refusals that name the flag.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { download, parseCsv, unzip } from '../support/export-download';
import { startExportWorld, type ExportWorld } from '../support/export-server';
import { makeTempDir, REPO_SURVEYS } from '../support/server';

const ROOT = resolve(import.meta.dirname, '../..');
let world: ExportWorld;

beforeAll(async () => {
  world = await startExportWorld();
});
afterAll(() => world.server.close());

function cli(args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'exports/cli.ts', 'export', ...args], {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: world.server.dataDir, SURVEYS_DIR: REPO_SURVEYS },
    encoding: 'buffer',
    timeout: 60_000,
  });
}

describe('npm run cli -- export', () => {
  it('writes the same CSV as the route, with the same filters, and reports rows on stderr', async () => {
    const out = join(makeTempDir(), 'abai.csv');
    const run = cli(['--survey', 'roadmap-needs', '--region', 'KZ-10', '--labels', 'kk', '--out', out]);
    expect(run.stderr.toString()).toMatch(/2 rows in [\d.]+ s/);
    expect(run.status).toBe(0);
    const route = await download(world.server.url, world.cookies.admin, '/api/surveys/roadmap-needs/export.csv?region=KZ-10&labels=kk');
    expect(readFileSync(out).equals(route.body)).toBe(true);
    expect(existsSync(`${out}.partial`)).toBe(false);
  });

  it('writes the CSV to stdout with --out -, personal data only with --pii', () => {
    const plain = cli(['--survey', 'roadmap-needs', '--out', '-']);
    expect(plain.status).toBe(0);
    expect(parseCsv(plain.stdout).header).not.toContain('contact_email');
    const pii = cli(['--survey', 'roadmap-needs', '--pii', '--out', '-']);
    expect(parseCsv(pii.stdout).rows.map((r) => r.contact_email)).toContain('aigul@example.kz');
  });

  it('writes the per-region zip and the data dictionary to files', async () => {
    const dir = makeTempDir();
    expect(cli(['--survey', 'roadmap-needs', '--zip', join(dir, 'all.zip')]).status).toBe(0);
    const files = await unzip(readFileSync(join(dir, 'all.zip')));
    expect(files.size).toBe(22);
    expect(parseCsv(files.get('KZ-55_Pavlodar-Region.csv')!).rows).toHaveLength(1);
    expect(cli(['--survey', 'roadmap-needs', '--version', '2', '--dictionary', join(dir, 'dict.csv')]).status).toBe(0);
    expect(parseCsv(readFileSync(join(dir, 'dict.csv'))).rows.some((r) => r.column === 'online_platforms/none')).toBe(true);
  });

  it('exits 2 naming the flag for a bad region, version, date, survey or a missing target', () => {
    const cases: [string[], RegExp][] = [
      [['--survey', 'roadmap-needs', '--region', 'KZ-99', '--out', '-'], /--region: must be one of the 20 region codes/],
      [['--survey', 'roadmap-needs', '--version', '9', '--out', '-'], /--version: survey "roadmap-needs" has no version 9/],
      [['--survey', 'roadmap-needs', '--from', 'yesterday', '--out', '-'], /--from: must be a date/],
      [['--survey', 'nope', '--out', '-'], /--survey: no survey "nope"/],
      [['--survey', 'roadmap-needs'], /--out: give one of --out, --zip or --dictionary/],
      [['--survey', 'roadmap-needs', '--out', '-', '--colour', 'red'], /Unknown option '--colour'/],
    ];
    for (const [args, message] of cases) {
      const run = cli(args);
      expect(run.status, args.join(' ')).toBe(2);
      expect(run.stderr.toString()).toMatch(message);
      expect(run.stdout.length).toBe(0);
    }
    // Six CLI starts on a two-core machine: more than the default 30 s when the machine is busy.
  }, 120_000);
});
