import { browser } from 'wxt/browser';
import { z } from 'zod/mini';
import { authorHostBindingsItem } from '../author-hosts/bindings';
import { customConsoleHostsItem } from '../console-hosts/custom/stored';
import { hasProtectedValue, importProtectedValue, type ProtectedItem, protectedItem } from '../protected-store';
import { aemOrgByConsoleItem, environmentSetting, readOnlySetting } from '../storage-items';
import { historyItem } from '../worker/history';

/**
 * The settings kept out of content scripts' reach (lib/protected-store.ts), and the switch
 * history, each with the `storage.local` key releases before it used (WXT kept the version
 * beside it, under `<key>$`).
 */
const MOVED_ITEMS: readonly { item: ProtectedItem; storageLocalKey: string }[] = [
  { item: environmentSetting, storageLocalKey: 'environment' },
  { item: readOnlySetting, storageLocalKey: 'readOnly' },
  { item: customConsoleHostsItem, storageLocalKey: 'customConsoleHosts' },
  { item: aemOrgByConsoleItem, storageLocalKey: 'aemOrgByConsole' },
  // Not a setting, but the admin's record of switches: a frame must not forge or erase it.
  { item: historyItem, storageLocalKey: 'auditLog' },
];

/** Every protected item; the author-host bindings came after `storage.local`, so there is nothing to move. */
export const PROTECTED_ITEMS: readonly ProtectedItem[] = [
  ...MOVED_ITEMS.map(({ item }) => item),
  authorHostBindingsItem,
];

/**
 * Set once the settings were moved (or found nothing to move on a fresh install). After that,
 * `storage.local` values under the old keys are what a content script could have planted:
 * never moved again, only removed.
 */
const movedMarker = protectedItem('movedFromStorageLocal', 1);
const wxtVersionSchema = z.object({ v: z.number().check(z.int(), z.positive()) });

/**
 * On install or update: an update from a release that kept the settings in `storage.local`
 * moves each one (with its shape version, so later migrations still apply) unless the
 * protected store already holds it; then the old keys are removed. Runs to the end again if
 * it was interrupted, because the marker is set last.
 */
export async function moveSettingsOutOfStorageLocal(reason: string): Promise<void> {
  const legacyKeys = MOVED_ITEMS.flatMap(({ storageLocalKey }) => [storageLocalKey, `${storageLocalKey}$`]);
  if (reason === 'update' && (await movedMarker.getValue()) === null) {
    const legacy = await browser.storage.local.get(legacyKeys);
    for (const { item, storageLocalKey } of MOVED_ITEMS) {
      if (legacy[storageLocalKey] === undefined || (await hasProtectedValue(item.key))) continue;
      const version = wxtVersionSchema.safeParse(legacy[`${storageLocalKey}$`]);
      // A value stored before versions existed counts as version 1 (lib/versioned-item.ts).
      await importProtectedValue(item.key, version.success ? version.data.v : 1, legacy[storageLocalKey]);
    }
  }
  await movedMarker.setValue(true);
  await browser.storage.local.remove(legacyKeys);
}

/** "Clear all extension data": every protected item; the marker stays, so nothing is moved again. */
export async function clearProtectedItems(): Promise<void> {
  await Promise.all(PROTECTED_ITEMS.map((item) => item.removeValue()));
}
