// The SQLite store on a real file: migrations from empty, pragmas, and group commit keeping outcomes exact and
// writes that arrive together in one transaction.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteStore, type Store } from '../../server/store';
import { openDatabase } from '../../server/store/db';
import { countStoredResponses, walCommits, withDatabaseFile } from '../support/database-file';
import { makeTempDir } from '../support/server';
import { collect } from '../support/collect';
import { exampleResponse } from '../support/example-response';

let store: Store;
let file: string;

const response = exampleResponse;

beforeEach(async () => {
  file = join(makeTempDir(), 'nested', 'saualnama.db');
  store = openSqliteStore(file);
  await store.publishVersions([{ surveyId: 'example', version: 1, sha256: 'abc' }], '2023-09-01T00:00:00Z');
});
afterEach(() => store.close());

describe('SQLite store', () => {
  it('migrates an empty database and records each migration with its sha256', () => {
    const rows = withDatabaseFile(
      file,
      (db) =>
        db.prepare('SELECT name, sha256 FROM schema_migrations').all() as { name: string; sha256: string }[],
    );
    expect(rows.map((r) => r.name)).toContain('0001-initial.sql');
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.sha256))).toBe(true);
  });

  it('opens its connections in WAL mode with synchronous=FULL and foreign keys on', async () => {
    // db.ts is the one place the store's connections get their pragmas; WAL is a property of the file.
    const db = openDatabase(file);
    try {
      expect(db.pragma('synchronous', { simple: true })).toBe(2);
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    } finally {
      db.close();
    }
    expect(withDatabaseFile(file, (db) => db.pragma('journal_mode', { simple: true }))).toBe('wal');
    // And the store's own connection enforces the schema's REFERENCES: a response of an unknown briefing is refused.
    await expect(store.insertResponses([response('fk', { briefing: 'no-such-briefing' })])).rejects.toThrow(
      /FOREIGN KEY/,
    );
  });

  it('reports a published version whose hash changed, and records nothing from that call', async () => {
    const conflicts = await store.publishVersions(
      [
        { surveyId: 'example', version: 2, sha256: 'new' },
        { surveyId: 'example', version: 1, sha256: 'changed' },
      ],
      '2023-10-01T00:00:00Z',
    );
    expect(conflicts).toEqual([
      expect.objectContaining({ surveyId: 'example', version: 1, recordedSha256: 'abc' }),
    ]);
    expect(
      await store.publishVersions([{ surveyId: 'example', version: 2, sha256: 'other' }], 'now'),
    ).toEqual([]);
  });

  it('group commit settles each write on its own: a clash or a bad row never fails its batch-mates', async () => {
    await store.submitResponse(response('a'));
    const results = await Promise.allSettled([
      store.submitResponse(response('b')),
      store.submitResponse(response('a', { contentHash: 'other' })),
      store.submitResponse(response('c', { version: 9 })), // no such published version: foreign key fails
      store.submitResponse(response('a')),
      store.submitResponse(response('d')),
    ]);
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value.status : 'rejected'))).toEqual([
      'created',
      'conflict',
      'rejected',
      'duplicate',
      'created',
    ]);
    expect(countStoredResponses(file, { surveyId: 'example' })).toBe(3);
  });

  it('commits responses that arrive together in ONE transaction: five submitted at once are one commit in the WAL', async () => {
    // Each commit of a transaction ends with one commit frame in the WAL (and costs one fsync); with a transaction
    // per response, as without group commit, the five would be five commits.
    await store.submitResponse(response('first'));
    const before = walCommits(file);
    const outcomes = await Promise.all(
      ['b1', 'b2', 'b3', 'b4', 'b5'].map((id) => store.submitResponse(response(id))),
    );
    expect(outcomes.map((o) => o.status)).toEqual(['created', 'created', 'created', 'created', 'created']);
    const after = walCommits(file);
    expect(after.salt === before.salt ? after.commits - before.commits : after.commits).toBe(1);
    expect(countStoredResponses(file, { surveyId: 'example' })).toBe(6);
  });

  it('filters responses by region, version, briefing and time for exports, streaming them by region then time', async () => {
    await store.addBriefing(
      {
        slug: 'b1',
        surveyId: 'example',
        region: 'KZ-55',
        city: 'Pavlodar',
        date: '2023-09-20',
        title: { kk: 'k', ru: 'r', en: 'e' },
      },
      'now',
    );
    await store.insertResponses([
      response('r1', { region: 'KZ-55', briefing: 'b1', submittedAt: '2023-09-20T09:00:00Z' }),
      response('r2', { region: 'KZ-10', submittedAt: '2023-09-15T09:00:00Z' }),
      response('r3', { region: 'KZ-55', submittedAt: '2023-09-21T09:00:00Z' }),
    ]);
    const reader = await store.openExportReader();
    try {
      const ids = async (f: object) =>
        (await collect(reader.rows({ surveyId: 'example', ...f }, { contacts: false })))
          .flat()
          .map((r) => r[0]);
      expect(await ids({})).toEqual(['r2', 'r1', 'r3']);
      expect(await ids({ regions: ['KZ-55'] })).toEqual(['r1', 'r3']);
      expect(await ids({ briefing: 'b1' })).toEqual(['r1']);
      expect(await ids({ from: '2023-09-20T00:00:00Z', to: '2023-09-21T00:00:00Z' })).toEqual(['r1']);
      expect(await reader.count({ surveyId: 'example', versions: [2] })).toBe(0);
      expect(await reader.count({ surveyId: 'example', regions: ['KZ-55'] })).toBe(2);
    } finally {
      await reader.close();
    }
  });
});
