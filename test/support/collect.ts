// Everything an async iterable yields, as an array (Array.fromAsync is not in Node 20): the audit log in tests.
export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}
