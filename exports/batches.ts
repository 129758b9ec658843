// Rows that arrive in batches from an asynchronous store (ExportReader.rows/lines, a cursor on PostgreSQL), pulled
// one at a time by the streams that write files: a row from the batch in hand costs no await, only a new batch does.

/** Rows in batches, as the reader hands them out (arrays) or as a lazy mapping of them (one reused row each). */
export type Batches<T> = AsyncIterable<Iterable<T>>;

/** The rows of `rows` as one batch: an in-memory list (a dictionary sheet) where batches are expected. */
export async function* oneBatch<T>(rows: Iterable<T>): AsyncGenerator<Iterable<T>> {
  yield rows;
}

export class BatchCursor<T> {
  private source: AsyncIterator<Iterable<T>> | undefined;
  private rows: Iterator<T> | undefined;
  private closed = false;

  constructor(private readonly batches: Batches<T>) {}

  /** The next row of the batch in hand, or undefined when it is used up: then `refill()`. */
  take(): T | undefined {
    const next = this.rows?.next();
    return next === undefined || next.done ? undefined : next.value;
  }

  /** Waits for the next batch; false when there are no more (the source is then finished). */
  async refill(): Promise<boolean> {
    // Closed while a chunk was being made: never start the batches again (a closed reader refuses, and that
    // refusal, thrown into a stream already torn down, was an uncaught exception on PostgreSQL).
    if (this.closed) return false;
    this.source ??= this.batches[Symbol.asyncIterator]();
    const next = await this.source.next();
    if (next.done) {
      this.source = undefined;
      this.rows = undefined;
      return false;
    }
    this.rows = next.value[Symbol.iterator]();
    return true;
  }

  /** A stream ended early (a client that went away): frees the source's statement or cursor now. */
  close(): void {
    this.closed = true;
    const source = this.source;
    this.source = undefined;
    this.rows = undefined;
    // return() of an async generator waits for a next() in flight, then runs its finally: the statement is freed.
    source?.return?.()?.catch(() => {});
  }
}
