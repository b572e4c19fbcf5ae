import { browser } from 'wxt/browser';
import { SANDBOX_POLICY_KEY } from '../policy/managed';

/**
 * "Clear all extension data": everything in `storage.local` (settings, history, remembered
 * AEM orgs) and `storage.session` (session, caches, switch record). Enterprise policy is not
 * ours to clear; in a sandbox build its stand-in in `local` stays for the same reason.
 */
export async function clearExtensionStorage(): Promise<void> {
  const keep = import.meta.env.MODE === 'production' ? [] : [SANDBOX_POLICY_KEY];
  const keys = Object.keys(await browser.storage.local.get(null)).filter((key) => !keep.includes(key));
  await browser.storage.local.remove(keys);
  await browser.storage.session.clear();
}
