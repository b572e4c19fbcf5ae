import type { ProtectedItemName } from './stored-items';

/**
 * What the end-to-end tests call inside a sandbox build's worker (tests/e2e/support/extension-environment.ts,
 * exposed by `exposeStoredItemsForTests` in lib/stored-items-exposed.ts). Imports nothing at run time, so
 * Node-side tests can import the name.
 */
export interface StoredItemsTestHook {
  write(name: ProtectedItemName, value: unknown): Promise<void>;
  read(name: ProtectedItemName): Promise<unknown>;
}
export const STORED_ITEMS_TEST_HOOK = '__storedItemsForTests';
