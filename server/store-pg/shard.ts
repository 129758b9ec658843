// The answer-count shard this store writes to: the smallest number no other open store holds. Held as a
// session-level advisory lock on a connection kept for the store's lifetime, so it is released by PostgreSQL itself
// when the process dies (kill -9 included) and the next store to open takes it again: the shards stay as few as
// the servers that ever ran at once, and no two open stores ever add to the same count row.
import type { Pool, PoolClient } from './pool';

const SHARD_LOCKS = 0x5a4d_0002;

export interface Shard {
  readonly number: number;
  /** Gives the shard back (closes its connection). */
  release(): Promise<void>;
}

export async function claimShard(pool: Pool): Promise<Shard> {
  const client: PoolClient = await pool.connect();
  try {
    for (let n = 0; ; n++) {
      const { rows } = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1, $2) AS ok', [
        SHARD_LOCKS,
        n,
      ]);
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
