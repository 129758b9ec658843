// Group commit: writes that arrive together share ONE transaction (one fsync for all), and nobody hears "stored"
// before that transaction committed. A second connection to the same file proves both: while the batch's last write
// runs, the others are invisible to it (they are not committed yet, so they are in the same open transaction), and
// every promise resolves only once they are visible (committed). With a transaction per write, the first check fails.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { openDatabase, openReadOnly, type Db } from '../../server/store/db';
import { createGroupCommitter } from '../../server/store/group-commit';
import { makeTempDir } from '../support/server';

let dir: string;
let db: Db;
let reader: Db;

afterEach(() => {
  reader?.close();
  db?.close();
  rmSync(dir, { recursive: true, force: true });
});

it('writes that arrive together commit as one transaction, and each settles after that commit', async () => {
  dir = makeTempDir('saualnama-group-commit-');
  const file = join(dir, 'batch.db');
  db = openDatabase(file);
  db.exec('CREATE TABLE items (n INTEGER PRIMARY KEY)');
  reader = openReadOnly(file);
  const visible = () => (reader.prepare('SELECT count(*) AS c FROM items').get() as { c: number }).c;

  const seenByOthers: number[] = [];
  const insert = db.prepare('INSERT INTO items (n) VALUES (?)');
  const committer = createGroupCommitter(db, (n: number) => {
    // What another connection sees of this batch's earlier writes while this one is being written.
    seenByOthers.push(visible());
    insert.run(n);
    return n;
  });

  const settledWhenVisible: number[] = [];
  await Promise.all(
    [1, 2, 3, 4, 5].map((n) => committer.submit(n).then(() => settledWhenVisible.push(visible()))),
  );
  expect(seenByOthers).toEqual([0, 0, 0, 0, 0]);
  expect(settledWhenVisible).toEqual([5, 5, 5, 5, 5]);
});
