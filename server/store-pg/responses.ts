// Responses on PostgreSQL: exactly-once writes through group commit, set-based (a batch of 500 is a handful of
// statements, not 2,000 round trips), and reads streamed through a cursor.
import Cursor from 'pg-cursor';
import { DUPLICATE_WINDOW_MINUTES } from '../store/duplicates';
import { nextRecordKey } from '../store/record-keys';
import { toResponse, type ResponseRow } from '../store/response-row';
import type { NewResponse, ResponseFilter, StoredResponse, SubmitOutcome } from '../store/types';
import { RECOUNT_LOCK, type CountedResponse } from './answer-counts';
import { runStatements, type Statement } from './batch-statement';
import { createGroupCommitter, type Settled } from './group-commit';
import type { Pool, PoolClient } from './pool';

/** The default set: every response but those a reviewer rejected (an index read of the few rejected ones). */
export const NOT_REJECTED = `id NOT IN (SELECT response_id FROM response_reviews WHERE status = 'rejected')`;

/** WHERE on responses from fixed fragments, as server/store/where.ts; values travel only as parameters. */
export function responseWhere(filter: ResponseFilter): { sql: string; params: unknown[] } {
  const params: unknown[] = [filter.surveyId];
  const parts = ['survey_id = $1'];
  const add = (fragment: (n: string) => string, value: unknown) => {
    params.push(value);
    parts.push(fragment(`$${params.length}`));
  };
  // Rejected responses (a test, junk) are left out unless asked for (server/store/review-set.ts).
  if (filter.review !== 'all') parts.push(NOT_REJECTED);
  if (filter.regions?.length) add((p) => `region = ANY(${p}::text[])`, filter.regions);
  if (filter.versions?.length) add((p) => `version = ANY(${p}::int[])`, filter.versions);
  if (filter.briefing !== undefined) add((p) => `briefing = ${p}`, filter.briefing);
  if (filter.from !== undefined) add((p) => `submitted_at >= ${p}`, filter.from);
  if (filter.to !== undefined) add((p) => `submitted_at < ${p}`, filter.to);
  return { sql: parts.join(' AND '), params };
}

const column = <T>(items: readonly T[], pick: (item: T) => unknown) => items.map(pick);

/** How a batch's transaction began: the group commit's takes the recount lock with BEGIN (one round trip less). */
interface Start {
  begin: string;
  recountLockHeld: boolean;
}
const PLAIN: Start = { begin: 'BEGIN', recountLockHeld: false };
const LOCKED: Start = {
  begin: `BEGIN; SELECT pg_advisory_xact_lock_shared(${RECOUNT_LOCK})`,
  recountLockHeld: true,
};

export function createPgResponses(
  pool: Pool,
  /**
   * The projections (counts, text index, records, stored lines), fed every batch's new responses in its transaction:
   * they read what they need and return their writes, which go out with the batch's own in one statement.
   */
  {
    project,
    shards,
  }: {
    project: (
      client: PoolClient,
      created: readonly CountedResponse[],
      options: { recountLockHeld: boolean; shard?: number },
    ) => Promise<Statement[]>;
    /** This store's count shards: one per batch in flight (group-commit.ts). */
    shards: readonly number[];
  },
) {
  /**
   * Inserts what is new, tells identical retries (duplicate) from clashes (conflict), and adds the new responses
   * to the counts, all in the caller's transaction. Throws when a statement fails; the caller isolates items then.
   */
  async function writeSet(
    client: PoolClient,
    items: readonly NewResponse[],
    start: Start,
    shard?: number,
  ): Promise<SubmitOutcome[]> {
    // The first of each id in the batch is the one to insert; a second copy in the same batch is a retry of it.
    const first = new Map<string, number>();
    items.forEach((r, i) => {
      if (!first.has(r.id)) first.set(r.id, i);
    });
    // In id order: two servers inserting overlapping ids then wait for each other in one order, never deadlock.
    const candidates = [...first.values()]
      .map((i) => ({ r: items[i]!, recordKey: nextRecordKey() }))
      .sort((a, b) => (a.r.id < b.r.id ? -1 : a.r.id > b.r.id ? 1 : 0));
    const { rows: inserted } = await client.query<{ id: string; seq: number }>(
      `INSERT INTO responses (id, survey_id, version, locale, region, briefing, started_at, submitted_at, answers,
         content_hash, record_key, demo)
       SELECT id, survey_id, version, locale, region, briefing, started_at, submitted_at, answers, content_hash,
         record_key, demo
       FROM unnest($1::text[], $2::text[], $3::int[], $4::text[], $5::text[], $6::text[], $7::text[],
         $8::text[], $9::text[], $10::text[], $11::bigint[], $12::boolean[]) WITH ORDINALITY
         AS t(id, survey_id, version, locale, region, briefing, started_at, submitted_at, answers, content_hash,
           record_key, demo, n)
       ORDER BY n
       ON CONFLICT (id) DO NOTHING RETURNING id, seq`,
      [
        column(candidates, (c) => c.r.id),
        column(candidates, (c) => c.r.surveyId),
        column(candidates, (c) => c.r.version),
        column(candidates, (c) => c.r.locale),
        column(candidates, (c) => c.r.region),
        column(candidates, (c) => c.r.briefing),
        column(candidates, (c) => c.r.startedAt),
        column(candidates, (c) => c.r.submittedAt),
        column(candidates, (c) => JSON.stringify(c.r.answers)),
        column(candidates, (c) => c.r.contentHash),
        column(candidates, (c) => c.recordKey),
        column(candidates, (c) => c.r.demo === true),
      ],
    );
    const seqOf = new Map(inserted.map((row) => [row.id, row.seq]));
    const created = new Set(seqOf.keys());
    const createdItems = candidates.filter((c) => created.has(c.r.id));
    // Everything else was stored before (or just now by a batch-mate): its stored hash says retry or clash.
    const others = items.filter((r, i) => first.get(r.id) !== i || !created.has(r.id)).map((r) => r.id);
    const stored = new Map<string, { content_hash: string; submitted_at: string }>();
    if (others.length > 0) {
      const { rows } = await client.query<{ id: string; content_hash: string; submitted_at: string }>(
        'SELECT id, content_hash, submitted_at FROM responses WHERE id = ANY($1::text[])',
        [others],
      );
      for (const row of rows) stored.set(row.id, row);
    }
    const withBriefing = createdItems.filter((c) => c.r.briefing !== null);
    const duplicates = withBriefing.length > 0 ? await markDuplicates(client, withBriefing) : new Map();
    const writes: Statement[] = [];
    const withContacts = createdItems.filter((c) => c.r.contacts !== null);
    if (withContacts.length > 0)
      writes.push({
        sql: 'INSERT INTO response_contacts (response_id, answers) SELECT * FROM unnest($1::text[], $2::text[])',
        params: [
          column(withContacts, (c) => c.r.id),
          column(withContacts, (c) => JSON.stringify(c.r.contacts)),
        ],
      });
    const projected = await project(
      client,
      createdItems.map((c) => ({
        response: c.r,
        recordKey: c.recordKey,
        seq: seqOf.get(c.r.id)!,
        duplicateOf: duplicates.get(c.r.id) ?? null,
      })),
      { recountLockHeld: start.recountLockHeld, shard },
    );
    await runStatements(client, [...writes, ...projected]);
    return items.map((r, i): SubmitOutcome => {
      if (first.get(r.id) === i && created.has(r.id))
        return { status: 'created', submittedAt: r.submittedAt };
      const known = stored.get(r.id)!;
      return known.content_hash === r.contentHash
        ? { status: 'duplicate', submittedAt: known.submitted_at }
        : { status: 'conflict' };
    });
  }

  /**
   * The same answers in the same briefing within the last minutes, stored before this one (server/store/
   * duplicates.ts): `seq` is the insertion order, so a batch-mate counts only if it was inserted earlier.
   */
  async function markDuplicates(
    client: PoolClient,
    items: readonly { r: NewResponse }[],
  ): Promise<Map<string, string>> {
    const { rows } = await client.query<{ id: string; duplicate_of: string }>(
      `UPDATE responses AS r SET duplicate_of = (
         SELECT p.id FROM responses AS p
         WHERE p.briefing = r.briefing AND p.submitted_at >= w.since AND p.submitted_at <= r.submitted_at
           AND p.answers = r.answers AND p.seq < r.seq
         ORDER BY p.submitted_at, p.seq LIMIT 1)
       FROM unnest($1::text[], $2::text[]) AS w(id, since)
       WHERE r.id = w.id
       RETURNING r.id, r.duplicate_of`,
      [
        column(items, (c) => c.r.id),
        column(items, (c) =>
          new Date(Date.parse(c.r.submittedAt) - DUPLICATE_WINDOW_MINUTES * 60_000).toISOString(),
        ),
      ],
    );
    return new Map(rows.filter((r) => r.duplicate_of !== null).map((r) => [r.id, r.duplicate_of]));
  }

  /**
   * The batch as a whole, first in its transaction; if a statement fails, the transaction starts over and each write
   * goes again in a savepoint of its own, to find whose it was. (No savepoint around the whole: two round trips saved
   * on every batch, paid only by a failing one.)
   */
  async function writeBatch(
    client: PoolClient,
    items: readonly NewResponse[],
    start: Start,
    shard?: number,
  ): Promise<Settled<SubmitOutcome>[]> {
    try {
      const outcomes = await writeSet(client, items, start, shard);
      return outcomes.map((value) => ({ ok: true, value }));
    } catch {
      // Nothing but this batch was done in the transaction: all of it goes, and it begins again as it began.
      await client.query(`ROLLBACK; ${start.begin}`);
    }
    const settled: Settled<SubmitOutcome>[] = [];
    for (const item of items) {
      await client.query('SAVEPOINT one');
      try {
        const [value] = await writeSet(client, [item], start, shard);
        await client.query('RELEASE SAVEPOINT one');
        settled.push({ ok: true, value: value! });
      } catch (error) {
        await client.query('ROLLBACK TO SAVEPOINT one');
        settled.push({ ok: false, error });
      }
    }
    return settled;
  }

  const committer = createGroupCommitter(
    pool,
    (client, items: readonly NewResponse[], slot) => writeBatch(client, items, LOCKED, shards[slot]),
    { begin: LOCKED.begin, slots: shards.length },
  );

  return {
    committer,
    submitResponse: (r: NewResponse): Promise<SubmitOutcome> => committer.submit(r),
    /** Many responses in one transaction (demo data, imports, store copy); same idempotency rules. */
    insertResponses: (rs: readonly NewResponse[]): Promise<SubmitOutcome[]> =>
      committer.exclusive(async (client) => {
        const settled = await writeBatch(client, rs, PLAIN);
        return settled.map((s) => {
          if (!s.ok) throw s.error;
          return s.value;
        });
      }),
    async getResponse(id: string): Promise<StoredResponse | undefined> {
      const { rows } = await pool.query<ResponseRow>('SELECT * FROM responses WHERE id = $1', [id]);
      return rows[0] && toResponse(rows[0]);
    },
    async countStoredResponses(filter: ResponseFilter): Promise<number> {
      const { sql, params } = responseWhere(filter);
      const { rows } = await pool.query<{ n: number }>(
        `SELECT count(*) AS n FROM responses WHERE ${sql}`,
        params,
      );
      return rows[0]!.n;
    },
    /** Streams through a cursor in one snapshot (a transaction of its own), 1,000 rows at a time. */
    async *iterateResponses(filter: ResponseFilter): AsyncGenerator<StoredResponse> {
      const { sql, params } = responseWhere(filter);
      yield* streamRows(
        pool,
        `SELECT * FROM responses WHERE ${sql} ORDER BY submitted_at, seq`,
        params,
        toResponse,
      );
    },
  };
}

/** Rows of a query through a cursor on its own connection, in a read-only repeatable-read snapshot. */
export async function* streamRows<Row, T>(
  pool: Pool,
  sql: string,
  params: unknown[],
  map: (row: Row) => T,
  batch = 1000,
): AsyncGenerator<T> {
  const client = await pool.connect();
  let broken = false;
  let open = false;
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    open = true;
    const cursor = client.query(new Cursor<Row>(sql, params));
    try {
      for (;;) {
        const rows = await cursor.read(batch);
        if (rows.length === 0) break;
        for (const row of rows) yield map(row);
      }
    } finally {
      // Also when the reader stops early (a download cut off): the cursor and the snapshot end here.
      await cursor.close().catch(() => (broken = true));
    }
  } catch (error) {
    broken = true;
    throw error;
  } finally {
    if (open && !broken) await client.query('COMMIT').catch(() => (broken = true));
    client.release(broken);
  }
}
