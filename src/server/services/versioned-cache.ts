/** Answers kept for as long as what they were computed from stays the same. */
export interface VersionedCache<T> {
  /**
   * The answer for `key` computed at `version`: the kept one when the version is unchanged,
   * otherwise a new one. Requests for the same key and version share one computation.
   */
  get(key: string, version: string, compute: () => Promise<T>): Promise<T>;
  readonly size: number;
}

/**
 * An in-memory cache of at most `capacity` answers, the least recently used leaving first. The
 * version is read by the caller from the database (cheaply), so every process of a cluster
 * agrees on when an answer is stale without telling one another.
 */
export function versionedCache<T>(capacity: number): VersionedCache<T> {
  const entries = new Map<string, { version: string; value: Promise<T> }>();
  return {
    get(key, version, compute) {
      const found = entries.get(key);
      entries.delete(key);
      if (found?.version === version) {
        // Re-inserted, so the map's order stays least recently used first.
        entries.set(key, found);
        return found.value;
      }
      const entry = { version, value: compute() };
      entries.set(key, entry);
      // A failed computation is not kept: the next request tries again.
      entry.value.catch(() => {
        if (entries.get(key) === entry) entries.delete(key);
      });
      for (const oldest of entries.keys()) {
        if (entries.size <= capacity) break;
        entries.delete(oldest);
      }
      return entry.value;
    },
    get size() {
      return entries.size;
    },
  };
}
