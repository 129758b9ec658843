// The connection pool, with the type parsing every query of this engine relies on: bigint columns (identities,
// record keys, counts) come back as JS numbers, as better-sqlite3 gives them (every value here stays far below 2^53).
import pg from 'pg';

export type Pool = pg.Pool;
export type PoolClient = pg.PoolClient;

const INT8_OID = 20;
const NUMERIC_OID = 1700;

const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === INT8_OID || oid === NUMERIC_OID) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format as 'text');
  },
};

export interface PoolOptions {
  /** Connections at most; the group commit holds one, readers share the rest. */
  max?: number;
}

export function openPool(url: string, { max = 10 }: PoolOptions = {}): Pool {
  const pool = new pg.Pool({ connectionString: url, max, types: types as pg.CustomTypesConfig });
  // An idle connection that the server dropped (a restart, a failover) is taken out of the pool; a query on it
  // fails and the caller's error handling sees it. Without a listener the 'error' event would end the process.
  pool.on('error', () => {});
  return pool;
}

/**
 * Runs `work` in one transaction on one connection: COMMIT when it resolves, ROLLBACK when it throws. `begin` may add
 * statements without parameters after BEGIN (a lock), sent in the same round trip.
 */
export async function inTransaction<T>(
  pool: Pool,
  work: (client: PoolClient) => Promise<T>,
  begin = 'BEGIN',
): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query(begin);
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}
