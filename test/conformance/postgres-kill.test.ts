// PostgreSQL only: two writers (stand-ins for two app servers, each its own process, pool and count shard) post
// concurrently to one database; one is killed with SIGKILL mid-stream. Every write it acknowledged is stored, the
// other keeps writing, the counts agree with the rows (they are written in the same transactions), and the dead
// writer's shard is free again for the next server.
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { countPlansOf } from '../../exports/aggregates/count-plan';
import { loadCatalog } from '../../server/catalog/load';
import { openPostgresStore } from '../../server/store-pg';
import { exitOf } from '../support/child-exit';
import { freshSchema, type TestSchema } from '../support/postgres';
import { FIXTURE_SURVEYS } from '../support/server';

const WRITER = resolve(import.meta.dirname, '../support/pg-writer.ts');

interface Writer {
  child: ChildProcess;
  acked: string[];
  shard: Promise<number>;
  /** Resolves once `n` writes in all were acknowledged. */
  reach(n: number): Promise<void>;
}

function startWriter(url: string, prefix: string): Writer {
  const child = spawn(process.execPath, ['--import', 'tsx', WRITER, url, prefix], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const acked: string[] = [];
  const waiting: { n: number; ok: () => void }[] = [];
  let shardOk: (n: number) => void;
  const shard = new Promise<number>((ok) => (shardOk = ok));
  createInterface({ input: child.stdout! }).on('line', (line) => {
    if (line.startsWith('ready shard=')) shardOk(Number(line.slice('ready shard='.length)));
    if (!line.startsWith('ack ')) return;
    acked.push(line.slice(4));
    for (const w of waiting.filter((w) => acked.length >= w.n)) {
      waiting.splice(waiting.indexOf(w), 1);
      w.ok();
    }
  });
  return {
    child,
    acked,
    shard,
    reach: (n) => (acked.length >= n ? Promise.resolve() : new Promise((ok) => waiting.push({ n, ok }))),
  };
}

let schema: TestSchema | undefined;
const children: ChildProcess[] = [];
afterEach(async () => {
  for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  await schema?.drop();
});

describe('kill -9 of one of two writers on one PostgreSQL database', () => {
  it('loses no acknowledged write, leaves the other writing, and frees the dead one’s shard', async () => {
    schema = await freshSchema();
    const a = startWriter(schema.url, 'a');
    const b = startWriter(schema.url, 'b');
    children.push(a.child, b.child);
    const [shardA, shardB] = await Promise.all([a.shard, b.shard]);
    expect(shardA).not.toBe(shardB);
    await Promise.all([a.reach(300), b.reach(300)]);
    a.child.kill('SIGKILL');
    expect((await exitOf(a.child)).signal).toBe('SIGKILL');
    const ackedByA = [...a.acked];
    // The survivor goes on: 300 more acknowledged writes after the other died.
    const bBefore = b.acked.length;
    await b.reach(bBefore + 300);
    b.child.kill('SIGKILL');
    await exitOf(b.child);

    const store = await openPostgresStore(schema.url, {
      countPlans: countPlansOf(loadCatalog(FIXTURE_SURVEYS).catalog.surveys),
      poolSize: 2,
    });
    try {
      const stored = async (ids: string[]) =>
        (
          await store.pool.query<{ n: number }>(
            'SELECT count(*) AS n FROM responses WHERE id = ANY($1::text[])',
            [ids],
          )
        ).rows[0]!.n;
      expect(await stored(ackedByA)).toBe(ackedByA.length);
      expect(await stored(b.acked)).toBe(b.acked.length);
      // Rows and counts move together: the killed writer's last batch is either in both or in neither.
      const rows = await store.countStoredResponses({ surveyId: 'example' });
      const [all] = await store.tallyAnswers({ surveyId: 'example' }, { by: 'all' });
      expect(all!.versions[0]!.responses).toBe(rows);
      expect(all!.versions[0]!.questions.get('role')?.counts[0]).toBe(rows);
      expect([shardA, shardB]).toContain(store.shard);
    } finally {
      await store.close();
    }
    // Two node processes writing on a shared two-core machine: a minute is generous, 30 s is not.
  }, 120_000);
});
