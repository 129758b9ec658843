// The import of "unsent answers" files (server/domain/unsent-import.ts) on a real store, with files made by the phone's
// own code (client/lib/unsent-file.ts): each response gets exactly what POST …/responses answers for the same body
// (checked by posting it too), refused and conflicting ones never stop the rest, and a wrong file is refused whole.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unsentFile, type UnsentFile } from '../../client/lib/unsent-file';
import type { RefusedSubmission } from '../../client/lib/pending-store';
import type { ResponseBody, Submission } from '../../client/lib/send';
import { loadCatalog, type Catalog } from '../../server/catalog/load';
import { DEFAULT_CONFIG } from '../../server/http/deps';
import { Problem } from '../../server/domain/problem';
import {
  importUnsent,
  parseUnsentFile,
  readUnsentFile,
  type ImportDeps,
} from '../../server/domain/unsent-import';
import { envelope, exampleAnswers, postResponse } from '../support/answers';
import { FIXTURE_SURVEYS, startServer, type TestServer } from '../support/server';

let server: TestServer;
let catalog: Catalog;
let deps: ImportDeps;

beforeAll(async () => {
  server = await startServer();
  catalog = loadCatalog(FIXTURE_SURVEYS).catalog;
  deps = {
    catalog,
    store: server.store,
    clock: () => new Date(),
    bodyLimitBytes: DEFAULT_CONFIG.bodyLimitBytes,
    closedGraceMs: DEFAULT_CONFIG.closedGraceMs,
  };
});
afterAll(() => server.close());

const waiting = (body: Record<string, unknown>, surveyId = 'example'): Submission => ({
  surveyId,
  body: body as unknown as ResponseBody,
  queuedAt: new Date().toISOString(),
});
const refused = (body: Record<string, unknown>): RefusedSubmission => ({
  ...waiting(body),
  problem: { title: 'The database cannot take writes right now', status: 503 },
  refusedAt: new Date().toISOString(),
});
const fileOf = (w: Submission[], r: RefusedSubmission[] = []): UnsentFile =>
  unsentFile({ waiting: w, refused: r }, new Date('2024-05-14T10:00:00Z'), 'https://saualnama.example.kz');

/** Reads a file as the CLI does: its bytes, pretty-printed as the phone writes them. */
const fromBytes = (file: unknown) => parseUnsentFile(new TextEncoder().encode(JSON.stringify(file, null, 2)));

describe('importUnsent', () => {
  it('stores new responses, recognises duplicates, reports conflicts and refusals, each as POST /responses would', async () => {
    const fresh = envelope();
    const alreadySent = envelope();
    const clashing = envelope();
    expect((await postResponse(server.url, alreadySent)).status).toBe(201);
    expect((await postResponse(server.url, clashing)).status).toBe(201);
    const otherAnswers = { ...clashing, data: exampleAnswers({ role: 'akimat' }) };
    const badChoice = envelope({}, exampleAnswers({ role: 'astronaut', region: 'kz-10' }));
    const badEnvelope = { ...envelope(), id: 'not-a-uuid' };
    const unstorable = envelope({}, exampleAnswers({ proposal: 'a\u0000b' }));
    const tooLarge = envelope({}, exampleAnswers({ proposal: 'я'.repeat(140_000) }));
    const laterFine = envelope();

    const report = await importUnsent(
      deps,
      fromBytes(
        fileOf(
          [
            waiting(badChoice),
            waiting(fresh),
            waiting(alreadySent),
            waiting(otherAnswers),
            waiting(badEnvelope),
            waiting(envelope(), 'no-such-survey'),
            waiting(unstorable),
            waiting(tooLarge),
          ],
          [refused(laterFine)],
        ),
      ),
    );

    expect(report.counts).toEqual({ responses: 9, stored: 2, alreadyStored: 1, conflicts: 1, refused: 5 });
    expect(report.exportedAt).toBe('2024-05-14T10:00:00.000Z');
    expect(report.origin).toBe('https://saualnama.example.kz');
    expect(report.responses.map((r) => [r.at, r.outcome, r.status])).toEqual([
      ['waiting[0]', 'refused', 422],
      ['waiting[1]', 'stored', 201],
      ['waiting[2]', 'already-stored', 200],
      ['waiting[3]', 'conflict', 409],
      ['waiting[4]', 'refused', 400],
      ['waiting[5]', 'refused', 404],
      ['waiting[6]', 'refused', 400],
      ['waiting[7]', 'refused', 413],
      ['refused[0]', 'stored', 201],
    ]);
    expect(report.responses[0]!.problem?.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ question: 'role' }),
        expect.objectContaining({ question: 'region' }),
      ]),
    );
    expect(report.responses[4]!.problem?.errors).toEqual([expect.objectContaining({ question: 'id' })]);
    expect(report.responses[6]!.problem?.type).toBe('/problems/invalid-text');

    // The very same problem bodies the route answers for the same bodies (the refusals stored nothing, so again).
    for (const [i, body, survey] of [
      [0, badChoice, 'example'],
      [4, badEnvelope, 'example'],
      [6, unstorable, 'example'],
      [7, tooLarge, 'example'],
    ] as const) {
      const posted = await postResponse(server.url, body, survey);
      expect(posted.status, `waiting[${i}]`).toBe(report.responses[i]!.status);
      expect(posted.json, `waiting[${i}]`).toEqual(report.responses[i]!.problem);
    }
    const conflict = await postResponse(server.url, otherAnswers);
    expect(conflict.json).toEqual(report.responses[3]!.problem);

    // Stored as sent, under the sent id; the conflicting one kept its first answers.
    expect((await server.store.getResponse(String(fresh.id)))?.answers).toEqual(fresh.data);
    expect((await server.store.getResponse(String(laterFine.id)))?.answers).toEqual(laterFine.data);
    expect((await server.store.getResponse(String(clashing.id)))?.answers).toEqual(clashing.data);
    expect(await server.store.getResponse(String(badChoice.id))).toBeUndefined();
  });

  it('stores nothing twice when the same file is imported again', async () => {
    const a = envelope();
    const b = envelope({ id: randomUUID().toUpperCase() });
    const file = fileOf([waiting(a), waiting(b)]);
    expect((await importUnsent(deps, readUnsentFile(file))).counts).toMatchObject({
      stored: 2,
      alreadyStored: 0,
    });
    const again = await importUnsent(deps, readUnsentFile(file));
    expect(again.counts).toEqual({ responses: 2, stored: 0, alreadyStored: 2, conflicts: 0, refused: 0 });
    // Ids are one response in any letter case, as on the route.
    expect(again.responses[1]!.id).toBe(String(b.id).toLowerCase());
  });

  it('judges the grace of a closed survey by the clock at the import, as the route does', async () => {
    const closedAt = new Date(Date.now() - 73 * 3_600_000).toISOString();
    await server.store.setSurveyClosed('example', true, closedAt);
    try {
      const begunBefore = envelope({ startedAt: new Date(Date.parse(closedAt) - 60_000).toISOString() });
      const report = await importUnsent(deps, readUnsentFile(fileOf([waiting(begunBefore)])));
      expect(report.responses[0]).toMatchObject({ outcome: 'refused', status: 410 });
      expect(report.responses[0]!.problem?.acceptedUntil).toBeDefined();
    } finally {
      await server.store.setSurveyClosed('example', false, new Date().toISOString());
    }
  });

  it('refuses a body nested far too deep (or with a NUL beside it) and still stores the next response', async () => {
    const fine = envelope();
    const deep = '['.repeat(200_000) + ']'.repeat(200_000);
    const body = (data: string) => JSON.stringify({ ...envelope(), data: 'DATA' }).replace('"DATA"', data);
    const text =
      `{"format":"saualnama-unsent","formatVersion":1,"refused":[],"waiting":[` +
      `{"surveyId":"example","body":${body(`{"region":"KZ-10","x":${deep}}`)}},` +
      `{"surveyId":"example","body":${body(`{"a":"\\u0000","x":${deep}}`)}},` +
      `{"surveyId":"example","body":${JSON.stringify(fine)}}]}`;
    const report = await importUnsent(deps, parseUnsentFile(new TextEncoder().encode(text)));
    expect(report.responses.map((r) => [r.status, r.problem?.type])).toEqual([
      [400, '/problems/json-too-deep'],
      [400, expect.stringMatching(/^\/problems\/(json-too-deep|invalid-text)$/)],
      [201, undefined],
    ]);
  });

  it('imports an empty file as nothing to do', async () => {
    const report = await importUnsent(deps, readUnsentFile(fileOf([])));
    expect(report.counts).toEqual({ responses: 0, stored: 0, alreadyStored: 0, conflicts: 0, refused: 0 });
  });
});

describe('reading an unsent-answers file', () => {
  const refusal = (read: () => unknown) => {
    try {
      read();
    } catch (error) {
      expect(error).toBeInstanceOf(Problem);
      return (error as Problem).toBody();
    }
    throw new Error('the file was read');
  };

  it('refuses a file of another kind, naming the format it expects', () => {
    const body = refusal(() => readUnsentFile({ responses: [] }));
    expect(body).toMatchObject({ status: 400, type: '/problems/not-unsent-file' });
    expect(body.detail).toContain('"format": "saualnama-unsent", "formatVersion": 1');
    expect(body.errors).toEqual([{ question: 'format', message: 'is missing' }]);
    expect(refusal(() => readUnsentFile([fileOf([])])).detail).toContain('must be a JSON object');
  });

  it('refuses another format version, naming both', () => {
    const body = refusal(() => readUnsentFile({ ...fileOf([]), formatVersion: 2 }));
    expect(body.detail).toBe('This unsent-answers file has format version 2; this server reads version 1.');
  });

  it('refuses a damaged file, naming where', () => {
    const damaged = { ...fileOf([waiting(envelope())]), refused: 'none' } as unknown as Record<
      string,
      unknown
    >;
    (damaged.waiting as Record<string, unknown>[])[0] = { body: envelope() };
    const body = refusal(() => readUnsentFile(damaged));
    expect(body.errors?.map((e) => e.question)).toEqual(['waiting[0].surveyId', 'refused']);
  });

  it('refuses bytes that are not UTF-8 or not JSON', () => {
    expect(refusal(() => parseUnsentFile(Uint8Array.from([0x7b, 0xff, 0x7d]))).type).toBe(
      '/problems/invalid-utf8',
    );
    const notJson = refusal(() => parseUnsentFile(new TextEncoder().encode('region,role\nKZ-10,akimat\n')));
    expect(notJson).toMatchObject({ type: '/problems/not-unsent-file' });
    expect(notJson.detail).toMatch(/^The file is not JSON/);
  });
});
