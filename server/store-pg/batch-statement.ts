// Writes that depend on nothing the others write, sent as one statement (data-modifying WITH): on a loaded machine
// each round trip inside the batch's transaction costs milliseconds of waiting for the scheduler, far more than the
// statements themselves (issue 15 item 6), so the projections' inserts travel together.
import type { PoolClient } from './pool';

/** One SQL statement with its own $1…$n. */
export interface Statement {
  sql: string;
  params: unknown[];
}

/**
 * The statements as one: every one but the last in a WITH of its own, their parameters renumbered after the ones
 * before. They all see the same snapshot and none sees another's rows: only writes that need no other's result
 * (and never the same row twice) may go together.
 */
export function combine(statements: readonly Statement[]): Statement | undefined {
  if (statements.length <= 1) return statements[0];
  const params: unknown[] = [];
  const parts = statements.map(({ sql, params: own }) => {
    const offset = params.length;
    params.push(...own);
    return sql.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + offset}`);
  });
  const last = parts.pop()!;
  return { sql: `WITH ${parts.map((p, i) => `w${i} AS (${p})`).join(', ')} ${last}`, params };
}

/** The statements in one round trip (none when there is nothing to write). */
export async function runStatements(client: PoolClient, statements: readonly Statement[]): Promise<void> {
  const one = combine(statements);
  if (one) await client.query(one.sql, one.params);
}
