import { browser } from 'wxt/browser';
import { hasProtectedValue, importProtectedValue, type ProtectedItem } from '../protected-store';
import { PROTECTED_ITEM_NAMES, type ProtectedItemName, STORED_ITEMS, storedItem } from '../stored-items';

/**
 * The protected items (lib/stored-items.ts) releases before the protected store kept in
 * `storage.local`, each with the key they used there (WXT kept the version beside it, under
 * `<key>$`). The author-host bindings and `environmentToConfirm` came later: nothing to move.
 */
const MOVED_ITEMS: readonly { name: ProtectedItemName; storageLocalKey: string }[] = [
  { name: 'environment', storageLocalKey: 'environment' },
  { name: 'readOnly', storageLocalKey: 'readOnly' },
  { name: 'customConsoleHosts', storageLocalKey: 'customConsoleHosts' },
  { name: 'aemOrgByConsole', storageLocalKey: 'aemOrgByConsole' },
  // Not a setting, but the admin's record of switches: a frame must not forge or erase it.
  { name: 'switchHistory', storageLocalKey: 'auditLog' },
];

/** Every protected item, as the registry lists them. */
export const PROTECTED_ITEMS: readonly ProtectedItem[] = PROTECTED_ITEM_NAMES.map((name) => storedItem(name));

/**
 * The first release that keeps these in the protected store. An update from an earlier one
 * (`runtime.onInstalled`'s `previousVersion`) moves them; from this one on, values under the old
 * keys are what a content script could have planted: never moved, only removed. The browser
 * states the previous version itself, so no stored marker (which could be lost) decides.
 */
export const PROTECTED_STORE_SINCE = '0.2.0';

/** Whether dotted version `a` is older than `b` (each part compared as a number: 0.10 is after 0.2). */
export function isOlderVersion(a: string, b: string): boolean {
  return a.localeCompare(b, 'en', { numeric: true }) < 0;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The value in this release's shape, and not vouched for: what moves from a release that could
 * not protect it waits for the admin (custom IMS and Assets URLs) or is marked unverified
 * (history entries). Those releases' history entries name no path: they all went through the API.
 */
function distrusted(storageLocalKey: string, value: unknown): unknown {
  if (storageLocalKey === 'auditLog' && Array.isArray(value)) {
    return value.map((entry) => (isRecord(entry) ? { path: 'api', ...entry, unverified: true } : entry));
  }
  return value;
}

const hasBaseUrls = (environment: unknown) => 'baseUrls' in Object(environment);

/**
 * On install or update: an update from a release before the protected store moves each value
 * (in this release's shape, at the registry's version) unless the protected store already holds
 * it; then the old keys are removed, on every update.
 */
export async function moveSettingsOutOfStorageLocal(details: {
  reason: string;
  previousVersion?: string;
}): Promise<void> {
  const legacyKeys = MOVED_ITEMS.flatMap(({ storageLocalKey }) => [storageLocalKey, `${storageLocalKey}$`]);
  const { reason, previousVersion } = details;
  if (reason === 'update' && previousVersion !== undefined && isOlderVersion(previousVersion, PROTECTED_STORE_SINCE)) {
    const legacy = await browser.storage.local.get(legacyKeys);
    for (const { name, storageLocalKey } of MOVED_ITEMS) {
      const key: string = name;
      const { version } = STORED_ITEMS[name];
      if (legacy[storageLocalKey] === undefined || (await hasProtectedValue(key))) continue;
      if (storageLocalKey === 'environment' && hasBaseUrls(legacy.environment)) {
        await storedItem('environmentToConfirm').setValue(true);
      }
      await importProtectedValue(key, version, distrusted(storageLocalKey, legacy[storageLocalKey]));
    }
  }
  await browser.storage.local.remove(legacyKeys);
}

/** "Clear all extension data": every protected item. */
export async function clearProtectedItems(): Promise<void> {
  await Promise.all(PROTECTED_ITEMS.map((item) => item.removeValue()));
}
