// PostgreSQL only: checks and their writes that another server's transaction, still open, must not slip between.
// Each test holds such a transaction open on a connection of its own (raw SQL: a batch or a coding write of another
// server, paused mid-way, which the store's API cannot do), shows that the store's member waits for it, and that
// once it commits the member sees what it wrote. SQLite has one write connection, so the same members cannot
// interleave there (test/conformance/briefings.test.ts and coding.test.ts run them on both engines).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CodebookCode } from '../../server/store';
import type { PostgresStore } from '../../server/store-pg';
import type { PoolClient } from '../../server/store-pg/pool';
import { answerOf, BRIEFING, newCode, openWithResponses } from './coding-fixture';
import { ENGINES } from './engines';

const postgres = ENGINES.find((e) => e.name === 'postgres')!;

let store: PostgresStore;
let other: PoolClient;
let otherPid: number;
beforeEach(async () => {
  store = (await openWithResponses(postgres)) as PostgresStore;
  other = await store.pool.connect();
  otherPid = (await other.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid;
  await other.query('BEGIN');
});
afterEach(async () => {
  await other.query('ROLLBACK').catch(() => {});
  other.release();
  await store.close();
});

/** True once a connection waits for the held transaction (other helpers' tests share the database: only ours). */
async function someoneWaits(): Promise<boolean> {
  const { rows } = await store.pool.query<{ n: number }>(
    `SELECT count(*) AS n FROM pg_stat_activity WHERE $1 = ANY(pg_blocking_pids(pid))`,
    [otherPid],
  );
  return rows[0]!.n > 0;
}

describe('atomic changes on PostgreSQL against another server’s open transaction', () => {
  it('a survey change of a briefing waits for a response being stored under it, then refuses', async () => {
    // Another server's batch, between its INSERT and its COMMIT: its foreign key check holds the briefing's row.
    await other.query(
      `INSERT INTO responses (id, survey_id, version, locale, region, briefing, submitted_at, answers, content_hash,
         record_key)
       VALUES ('in-flight', 'example', 1, 'ru', 'KZ-10', $1, '2023-09-15T10:00:00.000Z', '{}', 'h', 1)`,
      [BRIEFING],
    );
    await store.pool.query('DELETE FROM responses WHERE briefing = $1', [BRIEFING]);
    const change = store.updateBriefing(BRIEFING, { surveyId: 'other' }, 'T');
    await expect.poll(someoneWaits, { timeout: 10_000 }).toBe(true);
    await other.query('COMMIT');
    expect(await change).toEqual({ status: 'survey-has-responses' });
    expect((await store.getBriefing(BRIEFING))?.surveyId).toBe('example');
  });

  it('choosing a quote waits for a coder taking its code off the answer, then writes nothing', async () => {
    const added = await store.addCode(newCode('premises'));
    const premises = (added.ok ? added.code : undefined) as CodebookCode;
    const r02 = await answerOf(store, 'r02');
    await store.setAnswerCodes(r02, 'proposal', 1, [{ codeId: premises.id, span: null }], 'c', 'T');
    // A coder's write on another server (server/store-pg/answer-codes.ts): the answer's lock, then its codes go.
    await other.query('SELECT pg_advisory_xact_lock(hashtext($1), $2::int)', [
      'coded:example:proposal',
      r02.rowid,
    ]);
    await other.query('DELETE FROM answer_codes WHERE response_seq = $1 AND pass = 1', [r02.rowid]);
    const choose = store.chooseQuote(premises.id, r02.rowid, 'author', 'T', false);
    await expect.poll(someoneWaits, { timeout: 10_000 }).toBe(true);
    await other.query('COMMIT');
    expect(await choose).toBe(false);
    expect(await store.listQuotes('example', 'proposal', 'proposal')).toEqual([]);
  });
});
