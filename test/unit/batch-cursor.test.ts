// BatchCursor, which the file streams pull rows through: a cursor closed while a chunk is being made (a download
// cut off) never starts its batches again, since a closed export reader refuses and nobody would hear it.
import { expect, it } from 'vitest';
import { BatchCursor } from '../../exports/batches';

it('after close, refill answers false and does not start the batches again', async () => {
  let started = 0;
  const batches = {
    async *[Symbol.asyncIterator]() {
      started += 1;
      yield [1, 2];
      yield [3];
    },
  };
  const cursor = new BatchCursor<number>(batches);
  expect(await cursor.refill()).toBe(true);
  expect([cursor.take(), cursor.take(), cursor.take()]).toEqual([1, 2, undefined]);
  cursor.close();
  expect(await cursor.refill()).toBe(false);
  expect(cursor.take()).toBeUndefined();
  expect(started).toBe(1);
});
