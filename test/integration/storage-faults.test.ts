// A full disk under the running server: writes answer 503 problem+json with Retry-After and store nothing, reads
// keep working, and writes succeed again once the fault is gone, without a restart. The server's data folder is a
// tmpfs of its own, and the disk is filled from outside the server (test/support/storage-faults.ts): by shrinking
// that file system to what it holds, or, in the last test, by a file that takes its last byte.
import { randomUUID } from 'node:crypto';
import { closeSync, openSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NewResponse } from '../../server/store';
import { createUser, fetchAs, signIn } from '../support/auth';
import { envelope, exampleAnswers, postResponse } from '../support/answers';
import { answerTablesFingerprint, databaseHealth, recountReport } from '../support/db-check';
import { makeTempDir, startServer, type TestServer } from '../support/server';
import { dataDirOnTmpfs, fillDisk, releaseDataDir } from '../support/storage-faults';
import { mountTmpfs, requireTmpfs, unmount } from '../support/tmpfs';

const PASSWORD = 'Birgemiz-2024-jyl';
let server: TestServer;
let now = Date.parse('2024-03-01T09:00:00Z');
let cookie: string;

let dataDir: string;

beforeAll(async () => {
  dataDir = dataDirOnTmpfs();
  server = await startServer({ dataDir, clock: () => new Date(now) });
  await createUser(server.store, { email: 'admin@example.kz', role: 'admin', password: PASSWORD });
  cookie = await signIn(server.url, 'admin@example.kz', PASSWORD);
  expect((await postResponse(server.url, envelope({ startedAt: null }))).status).toBe(201);
});
afterAll(async () => {
  await server?.close();
  if (dataDir) releaseDataDir(dataDir);
});

/** ~8 KB of answers: more than a 4 KB page, so the write needs new pages and cannot fit into free space. */
const bigAnswers = () => exampleAnswers({ role: 'other', 'role-Comment': 'Ұйымдастыру '.repeat(350) });

/** Reads a respondent and a signed-in analyst make; each must keep answering 200 during a fault. */
async function expectReadsWork(): Promise<void> {
  // Seven minutes on: the session is due to be touched (a write), which must not turn a read into an error.
  now += 7 * 60_000;
  expect((await fetch(`${server.url}/api/surveys/example`)).status).toBe(200);
  for (const path of ['/api/session', '/api/surveys/example/summary', '/api/surveys/example/coverage']) {
    const res = await fetchAs(server.url, cookie, path);
    expect(res.status, path).toBe(200);
  }
}

async function expect503(r: { status: number; headers: Headers; json: Record<string, any> | null }) {
  expect(r.status).toBe(503);
  expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0);
  expect(r.json).toMatchObject({
    type: '/problems/storage-unavailable',
    status: 503,
    detail: expect.stringMatching(/again/),
  });
  expect(JSON.stringify(r.json)).not.toMatch(/SQLITE|disk|\.ts|\/work\//);
}

/** A response the way the ingest path hands it to the store. */
function newResponse(answers: Record<string, unknown>): NewResponse {
  const id = randomUUID();
  return {
    id,
    surveyId: 'example',
    version: 1,
    locale: 'kk',
    region: 'KZ-10',
    briefing: null,
    startedAt: null,
    submittedAt: new Date(now).toISOString(),
    answers,
    contacts: null,
    contentHash: `hash-${id}`,
  };
}

describe('a full disk', () => {
  it('answers 503 with Retry-After to every post, stores nothing, keeps reads working, and takes posts again once space returns', async () => {
    const before = answerTablesFingerprint(server.dataDir);
    const bodies = Array.from({ length: 12 }, () => envelope({ startedAt: null }, bigAnswers()));
    const heal = fillDisk(server.dataDir);
    try {
      const refused = await Promise.all(bodies.map((b) => postResponse(server.url, b)));
      for (const r of refused) await expect503(r);
      expect(answerTablesFingerprint(server.dataDir)).toBe(before);
      await expectReadsWork();
    } finally {
      heal();
    }
    // The same requests sent again, as the respondent page's outbox does: stored once each, no restart needed.
    const again = await Promise.all(bodies.map((b) => postResponse(server.url, b)));
    expect(again.map((r) => r.status)).toEqual(bodies.map(() => 201));
    expect(databaseHealth(server.dataDir)).toMatchObject({ integrity: 'ok', foreignKeyViolations: 0 });
    expect(server.logged.length).toBeGreaterThan(0);
    expect(server.logged.every((line) => /storage fault, answered 503/.test(line))).toBe(true);
    server.logged.length = 0;
  });

  it('fails every write of a group-commit batch whose COMMIT finds the disk full: none half-stored, none acknowledged', async () => {
    const before = answerTablesFingerprint(server.dataDir);
    const heal = fillDisk(server.dataDir);
    let outcomes: PromiseSettledResult<unknown>[];
    try {
      // Submitted in one turn of the event loop: one batch, one transaction, whose COMMIT cannot write the WAL.
      const batch = [newResponse(exampleAnswers()), newResponse(bigAnswers()), newResponse(exampleAnswers())];
      outcomes = await Promise.allSettled(batch.map((r) => server.store.submitResponse(r)));
    } finally {
      heal();
    }
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected', 'rejected']);
    for (const o of outcomes)
      expect((o as PromiseRejectedResult).reason).toMatchObject({ code: 'SQLITE_FULL' });
    expect(answerTablesFingerprint(server.dataDir)).toBe(before);
    // The connection is usable at once: the next batch commits.
    await expect(server.store.submitResponse(newResponse(bigAnswers()))).resolves.toMatchObject({
      status: 'created',
    });
  });
});

describe('a full disk, for the other writes', () => {
  it('answers 503 to posts, a sign-in and an export (its audit line cannot be written), keeps other reads working, and recovers', async () => {
    const before = answerTablesFingerprint(server.dataDir);
    const body = envelope({ startedAt: null });
    const heal = fillDisk(server.dataDir);
    try {
      await expect503(await postResponse(server.url, body));
      const signIn503 = await fetch(`${server.url}/api/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: server.url },
        body: JSON.stringify({ email: 'admin@example.kz', password: PASSWORD }),
      });
      expect(signIn503.status).toBe(503);
      expect(signIn503.headers.get('retry-after')).toBe('10');
      expect(answerTablesFingerprint(server.dataDir)).toBe(before);
      await expectReadsWork();
      // A download of answers must leave its line in the audit log first: when that cannot be written, it waits.
      const exported = await fetchAs(server.url, cookie, '/api/surveys/example/export.csv');
      expect(exported.status).toBe(503);
      expect(await exported.text()).not.toMatch(/response_id/);
    } finally {
      heal();
    }
    expect((await postResponse(server.url, body)).status).toBe(201);
    expect((await server.store.getResponse(String(body.id)))?.answers).toEqual(body.data);
    server.logged.length = 0;
  });

  it('leaves answer counts that agree with a recount of the responses after all the faults above', async () => {
    expect(await recountReport(server.dataDir, server.surveysDir)).toMatchObject({
      keysDiffering: 0,
      recordChunksDiffering: 0,
    });
    expect(databaseHealth(server.dataDir)).toMatchObject({ integrity: 'ok', foreignKeyViolations: 0 });
  });
});

describe('a real full disk (an 8 MB tmpfs filled to the last byte)', () => {
  it('answers 503 when the COMMIT cannot write the WAL, keeps reads working, and takes posts once a file is deleted', async () => {
    requireTmpfs('storage-faults: the real full-disk test');
    const dataDir = makeTempDir('saualnama-full-');
    expect(mountTmpfs(dataDir, '8m')).toBe(true);
    const full = await startServer({ dataDir });
    try {
      for (let i = 0; i < 5; i++)
        expect((await postResponse(full.url, envelope({}, bigAnswers()))).status).toBe(201);
      const filler = openSync(join(dataDir, 'filler'), 'w');
      try {
        // 64 KB at a time, then byte by byte: the file system is full to its last byte.
        for (const size of [1 << 16, 1]) {
          try {
            for (;;) writeSync(filler, Buffer.alloc(size));
          } catch (error) {
            if ((error as { code?: string }).code !== 'ENOSPC') throw error;
          }
        }
      } finally {
        closeSync(filler);
      }
      const before = answerTablesFingerprint(dataDir);
      const bodies = Array.from({ length: 10 }, () => envelope({}, bigAnswers()));
      for (const r of await Promise.all(bodies.map((b) => postResponse(full.url, b)))) await expect503(r);
      expect(answerTablesFingerprint(dataDir)).toBe(before);
      expect((await fetch(`${full.url}/api/surveys/example`)).status).toBe(200);
      rmSync(join(dataDir, 'filler'));
      const again = await Promise.all(bodies.map((b) => postResponse(full.url, b)));
      expect(again.map((r) => r.status)).toEqual(bodies.map(() => 201));
      expect(databaseHealth(dataDir)).toMatchObject({
        integrity: 'ok',
        foreignKeyViolations: 0,
        responses: 15,
      });
    } finally {
      await full.close();
      unmount(dataDir);
      rmSync(dataDir, { recursive: true });
    }
  });
});
