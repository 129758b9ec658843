// The answer-count shard this store writes to: the smallest number no other open store holds. Held as a
// session-level advisory lock on a connection kept for the store's lifetime, so it is released by PostgreSQL itself
// when the process dies (kill -9 included) and the next store to open takes it again: the shards stay as few as
// the servers that ever ran at once, and no two open stores ever add to the same count row.
import type { Pool, PoolClient } from './pool';

export interface Shard {
  readonly number: number;
  /** Gives the shard back (closes its connection). */
  release(): Promise<void>;
}

export async function claimShard(pool: Pool): Promise<Shard> {
  const client: PoolClient = await pool.connect();
  try {
    for (let n = 0; ; n++) {
      const { rows } = await client.query<{ ok: boolean }>(
        // Keyed by the schema too: stores of other schemas in the same database (the tests') are not rivals.
        `SELECT pg_try_advisory_lock(hashtext(current_schema() || ':answer-count-shards'), $1) AS ok`,
        [n],
      );
      if (rows[0]!.ok)
        return {
          number: n,
          async release() {
            // Destroys the connection rather than returning it with the lock still held.
            client.release(true);
          },
        };
    }
  } catch (error) {
    client.release(true);
    throw error;
  }
}
