// Publishing a survey version from the workspace (issue 17): POST /api/surveys/:id/versions stores the definition
// and its hash in the database; this server serves it at once, another server on the same database within seconds,
// both after a restart; a file in surveys/ with the same number and other content stops the start, naming both.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { boot, StartupError } from '../../server/boot';
import { envelope, exampleAnswers, postResponse } from '../support/answers';
import { createUser, fetchAs, sendJson, signIn } from '../support/auth';
import { copySurveys, makeTempDir, startServer, type TestServer } from '../support/server';
import { collect } from '../support/collect';
import { databaseUrlFor } from '../support/test-database';

const PASSWORD = 'correct horse 1';
const servers: TestServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

async function start(surveysDir: string, dataDir: string): Promise<TestServer> {
  const server = await startServer({ surveysDir, dataDir });
  servers.push(server);
  return server;
}

/** The example survey's v1 with its role question reworded: a v2 an admin would publish. */
function reworded(surveysDir: string): Record<string, unknown> {
  const definition = JSON.parse(readFileSync(join(surveysDir, 'example', 'v1.json'), 'utf8'));
  definition.pages[0].elements[1].title.kk = 'Брифингтегі рөліңіз';
  return definition;
}

async function adminOf(server: TestServer, role: 'admin' | 'analyst' = 'admin'): Promise<string> {
  const email = `${role}-${servers.length}@example.kz`;
  await createUser(server.store, { email, role, password: PASSWORD });
  return signIn(server.url, email, PASSWORD);
}

const publish = (server: TestServer, cookie: string, body: unknown, survey = 'example') =>
  sendJson(server.url, cookie, 'POST', `/api/surveys/${survey}/versions`, body);

async function newestVersion(url: string): Promise<{ version: number; definition: any }> {
  return (await (await fetch(`${url}/api/surveys/example`)).json()) as { version: number; definition: any };
}

describe('POST /api/surveys/:id/versions', () => {
  it('publishes the next version, served at once without a restart, counted and exported, and audit-logged', async () => {
    const surveysDir = copySurveys();
    const server = await start(surveysDir, makeTempDir());
    const admin = await adminOf(server);
    const definition = reworded(surveysDir);

    const res = await publish(server, admin, { version: 2, definition });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({
      id: 'example',
      version: 2,
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });

    const newest = await newestVersion(server.url);
    expect(newest.version).toBe(2);
    expect(newest.definition.pages[0].elements[1].title.kk).toBe('Брифингтегі рөліңіз');
    // The published JSON comes back as it was sent (key order kept), for the v2.json an admin commits.
    const v2 = await (await fetch(`${server.url}/api/surveys/example/versions/2`)).json();
    expect(JSON.stringify(v2.definition)).toBe(JSON.stringify(definition));

    expect((await postResponse(server.url, envelope({ version: 2 }))).status).toBe(201);
    expect((await postResponse(server.url, envelope({ version: 1 }))).status).toBe(201);
    // Counted by the dashboard's counts and in the CSV, like a version loaded at start-up.
    const [all] = await server.store.tallyAnswers({ surveyId: 'example', versions: [2] }, { by: 'all' });
    expect(all?.versions.map((v) => [v.version, v.responses])).toEqual([[2, 1]]);
    const csv = await (await fetchAs(server.url, admin, '/api/surveys/example/export.csv')).text();
    expect(csv.trim().split('\n')).toHaveLength(3);

    const audit = (await collect(server.store.iterateAudit())).filter((e) => e.action === 'survey-published');
    expect(audit).toHaveLength(1);
    expect(audit[0]?.details).toMatchObject({ survey: 'example', version: 2 });
    expect(audit[0]?.actor).toMatch(/^admin-/);
  });

  it('answers 409 when the previewed number was published meanwhile, and 422 naming the errors of a bad draft', async () => {
    const surveysDir = copySurveys();
    const server = await start(surveysDir, makeTempDir());
    const admin = await adminOf(server);
    expect((await publish(server, admin, { version: 2, definition: reworded(surveysDir) })).status).toBe(201);

    const again = await publish(server, admin, { version: 2, definition: reworded(surveysDir) });
    expect(again.status).toBe(409);
    expect(again.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect((await again.json()).detail).toMatch(/next is v3/);

    const noRegion = reworded(surveysDir);
    (noRegion.pages as { elements: unknown[] }[])[0]!.elements.shift();
    const bad = await publish(server, admin, { version: 3, definition: noRegion });
    expect(bad.status).toBe(422);
    const problem = await bad.json();
    expect(problem.type).toMatch(/draft-has-errors/);
    expect(JSON.stringify(problem.errors)).toMatch(/has no question named \\"region\\"/);
    expect((await newestVersion(server.url)).version).toBe(2);

    const shapeless = await publish(server, admin, { definition: reworded(surveysDir) });
    expect(shapeless.status).toBe(400);
    expect((await shapeless.json()).errors).toEqual([expect.objectContaining({ question: 'version' })]);
  });

  it('publishes a draft whose findings are warnings only: warnings do not block, errors do', async () => {
    const surveysDir = copySurveys();
    const server = await start(surveysDir, makeTempDir());
    const admin = await adminOf(server);
    // A survey-level property newer SurveyJS Creators write: survey-core does not know it, nothing answers change.
    const definition = { ...reworded(surveysDir), aiHint: 'written by a newer Creator' };
    const draft = await sendJson(server.url, admin, 'POST', '/api/surveys/example/drafts', definition);
    expect(draft.status).toBe(200);
    const checked = (await draft.json()) as {
      errors: number;
      warnings: number;
      findings: { severity: string; message: string }[];
    };
    expect(checked).toMatchObject({ errors: 0, warnings: 1 });
    expect(checked.findings).toEqual([
      expect.objectContaining({ severity: 'warning', message: expect.stringMatching(/aiHint/) }),
    ]);
    expect((await publish(server, admin, { version: 2, definition })).status).toBe(201);
    expect((await newestVersion(server.url)).version).toBe(2);
  });

  it('is for admins only', async () => {
    const surveysDir = copySurveys();
    const server = await start(surveysDir, makeTempDir());
    const analyst = await adminOf(server, 'analyst');
    expect((await publish(server, analyst, { version: 2, definition: reworded(surveysDir) })).status).toBe(
      403,
    );
    const anonymous = await fetch(`${server.url}/api/surveys/example/versions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ version: 2, definition: reworded(surveysDir) }),
    });
    expect(anonymous.status).toBe(401);
    expect((await newestVersion(server.url)).version).toBe(1);
  });

  it('reaches another server on the same database without a restart, and both after one', async () => {
    const surveysDir = copySurveys();
    const dataDir = makeTempDir();
    const first = await start(surveysDir, dataDir);
    const second = await start(surveysDir, dataDir);
    const third = await start(surveysDir, dataDir);
    const admin = await adminOf(first);
    expect((await publish(first, admin, { version: 2, definition: reworded(surveysDir) })).status).toBe(201);

    // A phone that loaded v2 from the first server may send to the second before it looked: it looks then.
    const sent = await postResponse(
      second.url,
      envelope({ version: 2 }, exampleAnswers({ region: 'KZ-11' })),
    );
    expect(sent.status).toBe(201);
    // The third is asked for nothing: its newest version follows by itself (it polls the database every 5 s).
    await expect.poll(async () => (await newestVersion(third.url)).version, { timeout: 15_000 }).toBe(2);

    for (const s of servers.splice(0)) await s.close();
    const restarted = await start(surveysDir, dataDir);
    const newest = await newestVersion(restarted.url);
    expect(newest.version).toBe(2);
    expect(newest.definition.pages[0].elements[1].title.kk).toBe('Брифингтегі рөліңіз');
  });
});

describe('a surveys/ file and a version published in the workspace', () => {
  async function publishedV2(): Promise<{
    surveysDir: string;
    dataDir: string;
    definition: Record<string, unknown>;
  }> {
    const surveysDir = copySurveys();
    const dataDir = makeTempDir();
    const server = await start(surveysDir, dataDir);
    const definition = reworded(surveysDir);
    expect((await publish(server, await adminOf(server), { version: 2, definition })).status).toBe(201);
    for (const s of servers.splice(0)) await s.close();
    return { surveysDir, dataDir, definition };
  }

  it('refuses to start when both are v2 with different content, naming the file, the publication and what to do', async () => {
    const { surveysDir, dataDir, definition } = await publishedV2();
    (definition.pages as { elements: { title: Record<string, string> }[] }[])[0]!.elements[1]!.title.kk =
      'Басқа мәтін';
    writeFileSync(join(surveysDir, 'example', 'v2.json'), JSON.stringify(definition, null, 2));
    let error: unknown;
    try {
      await (await boot({ surveysDir, dataDir, databaseUrl: await databaseUrlFor(dataDir) })).store.close();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(StartupError);
    const message = (error as Error).message;
    expect(message).toMatch(/example\/v2\.json and example v2 \(published in the workspace on .* by admin-/);
    expect(message).toMatch(/different content/);
    expect(message).toMatch(/move the file out of surveys\//);
    expect(message).not.toMatch(/changed after it was published/);
  });

  it('starts when the file is the committed copy of the published version (same content, other formatting)', async () => {
    const { surveysDir, dataDir, definition } = await publishedV2();
    writeFileSync(join(surveysDir, 'example', 'v2.json'), JSON.stringify(definition, null, 4));
    const server = await start(surveysDir, dataDir);
    expect((await newestVersion(server.url)).version).toBe(2);
    expect((await postResponse(server.url, envelope({ version: 2 }))).status).toBe(201);
  });
});
