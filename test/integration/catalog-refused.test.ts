// A survey file the server cannot serve is left out at start-up and named (in the log and for admins); the other
// surveys are served. A published file that changed still stops the start: that is integrity, not a bad file.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createUser, fetchAs, signIn } from '../support/auth';
import { ROOT, spawnServer, type ChildServer } from '../support/child-server';
import { copySurveys, makeTempDir, startServer, type TestServer } from '../support/server';
import { databaseEnv } from '../support/test-database';

/** A copy of the fixtures plus `work-order/v1.json`: valid but for a signaturepad and a file question. */
function surveysWithOneUnservable(): string {
  const dir = copySurveys();
  const definition = JSON.parse(readFileSync(join(dir, 'example', 'v1.json'), 'utf8'));
  definition.aiHint = 'Work order with a signature'; // an unknown survey-level property: only a warning
  definition.pages[2].elements.push(
    { type: 'signaturepad', name: 'signature' },
    { type: 'file', name: 'photo' },
  );
  mkdirSync(join(dir, 'work-order'));
  writeFileSync(join(dir, 'work-order', 'v1.json'), JSON.stringify(definition));
  return dir;
}

let child: ChildServer | undefined;
let server: TestServer | undefined;
afterEach(async () => {
  child?.child.kill('SIGTERM');
  await child?.exited;
  await server?.close();
  child = server = undefined;
});

describe('start-up with a survey file that cannot be served', () => {
  it('starts, serves the other surveys, and logs the refused file with its reasons', async () => {
    child = await spawnServer({ DATA_DIR: makeTempDir(), SURVEYS_DIR: surveysWithOneUnservable() });
    const list = (await (await fetch(`${child.url}/api/surveys`)).json()) as { id: string }[];
    expect(list.map((s) => s.id).sort()).toEqual(['example', 'kitchen-sink']);
    expect((await fetch(`${child.url}/api/surveys/example`)).status).toBe(200);
    expect((await fetch(`${child.url}/api/surveys/work-order`)).status).toBe(404);
    const output = child.output();
    expect(output).toMatch(/refused .*work-order\/v1\.json: question "signature" is of type signaturepad/);
    expect(output).toMatch(/refused .*work-order\/v1\.json: question "photo" is of type file/);
    // aiHint is a warning, not one of the reasons
    expect(output).toMatch(/warning: .*work-order\/v1\.json: .*'aiHint'/);
    expect(output).not.toMatch(/refused .*aiHint/);
  });

  it('lists the refused file for admins, and only for admins', async () => {
    server = await startServer({ surveysDir: surveysWithOneUnservable() });
    await createUser(server.store, { email: 'admin@example.kz', role: 'admin', password: 'correct horse 1' });
    await createUser(server.store, { email: 'an@example.kz', role: 'analyst', password: 'correct horse 1' });
    const admin = await signIn(server.url, 'admin@example.kz', 'correct horse 1');
    const res = await fetchAs(server.url, admin, '/api/catalog/refused');
    expect(res.status).toBe(200);
    const refused = (await res.json()) as {
      file: string;
      surveyId: string;
      version: number;
      reasons: string[];
    }[];
    expect(refused).toHaveLength(1);
    expect(refused[0]).toMatchObject({ surveyId: 'work-order', version: 1 });
    expect(refused[0]?.file).toMatch(/work-order\/v1\.json$/);
    expect(refused[0]?.reasons.join('\n')).toMatch(/"signature".*signaturepad/);
    const analyst = await signIn(server.url, 'an@example.kz', 'correct horse 1');
    expect((await fetchAs(server.url, analyst, '/api/catalog/refused')).status).toBe(403);
    expect((await fetch(`${server.url}/api/catalog/refused`)).status).toBe(401);
  });

  it('still refuses to start when a published file was changed into one that fails the checks', async () => {
    const surveysDir = copySurveys();
    const dataDir = makeTempDir();
    await (await startServer({ surveysDir, dataDir })).close();
    writeFileSync(join(surveysDir, 'example', 'v1.json'), '{ "broken": ');
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      cwd: ROOT,
      env: { ...process.env, PORT: '0', ...(await databaseEnv(dataDir)), SURVEYS_DIR: surveysDir },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/example\/v1\.json changed after it was published/);
    expect(run.stderr).toMatch(/add v2\.json instead/);
  });
});
