// Hostile input against every public and signed-in route (the table in test/support/hostile-cases.ts): each request
// gets its status and a problem+json body naming the problem, with no stack, path or SQL, no prototype is polluted,
// and the answer tables are byte-for-byte unchanged. Then hostile-looking text that is valid: stored verbatim.
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { envelope, exampleAnswers, postResponse } from '../support/answers';
import { createUser, fetchAs, signIn } from '../support/auth';
import { answerTablesHash } from '../support/stored-data';
import {
  HOSTILE_CASES,
  KITCHEN_BASE,
  stored,
  type Account,
  type HostileCase,
} from '../support/hostile-cases';
import { parseCsv } from '../support/export-download';
import { startServer, type TestServer } from '../support/server';

const PASSWORD = 'Birgemiz-2024-jyl';
let server: TestServer;
const cookies = {} as Record<Account, string>;

beforeAll(async () => {
  server = await startServer();
  await server.store.addBriefing(
    {
      slug: 'semey-2023',
      surveyId: 'example',
      region: 'KZ-10',
      city: 'Semey',
      date: '2023-09-15',
      title: { kk: 'С', ru: 'С', en: 'S' },
      opensAt: null,
      closesAt: null,
      closedAt: null,
    },
    new Date().toISOString(),
  );
  await createUser(server.store, { email: 'admin@example.kz', role: 'admin', password: PASSWORD });
  await createUser(server.store, {
    email: 'abai@example.kz',
    role: 'analyst',
    regions: ['KZ-10'],
    password: PASSWORD,
  });
  cookies.admin = await signIn(server.url, 'admin@example.kz', PASSWORD);
  cookies.abai = await signIn(server.url, 'abai@example.kz', PASSWORD);
  // The valid bases the table breaks one field at a time: if they were refused, every 422 below would prove nothing.
  expect((await postResponse(server.url, stored.body)).status).toBe(201);
  expect((await postResponse(server.url, envelope({}, KITCHEN_BASE), 'kitchen-sink')).status).toBe(201);
});
afterAll(() => server.close());

/** node:http rather than fetch: fetch normalises `..` and `%2e%2e` away before they could reach the server. */
function send(c: HostileCase): Promise<{ status: number; headers: Record<string, unknown>; text: string }> {
  const body = typeof c.body === 'function' ? (c.body as () => unknown)() : c.body;
  const bytes =
    body === undefined
      ? undefined
      : typeof body === 'string' || Buffer.isBuffer(body)
        ? body
        : JSON.stringify(body);
  const { hostname, port, origin } = new URL(server.url);
  const headers: Record<string, string> = {
    ...(bytes !== undefined && { 'content-type': 'application/json' }),
    ...(c.as && { cookie: cookies[c.as], origin }),
    ...c.headers,
  };
  for (const [name, value] of Object.entries(headers)) if (value === '') delete headers[name];
  return new Promise((ok, fail) => {
    const req = request(
      { hostname, port, method: c.method ?? (bytes === undefined ? 'GET' : 'POST'), path: c.path, headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          ok({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString() }),
        );
      },
    );
    // The server may answer 413 and close before the whole body is sent; the answer still arrives.
    req.on('error', (error: NodeJS.ErrnoException) =>
      error.code === 'EPIPE' || error.code === 'ECONNRESET' ? undefined : fail(error),
    );
    req.end(bytes);
  });
}

const LEAKS =
  /at \S+ \(|\.ts:\d+|node_modules|\/work\/|\/tmp\/|SQLITE|SqliteError|SELECT |INSERT |UPDATE |TypeError|ReferenceError/;

describe('hostile input', () => {
  it('has at least 60 cases over the public and signed-in routes', () => {
    expect(HOSTILE_CASES.length).toBeGreaterThanOrEqual(60);
    const routes = new Set(
      HOSTILE_CASES.map((c) => c.path.split('?')[0]!.replace(/\/(%|\.\.|[^/]{40,}).*$/, '')),
    );
    expect(routes.size).toBeGreaterThanOrEqual(20);
  });

  it.each(HOSTILE_CASES.map((c) => [c.name, c] as const))(
    'refuses it when %s, and changes nothing',
    async (_name, c) => {
      const before = await answerTablesHash(server.dataDir);
      const r = await send(c);
      expect(r.status, r.text.slice(0, 300)).toBe(c.status);
      expect(r.headers['content-type']).toMatch(/^application\/problem\+json; charset=utf-8$/);
      const problem = JSON.parse(r.text) as {
        type: string;
        title: string;
        status: number;
        detail: string;
        errors?: { question: string }[];
      };
      expect(problem).toMatchObject({
        type: `/problems/${c.type}`,
        status: c.status,
        title: expect.any(String),
        detail: expect.any(String),
      });
      if (c.names) expect(problem.errors?.map((e) => e.question)).toContain(c.names);
      expect(r.text).not.toMatch(LEAKS);
      expect(r.headers['content-security-policy']).toMatch(/default-src 'self'/);
      expect(await answerTablesHash(server.dataDir)).toBe(before);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    },
  );

  it('answers 200 to the same id with the same answers, and stores nothing more', async () => {
    const before = await answerTablesHash(server.dataDir);
    const r = await postResponse(server.url, stored.body);
    expect(r.status).toBe(200);
    expect(await answerTablesHash(server.dataDir)).toBe(before);
  });

  it('logged no error and polluted no prototype on the way', () => {
    expect(server.logged).toEqual([]);
    expect(Object.keys(Object.prototype)).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain('polluted');
  });
});

describe('hostile-looking text that is valid', () => {
  const TEXTS = [
    "'); DROP TABLE responses;--",
    "Robert'); DELETE FROM users WHERE ('1'='1",
    '" OR ""="',
    '=HYPERLINK("http://evil.example","click")',
    "+cmd|' /C calc'!A0",
    '-2+3',
    '@SUM(A1:A9)',
    '<script>alert(document.cookie)</script>',
    '${process.exit()} {{constructor.constructor("x")()}}',
    '..\\..\\windows\\system32',
    'Ш'.repeat(500),
  ];

  it.each(TEXTS.map((t) => [t.slice(0, 40), t]))(
    'stores %j verbatim (201) and reads it back exactly',
    async (_label, text) => {
      const body = envelope({}, exampleAnswers({ proposal: text }));
      const r = await postResponse(server.url, body);
      expect(r.status).toBe(201);
      expect((await server.store.getResponse(String(body.id)))?.answers.proposal).toBe(text);
      const listed = await fetchAs(
        server.url,
        cookies.admin,
        `/api/surveys/example/text/proposal?q=${encodeURIComponent(text.slice(0, 100))}`,
      );
      expect(listed.status).toBe(200);
      const answers = ((await listed.json()) as { answers: { text: string }[] }).answers.map((a) => a.text);
      expect(answers).toContain(text);
    },
  );

  it('exports every one of them so that a spreadsheet shows the text and runs no formula', async () => {
    const res = await fetchAs(server.url, cookies.admin, '/api/surveys/example/export.csv');
    expect(res.status).toBe(200);
    const cells = parseCsv(Buffer.from(await res.arrayBuffer())).rows.map((row) => row.proposal ?? '');
    for (const text of TEXTS) {
      // A cell that begins like a formula is written with a leading apostrophe (csv.ts); the stored text is untouched.
      expect(cells, text).toContain(/^[=+\-@]/.test(text) ? `'${text}` : text);
    }
    expect(cells.filter((cell) => /^[=+\-@]/.test(cell))).toEqual([]);
  });
});
