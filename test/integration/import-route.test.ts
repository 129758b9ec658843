// POST /api/imports/unsent on the real server: an admin's file is imported and the report names each response's
// outcome (and the import is in the audit log, without answers); an analyst gets 403, no session 401, a cross-site
// post 403, and a file that is not an unsent-answers file 400 problem+json saying what is wrong.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unsentFile } from '../../client/lib/unsent-file';
import type { ResponseBody } from '../../client/lib/send';
import { IMPORT_BODY_LIMIT_BYTES } from '../../server/http/routes/imports';
import { envelope, exampleAnswers, postResponse } from '../support/answers';
import { createUser, fetchAs, signIn } from '../support/auth';
import { startServer, type TestServer } from '../support/server';
import { collect } from '../support/collect';

const PASSWORD = 'Birgemiz-2024-jyl';
const PATH = '/api/imports/unsent';
let server: TestServer;
let admin: string;
let analyst: string;

beforeAll(async () => {
  server = await startServer();
  await createUser(server.store, { email: 'admin@example.kz', role: 'admin', password: PASSWORD });
  await createUser(server.store, { email: 'analyst@example.kz', role: 'analyst', password: PASSWORD });
  admin = await signIn(server.url, 'admin@example.kz', PASSWORD);
  analyst = await signIn(server.url, 'analyst@example.kz', PASSWORD);
});
afterAll(() => server.close());

const fileOf = (...bodies: Record<string, unknown>[]) =>
  unsentFile(
    {
      waiting: bodies.map((body) => ({
        surveyId: 'example',
        body: body as unknown as ResponseBody,
        queuedAt: '2024-05-14T09:00:00Z',
      })),
      refused: [],
    },
    new Date('2024-05-14T10:00:00Z'),
    'http://hall.example',
  );

const send = (
  cookie: string | null,
  body: unknown,
  init: { query?: string; headers?: Record<string, string> } = {},
) => {
  const request = {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...init.headers },
    body: typeof body === 'string' ? body : JSON.stringify(body, null, 2),
  };
  const path = `${PATH}${init.query ?? ''}`;
  return cookie === null
    ? fetch(`${server.url}${path}`, request)
    : fetchAs(server.url, cookie, path, request);
};

describe('POST /api/imports/unsent', () => {
  it('imports an admin’s file and reports each response, then records the import in the audit log', async () => {
    const fresh = envelope();
    const retried = envelope();
    expect((await postResponse(server.url, retried)).status).toBe(201);
    const wrong = envelope({}, exampleAnswers({ cooperation: '5' }));
    const res = await send(admin, fileOf(fresh, retried, wrong), {
      query: '?name=saualnama-unsent-2024-05-14.json',
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const report = (await res.json()) as any;
    expect(report.counts).toEqual({ responses: 3, stored: 1, alreadyStored: 1, conflicts: 0, refused: 1 });
    expect(report.responses.map((r: any) => r.status)).toEqual([201, 200, 422]);
    expect(report.responses[2].problem.errors).toEqual([
      expect.objectContaining({ question: 'cooperation' }),
    ]);
    expect((await server.store.getResponse(String(fresh.id)))?.answers).toEqual(fresh.data);

    const entry = (await collect(server.store.iterateAudit({ action: 'responses-imported' }))).at(-1);
    expect(entry).toMatchObject({
      actor: 'admin@example.kz',
      address: '127.0.0.1',
      details: {
        file: 'saualnama-unsent-2024-05-14.json',
        exportedAt: '2024-05-14T10:00:00.000Z',
        origin: 'http://hall.example',
        surveys: ['example'],
        responses: 3,
        stored: 1,
        alreadyStored: 1,
        conflicts: 0,
        refused: 1,
      },
    });
    expect(JSON.stringify(entry)).not.toContain(
      String((fresh.data as Record<string, unknown>).proposal).slice(0, 10),
    );
  });

  it('answers 403 to an analyst and 401 without a session, storing nothing', async () => {
    const body = envelope();
    const asAnalyst = await send(analyst, fileOf(body));
    expect(asAnalyst.status).toBe(403);
    expect(asAnalyst.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect((await send(null, fileOf(body))).status).toBe(401);
    expect(await server.store.getResponse(String(body.id))).toBeUndefined();
  });

  it('answers 403 to an admin’s cookie sent from another site', async () => {
    const res = await send(admin, fileOf(envelope()), { headers: { origin: 'https://elsewhere.example' } });
    expect(res.status).toBe(403);
    expect(((await res.json()) as any).type).toBe('/problems/cross-site-request');
  });

  it('answers 400 problem+json naming what is wrong with a file that is not an unsent-answers file', async () => {
    const csv = await send(admin, [{ region: 'KZ-10' }]);
    expect(csv.status).toBe(400);
    expect(csv.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(((await csv.json()) as any).type).toBe('/problems/not-unsent-file');

    const newer = await send(admin, { ...fileOf(envelope()), formatVersion: 2 });
    expect(newer.status).toBe(400);
    expect(await newer.json()).toMatchObject({
      detail: 'This unsent-answers file has format version 2; this server reads version 1.',
      errors: [{ question: 'formatVersion', message: 'must be 1' }],
    });

    const broken = await send(admin, '{"format": "saualnama-unsent", ');
    expect(broken.status).toBe(400);
    expect(await broken.json()).toMatchObject({
      type: '/problems/not-unsent-file',
      detail: expect.stringMatching(
        /^The file is not JSON \(.+\); an unsent-answers file has "format": "saualnama-unsent", "formatVersion": 1\.$/,
      ),
    });
    expect(await collect(server.store.iterateAudit({ action: 'responses-imported' }))).toHaveLength(1);
  });

  it('refuses a file over its limit with 413 and a body that is not JSON with 415', async () => {
    const big = `{"format":"saualnama-unsent","formatVersion":1,"origin":"${'x'.repeat(IMPORT_BODY_LIMIT_BYTES)}"}`;
    const tooBig = await send(admin, big);
    expect(tooBig.status).toBe(413);
    expect(((await tooBig.json()) as any).detail).toContain('4096 KB');
    const text = await send(admin, 'a file', { headers: { 'content-type': 'text/plain' } });
    expect(text.status).toBe(415);
  });

  it('takes a file of a few hundred responses in one request', async () => {
    const bodies = Array.from({ length: 300 }, (_, i) =>
      envelope({}, exampleAnswers({ proposal: `Ұсыныс ${i}: `.padEnd(480, 'ә') })),
    );
    const file = JSON.stringify(fileOf(...bodies), null, 2);
    expect(file.length).toBeLessThan(IMPORT_BODY_LIMIT_BYTES);
    const res = await send(admin, file);
    expect(res.status).toBe(200);
    expect(((await res.json()) as any).counts).toMatchObject({ responses: 300, stored: 300 });
  });
});
