// The union of ordered lists across survey versions, so columns never shift when a version adds or drops something.

/**
 * `lists` come newest first. The result keeps the newest list's order; an item that only an older list has is
 * inserted right after the item it followed in that list (at the front if it came first there).
 */
export function mergeOrdered<T>(lists: readonly (readonly T[])[], key: (item: T) => string): T[] {
  const merged: T[] = [];
  const keys: string[] = [];
  for (const list of lists) {
    let after = -1; // index in `merged` of the previous item of this list
    for (const item of list) {
      const k = key(item);
      const at = keys.indexOf(k);
      if (at >= 0) {
        after = at;
        continue;
      }
      merged.splice(after + 1, 0, item);
      keys.splice(after + 1, 0, k);
      after += 1;
    }
  }
  return merged;
}
