// The answer-count shard this store writes to: the smallest number no other open store holds. Held as a
// session-level advisory lock on a connection of its own (outside the pool) kept for the store's lifetime, so it is
// released by PostgreSQL itself when the process dies (kill -9 included) and the next store to open takes it again:
// the shards stay as few as the servers that ever ran at once, and no two open stores add to the same count row.
import pg from 'pg';

export interface Shard {
  readonly number: number;
  /** Gives the shard back (closes its connection). */
  release(): Promise<void>;
}

export async function claimShard(url: string): Promise<Shard> {
  const client = new pg.Client({ connectionString: url });
  // A dropped connection loses the lock; the writes then go on (their rows stay correct: one batch at a time per
  // store), only another store could take the same number. Without a listener the error would end the process.
  client.on('error', () => {});
  await client.connect();
  try {
    for (let n = 0; ; n++) {
      const { rows } = await client.query<{ ok: boolean }>(
        // Keyed by the schema too: stores of other schemas in the same database (the tests') are not rivals.
        `SELECT pg_try_advisory_lock(hashtext(current_schema() || ':answer-count-shards'), $1) AS ok`,
        [n],
      );
      if (rows[0]!.ok) return { number: n, release: () => client.end() };
    }
  } catch (error) {
    await client.end().catch(() => {});
    throw error;
  }
}
