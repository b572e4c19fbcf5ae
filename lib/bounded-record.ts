/**
 * Records keyed by what a console page names (its tenant, org name, tab) stay bounded: a
 * hostile page inventing consoles must not fill the browser's storage quota, after which the
 * worker's own writes (the IMS session) would fail. The oldest entries give way.
 */
export const PAGE_KEYED_ENTRIES_MAX = 50;

/**
 * `record` with `key` set to `value` as its newest entry, keeping at most `max` entries. Entries
 * keep their insertion order through storage (tab ids, being integers, sort ascending: the
 * oldest tab first as well).
 */
export function withNewestEntry<V>(
  record: Readonly<Record<string, V>>,
  key: string,
  value: V,
  max = PAGE_KEYED_ENTRIES_MAX,
): Record<string, V> {
  const others = Object.entries(record).filter(([existing]) => existing !== key);
  return { ...Object.fromEntries(others.slice(Math.max(0, others.length - (max - 1)))), [key]: value };
}
