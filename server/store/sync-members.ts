// The SQLite engine's code is synchronous (better-sqlite3): each member runs its SQL and returns. The Store
// interface is asynchronous so that a PostgreSQL engine can implement it too; this turns the one into the other.
import type { Store } from './interface/store';

/** A member as the synchronous code has it: the same arguments, the value itself (or a Promise it already had). */
type SyncMember<F> = F extends (...args: infer A) => infer R
  ? (...args: A) => [R] extends [AsyncIterable<infer E>] ? Iterable<E> : Awaited<R> | R
  : F;

/** The Store as the SQLite engine writes it: synchronous members, streamed reads as plain iterables. */
export type SyncStore = { [K in keyof Store]: SyncMember<Store[K]> };

/**
 * Each member returns a Promise (a throw becomes a rejection, as a PostgreSQL error would); streamed reads
 * (`iterate…`) become async iterables. Their sync iterables must not hold a statement open on the write connection
 * between entries (the caller awaits, and a write meanwhile would find the connection busy): they read pages.
 */
export function asyncMembers(store: SyncStore): Store {
  const out: Record<string, unknown> = {};
  for (const [name, member] of Object.entries(store)) {
    if (typeof member !== 'function') out[name] = member;
    else if (name.startsWith('iterate'))
      out[name] = async function* (...args: unknown[]) {
        yield* (member as (...a: unknown[]) => Iterable<unknown>)(...args);
      };
    else out[name] = async (...args: unknown[]) => (member as (...a: unknown[]) => unknown)(...args);
  }
  return out as unknown as Store;
}
