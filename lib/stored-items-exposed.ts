import { readProtectedRecord } from './protected-store';
import { storedItem } from './stored-items';
import { STORED_ITEMS_TEST_HOOK, type StoredItemsTestHook } from './stored-items-test-hook';

/**
 * Sandbox builds only (the caller checks `isSandboxBuild`, so a production bundle drops this):
 * tests write protected items through the store's own code, so they can never disagree with it
 * on the database, the record's version or the change notice.
 */
export function exposeStoredItemsForTests(): void {
  const hook: StoredItemsTestHook = {
    write: (name, value) => (value === undefined ? storedItem(name).removeValue() : storedItem(name).setValue(value)),
    read: (name) => readProtectedRecord(name),
  };
  Object.assign(globalThis, { [STORED_ITEMS_TEST_HOOK]: hook });
}
