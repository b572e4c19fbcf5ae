import 'fake-indexeddb/auto';
import { clear, createStore } from 'idb-keyval';
import { beforeEach } from 'vitest';

// Node has no IndexedDB: the protected store (lib/protected-store.ts) runs on an in-memory one,
// emptied before every test as `fakeBrowser.reset()` empties `storage`.
beforeEach(async () => {
  await clear(createStore('protected-settings', 'items'));
});
