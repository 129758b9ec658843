// Start-up refusals: a published survey file that changed stops the server with a message that names the file.
// (A new file that fails the checks is only left out: catalog-refused.test.ts.)
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copySurveys, makeTempDir, startServer } from '../support/server';

const ROOT = resolve(import.meta.dirname, '../..');

function runMain(env: Record<string, string>) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', ...env },
    encoding: 'utf8',
    timeout: 20_000,
  });
}

describe('server start-up', () => {
  it('refuses to start when a published v1.json changed, naming the file and saying to add v2.json', async () => {
    const surveysDir = copySurveys();
    const dataDir = makeTempDir();
    const first = await startServer({ surveysDir, dataDir });
    await first.close();

    const file = join(surveysDir, 'example', 'v1.json');
    const definition = JSON.parse(readFileSync(file, 'utf8'));
    definition.title.default = 'Reworded after publication';
    writeFileSync(file, JSON.stringify(definition));

    const run = runMain({ DATA_DIR: dataDir, SURVEYS_DIR: surveysDir });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/example\/v1\.json changed after it was published/);
    expect(run.stderr).toMatch(/add v2\.json instead/);
  });

  it('starts again when the published file is only reformatted', async () => {
    const surveysDir = copySurveys();
    const dataDir = makeTempDir();
    await (await startServer({ surveysDir, dataDir })).close();
    const file = join(surveysDir, 'example', 'v1.json');
    writeFileSync(file, JSON.stringify(JSON.parse(readFileSync(file, 'utf8'))));
    const again = await startServer({ surveysDir, dataDir });
    await again.close();
  });
});
