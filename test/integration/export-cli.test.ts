// `npm run cli -- export` as an operator runs it, beside a running server: the same bytes as the download, the
// zip and dictionary to files, progress on stderr, and refusals that name the flag.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { download, parseCsv, unzip } from '../support/export-download';
import { startExportWorld, type ExportWorld } from '../support/export-server';
import { makeTempDir, REPO_SURVEYS } from '../support/server';
import { databaseEnv } from '../support/test-database';

const ROOT = resolve(import.meta.dirname, '../..');
let world: ExportWorld;

beforeAll(async () => {
  world = await startExportWorld();
});
afterAll(() => world.server.close());

/**
 * Runs the CLI without blocking this process: the server under test lives here, and an event loop held for seconds
 * lets its keep-alive sockets time out under the next request (ECONNRESET).
 */
async function cli(args: string[]): Promise<{ status: number | null; stdout: Buffer; stderr: Buffer }> {
  const database = await databaseEnv(world.server.dataDir);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/cli/main.ts', 'export', ...args], {
      cwd: ROOT,
      env: { ...process.env, ...database, SURVEYS_DIR: REPO_SURVEYS },
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 60_000,
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', (status) =>
      resolve({ status, stdout: Buffer.concat(out), stderr: Buffer.concat(err) }),
    );
  });
}

// Each CLI start takes seconds on a busy two-core machine: a minute or two per test, not the default 30 s.
describe('npm run cli -- export', { timeout: 120_000 }, () => {
  it('writes the same CSV as the route, with the same filters, and reports rows on stderr', async () => {
    const out = join(makeTempDir(), 'abai.csv');
    const run = await cli(['--survey', 'roadmap-needs', '--region', 'KZ-10', '--labels', 'kk', '--out', out]);
    expect(run.stderr.toString()).toMatch(/2 rows in [\d.]+ s/);
    expect(run.status).toBe(0);
    const route = await download(
      world.server.url,
      world.cookies.admin,
      '/api/surveys/roadmap-needs/export.csv?region=KZ-10&labels=kk',
    );
    expect(readFileSync(out).equals(route.body)).toBe(true);
    expect(existsSync(`${out}.partial`)).toBe(false);
  });

  it('writes the CSV to stdout with --out -, personal data only with --pii', async () => {
    const plain = await cli(['--survey', 'roadmap-needs', '--out', '-']);
    expect(plain.status).toBe(0);
    expect(parseCsv(plain.stdout).header).not.toContain('contact_email');
    const pii = await cli(['--survey', 'roadmap-needs', '--pii', '--out', '-']);
    expect(parseCsv(pii.stdout).rows.map((r) => r.contact_email)).toContain('aigul@example.kz');
  });

  it('writes the per-region zip and the data dictionary to files', async () => {
    const dir = makeTempDir();
    expect((await cli(['--survey', 'roadmap-needs', '--zip', join(dir, 'all.zip')])).status).toBe(0);
    const files = await unzip(readFileSync(join(dir, 'all.zip')));
    expect(files.size).toBe(22);
    expect(parseCsv(files.get('KZ-55_Pavlodar-Region.csv')!).rows).toHaveLength(1);
    expect(
      (await cli(['--survey', 'roadmap-needs', '--version', '2', '--dictionary', join(dir, 'dict.csv')]))
        .status,
    ).toBe(0);
    expect(
      parseCsv(readFileSync(join(dir, 'dict.csv'))).rows.some((r) => r.column === 'online_platforms/none'),
    ).toBe(true);
  });

  it('exits 2 naming the flag for a bad region, version, date, survey or a missing target', async () => {
    const cases: [string[], RegExp][] = [
      [
        ['--survey', 'roadmap-needs', '--region', 'KZ-99', '--out', '-'],
        /--region: must be one of the 20 region codes/,
      ],
      [
        ['--survey', 'roadmap-needs', '--version', '9', '--out', '-'],
        /--version: survey "roadmap-needs" has no version 9/,
      ],
      [['--survey', 'roadmap-needs', '--from', 'yesterday', '--out', '-'], /--from: must be a date/],
      [['--survey', 'nope', '--out', '-'], /--survey: no survey "nope"/],
      [['--survey', 'roadmap-needs'], /--out: give one of --out, --zip or --dictionary/],
      [['--survey', 'roadmap-needs', '--out', '-', '--colour', 'red'], /Unknown option '--colour'/],
    ];
    for (const [args, message] of cases) {
      const run = await cli(args);
      expect(run.status, args.join(' ')).toBe(2);
      expect(run.stderr.toString()).toMatch(message);
      expect(run.stdout.length).toBe(0);
    }
  });
});
