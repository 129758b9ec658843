// `npm run cli -- import` as an operator runs it, on the data folder of a running server: files made by the phone's
// own code are imported with a summary per file and the exit code says whether anything was refused; a wrong file
// is named with what is wrong (exit 2) and nothing at all is imported then.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unsentFile } from '../../client/lib/unsent-file';
import type { ResponseBody } from '../../client/lib/send';
import { envelope, exampleAnswers, postResponse } from '../support/answers';
import { runCli } from '../support/cli';
import { FIXTURE_SURVEYS, makeTempDir, startServer, type TestServer } from '../support/server';
import { countResponsesIn } from '../support/stored-data';

let dataDir: string;
let filesDir: string;
let server: TestServer;

const cli = (args: string[]) => runCli(['import', ...args], { dataDir, surveysDir: FIXTURE_SURVEYS });

/** Writes an unsent-answers file as the respondent page makes it; returns its path. */
function writeFile(
  name: string,
  bodies: Record<string, unknown>[],
  change: (file: object) => object = (f) => f,
): string {
  const file = unsentFile(
    {
      waiting: bodies.map((body) => ({
        surveyId: 'example',
        body: body as unknown as ResponseBody,
        queuedAt: '2024-05-14T09:00:00Z',
      })),
      refused: [],
    },
    new Date('2024-05-14T10:00:00Z'),
    'https://saualnama.example.kz',
  );
  const path = join(filesDir, name);
  writeFileSync(path, JSON.stringify(change(file), null, 2));
  return path;
}

beforeAll(async () => {
  dataDir = makeTempDir();
  filesDir = makeTempDir('saualnama-files-');
  server = await startServer({ dataDir });
});
afterAll(async () => {
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(filesDir, { recursive: true, force: true });
});

describe('npm run cli -- import', () => {
  it('imports a file into the running server’s database and exits 0 when everything is stored', async () => {
    const [a, b] = [envelope(), envelope()];
    expect((await postResponse(server.url, b)).status).toBe(201);
    const run = await cli([writeFile('phone-1.json', [a, b])]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain(
      `phone-1.json (saved 2024-05-14T10:00:00.000Z for https://saualnama.example.kz): 2 responses`,
    );
    expect(run.stdout).toMatch(/stored +1\n +already stored +1\n +conflicts +0\n +refused +0/);
    expect((await server.store.getResponse(String(a.id)))?.answers).toEqual(a.data);
    // The server sees the new answer in its counts as well (another connection committed).
    expect(await countResponsesIn(server.dataDir, { surveyId: 'example' })).toBe(2);
  });

  it('summarises each file, names the question and message of each refusal, and exits 1', async () => {
    const stored = envelope();
    expect((await postResponse(server.url, stored)).status).toBe(201);
    const refused = envelope({}, exampleAnswers({ role: 'astronaut' }));
    const good = envelope();
    const run = await cli([
      writeFile('phone-2.json', [refused, { ...stored, data: exampleAnswers({ cooperation: 1 }) }, good]),
      writeFile('phone-3.json', [good]),
    ]);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(
      /phone-2\.json .*: 3 responses\n +stored +1\n +already stored +0\n +conflicts +1\n +refused +1/,
    );
    expect(run.stdout).toContain(
      `waiting[0] ${String(refused.id)} survey example: refused (422 The answers do not fit the survey)`,
    );
    expect(run.stdout).toMatch(/\n +role: "astronaut" is not one of the choices/);
    expect(run.stdout).toContain(`waiting[1] ${String(stored.id)} survey example: conflict`);
    expect(run.stdout).toMatch(/phone-3\.json .*: 1 responses\n +stored +0\n +already stored +1/);
    expect(await server.store.getResponse(String(good.id))).toBeDefined();
    expect(await server.store.getResponse(String(refused.id))).toBeUndefined();
  });

  it('exits 2 for a file that is not an unsent-answers file, saying which format it expects, and imports nothing', async () => {
    const fine = envelope();
    const csv = join(filesDir, 'answers.csv');
    writeFileSync(csv, 'region,role\nKZ-10,akimat\n');
    const run = await cli([
      writeFile('fine.json', [fine]),
      writeFile('newer.json', [envelope()], (f) => ({ ...f, formatVersion: 2 })),
      csv,
      join(filesDir, 'missing.json'),
    ]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(
      'newer.json: This unsent-answers file has format version 2; this server reads version 1.',
    );
    expect(run.stderr).toMatch(
      /answers\.csv: The file is not JSON .*"format": "saualnama-unsent", "formatVersion": 1/,
    );
    expect(run.stderr).toContain('missing.json: cannot be read (no such file)');
    expect(run.stderr).toContain('nothing was imported');
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(await server.store.getResponse(String(fine.id))).toBeUndefined();
  });

  it('exits 2 with the usage when no file is given', async () => {
    const run = await cli([]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('usage: import <file.json> [more files]');
  });
});
