import { browser } from 'wxt/browser';
import { z } from 'zod/mini';
import { authorHostBindingsItem } from '../author-hosts/bindings';
import { customConsoleHostsItem } from '../console-hosts/custom/stored';
import { historyItem } from '../history/stored';
import { hasProtectedValue, importProtectedValue, type ProtectedItem } from '../protected-store';
import { aemOrgByConsoleItem, environmentSetting, environmentToConfirmItem, readOnlySetting } from '../storage-items';

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
 * The first release that keeps these in the protected store. An update from an earlier one
 * (`runtime.onInstalled`'s `previousVersion`) moves them; from this one on, values under the old
 * keys are what a content script could have planted: never moved, only removed. The browser
 * states the previous version itself, so no stored marker (which could be lost) decides.
 */
export const PROTECTED_STORE_SINCE = '0.2.0';

const wxtVersionSchema = z.object({ v: z.number().check(z.int(), z.positive()) });

/** Whether dotted version `a` is older than `b` (each part compared as a number: 0.10 is after 0.2). */
export function isOlderVersion(a: string, b: string): boolean {
  return a.localeCompare(b, 'en', { numeric: true }) < 0;
}

/**
 * What moves from a release that could not protect it is not vouched for: custom IMS and Assets
 * URLs wait for the admin's confirmation, history entries are marked unverified.
 */
function distrusted(storageLocalKey: string, value: unknown): unknown {
  if (storageLocalKey === 'auditLog' && Array.isArray(value)) {
    return value.map((entry) => (entry instanceof Object ? { ...entry, unverified: true } : entry));
  }
  return value;
}

const hasBaseUrls = (environment: unknown) => 'baseUrls' in Object(environment);

/**
 * On install or update: an update from a release before the protected store moves each value
 * (with its shape version, so later migrations still apply) unless the protected store already
 * holds it; then the old keys are removed, on every update.
 */
export async function moveSettingsOutOfStorageLocal(details: {
  reason: string;
  previousVersion?: string;
}): Promise<void> {
  const legacyKeys = MOVED_ITEMS.flatMap(({ storageLocalKey }) => [storageLocalKey, `${storageLocalKey}$`]);
  const { reason, previousVersion } = details;
  if (reason === 'update' && previousVersion !== undefined && isOlderVersion(previousVersion, PROTECTED_STORE_SINCE)) {
    const legacy = await browser.storage.local.get(legacyKeys);
    for (const { item, storageLocalKey } of MOVED_ITEMS) {
      if (legacy[storageLocalKey] === undefined || (await hasProtectedValue(item.key))) continue;
      const version = wxtVersionSchema.safeParse(legacy[`${storageLocalKey}$`]);
      if (storageLocalKey === 'environment' && hasBaseUrls(legacy.environment)) {
        await environmentToConfirmItem.setValue(true);
      }
      // A value stored before versions existed counts as version 1 (lib/versioned-item.ts).
      await importProtectedValue(
        item.key,
        version.success ? version.data.v : 1,
        distrusted(storageLocalKey, legacy[storageLocalKey]),
      );
    }
  }
  await browser.storage.local.remove(legacyKeys);
}

/** "Clear all extension data": every protected item. */
export async function clearProtectedItems(): Promise<void> {
  await Promise.all([...PROTECTED_ITEMS, environmentToConfirmItem].map((item) => item.removeValue()));
}
