// Rows in batches, as an ExportReader hands them out: for the CSV streams' unit tests. Leaving early (a stream
// destroyed midway) closes the source, as the reader frees its statement.
export async function* inBatches<T>(rows: Iterable<T>, size = 256): AsyncGenerator<T[]> {
  let batch: T[] = [];
  for (const row of rows) {
    batch.push(row);
    if (batch.length === size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}
