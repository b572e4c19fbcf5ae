import { browser } from 'wxt/browser';
import { z } from 'zod/mini';
import { customConsoleHostsItem } from '../console-hosts-settings';
import { hasProtectedValue, importProtectedValue, type ProtectedItem, protectedItem } from '../protected-store';
import { aemOrgByConsoleItem, environmentSetting, readOnlySetting } from '../storage-items';
import { auditItem } from '../worker/audit';

/**
 * The settings kept out of content scripts' reach (lib/protected-store.ts), and the switch
 * history. Releases before it kept them in `storage.local` under the same keys, with WXT's
 * version beside each (`<key>$`).
 */
export const PROTECTED_ITEMS: readonly ProtectedItem[] = [
  environmentSetting,
  readOnlySetting,
  customConsoleHostsItem,
  aemOrgByConsoleItem,
  // Not a setting, but the admin's audit trail: a frame must not forge or erase it.
  auditItem,
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
  const legacyKeys = PROTECTED_ITEMS.flatMap(({ key }) => [key, `${key}$`]);
  if (reason === 'update' && (await movedMarker.getValue()) === null) {
    const legacy = await browser.storage.local.get(legacyKeys);
    for (const { key } of PROTECTED_ITEMS) {
      if (legacy[key] === undefined || (await hasProtectedValue(key))) continue;
      const version = wxtVersionSchema.safeParse(legacy[`${key}$`]);
      // A value stored before versions existed counts as version 1 (lib/versioned-item.ts).
      await importProtectedValue(key, version.success ? version.data.v : 1, legacy[key]);
    }
  }
  await movedMarker.setValue(true);
  await browser.storage.local.remove(legacyKeys);
}

/** "Clear all extension data": every protected item; the marker stays, so nothing is moved again. */
export async function clearProtectedItems(): Promise<void> {
  await Promise.all(PROTECTED_ITEMS.map((item) => item.removeValue()));
}
