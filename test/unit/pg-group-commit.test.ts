// The PostgreSQL group commit's pipeline (server/store-pg/group-commit.ts), on a pool that only records what it is
// asked: one batch does its statements at a time, the next starts when that one's COMMIT is sent (and runs beside
// that COMMIT), and everything that arrived meanwhile goes into it as one batch.
import { expect, it } from 'vitest';
import { createGroupCommitter } from '../../server/store-pg/group-commit';
import type { Pool, PoolClient } from '../../server/store-pg/pool';

/** A promise with its resolve, to hold a step until the test lets it go. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

it('starts the next batch when the last one sends its COMMIT, with every write that came meanwhile', async () => {
  const events: string[] = [];
  const commits: ReturnType<typeof gate>[] = [];
  const client = {
    async query(sql: string) {
      if (sql !== 'COMMIT') return;
      const held = gate();
      commits.push(held);
      events.push('COMMIT sent');
      await held.opened;
    },
    release() {},
  } as unknown as PoolClient;
  const pool = { connect: async () => client } as unknown as Pool;

  const statementsOfFirst = gate();
  const batches: number[][] = [];
  const committer = createGroupCommitter<number, number>(
    pool,
    async (_client, items) => {
      batches.push([...items]);
      events.push(`statements of [${items.join(',')}]`);
      if (items[0] === 1) await statementsOfFirst.opened;
      return items.map((value) => ({ ok: true as const, value }));
    },
    { slots: 2 },
  );

  const settled = [committer.submit(1)];
  await tick();
  // Arriving in separate ticks while the first batch does its statements: a free slot does not start a batch yet.
  settled.push(committer.submit(2));
  await tick();
  settled.push(committer.submit(3), committer.submit(4));
  await tick();
  expect(batches).toEqual([[1]]);

  statementsOfFirst.open();
  await tick();
  // The first batch's COMMIT is on its way and the second batch's statements run beside it, all three writes in it.
  expect(batches).toEqual([[1], [2, 3, 4]]);
  expect(events.slice(0, 3)).toEqual(['statements of [1]', 'COMMIT sent', 'statements of [2,3,4]']);

  // Nobody hears back before their batch's COMMIT returned.
  let answered = 0;
  for (const p of settled) void p.then(() => answered++);
  await tick();
  expect(answered).toBe(0);
  commits[0]!.open();
  await tick();
  expect(answered).toBe(1);
  commits[1]!.open();
  expect(await Promise.all(settled)).toEqual([1, 2, 3, 4]);
  await committer.drain();
});

it('goes on with the next writes when a batch could not even begin (no connection)', async () => {
  let connections = 0;
  const client = { query: async () => {}, release() {} } as unknown as PoolClient;
  const pool = {
    connect: async () => {
      if (connections++ === 0) throw new Error('the database is restarting');
      return client;
    },
  } as unknown as Pool;
  const committer = createGroupCommitter<number, number>(
    pool,
    async (_client, items) => items.map((value) => ({ ok: true as const, value })),
    { slots: 2 },
  );

  await expect(committer.submit(1)).rejects.toThrow('the database is restarting');
  expect(await committer.submit(2)).toBe(2);
  await committer.drain();
});
