// `npm run cli -- recount` as an operator runs it, on the data folder of a server that stored responses: it says
// the counts were right, and after the counts are damaged by hand it says so and repairs them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { envelope, exampleAnswers, postResponse } from '../support/answers';
import { runCli } from '../support/cli';
import { FIXTURE_SURVEYS, makeTempDir, startServer, type TestServer } from '../support/server';
import { queryRows } from '../support/stored-data';

let dataDir: string;
let server: TestServer;

const recount = (args: string[] = []) =>
  runCli(['recount', ...args], { dataDir, surveysDir: FIXTURE_SURVEYS });

beforeAll(async () => {
  dataDir = makeTempDir();
  server = await startServer({ dataDir });
  for (const region of ['KZ-10', 'KZ-10', 'KZ-55']) {
    const r = await postResponse(server.url, envelope({}, exampleAnswers({ region })));
    expect(r.status).toBe(201);
  }
});
afterAll(() => server.close());

describe('npm run cli -- recount', () => {
  it('says the counts kept at each insert were right', async () => {
    const run = await recount(['--survey', 'example']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('recounted 3 responses of example');
    expect(run.stdout).toContain('the counts were right: nothing differed');
  });

  it('finds counts damaged by hand, says how many rows differed, and repairs them', async () => {
    await queryRows(
      dataDir,
      "UPDATE answer_counts SET responses = responses + 5 WHERE survey_id = 'example' AND region = 'KZ-55'",
    );
    const run = await recount();
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/the counts differed and are repaired: 1 count rows/);
    expect((await recount()).stdout).toContain('nothing differed');
  });

  it('refuses a survey the catalog does not have', async () => {
    const run = await recount(['--survey', 'nope']);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('no survey "nope"');
  });
});
