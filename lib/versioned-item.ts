import { type StorageItemKey, storage } from 'wxt/utils/storage';

/** One step of a stored value's shape: takes the value of the version before, returns this version's. */
export type Migration = (stored: unknown) => unknown;

/**
 * A stored value with the version of its shape beside it (WXT keeps it under `<key>$`), so a
 * release that changes the shape migrates what an earlier release wrote instead of failing to
 * parse it and falling back to the default. Raise `version` and add `migrations[version]` with
 * every change of shape; a value written before versions existed counts as version 1.
 * The migrations object is always passed: without it WXT records no version on first write.
 */
export function versionedItem(key: StorageItemKey, version: number, migrations: Record<number, Migration> = {}) {
  return storage.defineItem<unknown>(key, { version, migrations });
}
