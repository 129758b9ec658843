// The SQLite store with its writer thread (issue 15 item 6): submitted responses are stored by the thread's own
// connection with group commit, exactly once; the main connection's writes meanwhile wait for the write lock
// instead of failing (transactions begin IMMEDIATE); close answers everything the thread held first.
import { readdirSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { isStorageFault } from '../../server/domain/problem';
import { openSqliteStore, type Store } from '../../server/store';
import { startResponseWriter } from '../../server/store/writer-client';
import { countStoredResponses, walCommits } from '../support/database-file';
import { makeTempDir } from '../support/server';
import { exampleResponse } from '../support/example-response';

const WRITER_THREAD = new URL('../../server/response-writer-thread.ts', import.meta.url);
let store: Store;
let file: string;

const response = exampleResponse;

const uuid = (n: number) => `30000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

beforeEach(async () => {
  file = join(makeTempDir(), 'saualnama.db');
  store = openSqliteStore(file, { writerThread: WRITER_THREAD });
  await store.publishVersions([{ surveyId: 'example', version: 1, sha256: 'abc' }], '2023-09-01T00:00:00Z');
});
afterEach(() => store.close());

it('stores each response once on the thread: a retry is a duplicate, a clash a conflict, a batch one commit', async () => {
  const before = walCommits(file).commits;
  const outcomes = await Promise.all([
    store.submitResponse(response(uuid(1))),
    store.submitResponse(response(uuid(2))),
    store.submitResponse(response(uuid(3))),
  ]);
  expect(outcomes.map((o) => o.status)).toEqual(['created', 'created', 'created']);
  expect(walCommits(file).commits - before).toBe(1);
  await expect(store.submitResponse(response(uuid(1)))).resolves.toMatchObject({ status: 'duplicate' });
  await expect(
    store.submitResponse(response(uuid(2), { answers: { region: 'KZ-11' }, contentHash: 'other' })),
  ).resolves.toEqual({ status: 'conflict' });
  expect(countStoredResponses(file, { surveyId: 'example' })).toBe(3);
  await expect(store.getResponse(uuid(3))).resolves.toMatchObject({ id: uuid(3) });
});

it("lets the main connection's read-then-write transactions run while the thread commits batches", async () => {
  const briefing = {
    slug: 'hall',
    surveyId: 'example',
    region: 'KZ-10',
    city: 'Semey',
    date: '2023-09-15',
    title: { kk: 'Зал', ru: 'Зал', en: 'Hall' },
  };
  await store.addBriefing(briefing, '2023-09-01T00:00:00Z');
  let settled = false;
  const submitted = Promise.all(
    Array.from({ length: 600 }, (_, i) => store.submitResponse(response(uuid(100 + i)))),
  ).finally(() => (settled = true));
  // Each update reads the briefing, then writes it, while the thread's batches hold the write lock: begun DEFERRED,
  // such a transaction fails with SQLITE_BUSY at once (waiting could deadlock); IMMEDIATE waits at BEGIN.
  let updates = 0;
  while (!settled) {
    const outcome = await store.updateBriefing(
      'hall',
      { city: `Semey ${updates++}` },
      '2023-09-02T00:00:00Z',
    );
    expect(outcome.status).toBe('updated');
    await new Promise((r) => setImmediate(r));
  }
  expect(updates).toBeGreaterThan(1);
  expect(new Set((await submitted).map((o) => o.status))).toEqual(new Set(['created']));
  expect(countStoredResponses(file, { surveyId: 'example' })).toBe(600);
});

it('answers everything the thread holds before close resolves', async () => {
  const submitted = Array.from({ length: 200 }, (_, i) => store.submitResponse(response(uuid(1000 + i))));
  await store.close();
  expect((await Promise.all(submitted)).every((o) => o.status === 'created')).toBe(true);
  expect(countStoredResponses(file, { surveyId: 'example' })).toBe(200);
  await expect(store.submitResponse(response(uuid(5000)))).rejects.toThrow(/closed/);
});

it('fails what a dying thread held with a storage fault (503), and starts a new thread for the next response', async () => {
  const writer = startResponseWriter(new URL('../support/dying-writer-thread.ts', import.meta.url), {
    file,
    sources: undefined,
  });
  const held = [writer.submitResponse(response('die-1')), writer.submitResponse(response(uuid(7)))];
  for (const outcome of await Promise.allSettled(held)) {
    expect(outcome.status).toBe('rejected');
    expect(isStorageFault((outcome as PromiseRejectedResult).reason)).toBe(true);
  }
  await expect(writer.submitResponse(response(uuid(8)))).resolves.toMatchObject({ status: 'created' });
  await writer.close();
});

it('lets go of every file of the database once close has resolved (a full-disk test must be able to unmount)', async () => {
  // The thread's WAL syncs and the main connection's writes both open the files; after close none may stay open.
  await Promise.all([1, 2, 3].map((n) => store.submitResponse(response(uuid(100 + n)))));
  await store.close();
  const open = readdirSync('/proc/self/fd').flatMap((fd) => {
    try {
      return [readlinkSync(`/proc/self/fd/${fd}`)];
    } catch {
      return []; // closed while we looked (the listing's own descriptor)
    }
  });
  expect(open.filter((target) => target.startsWith(file))).toEqual([]);
});
