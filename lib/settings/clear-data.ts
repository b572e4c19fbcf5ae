import { browser } from 'wxt/browser';
import { readCustomConsoleHosts } from '../console-hosts/custom/stored';
import { SANDBOX_POLICY_KEY } from '../policy/managed';
import { clearProtectedItems } from './protected-settings';

/**
 * "Clear all extension data": the protected items (environment, read-only, console hosts,
 * remembered AEM orgs, switch history), whatever is left in `storage.local`, and
 * `storage.session` (session, caches, switch record). Enterprise policy is not
 * ours to clear; in a sandbox build its stand-in in `local` stays for the same reason.
 * Custom console hosts give their permissions back first; their scripts are unregistered by
 * the worker's sync when the list disappears.
 */
export async function clearExtensionStorage(): Promise<void> {
  const { value: hosts } = await readCustomConsoleHosts();
  if (hosts.length > 0) await browser.permissions.remove({ origins: hosts.map((host) => host.matchPattern) });
  const keep = import.meta.env.MODE === 'production' ? [] : [SANDBOX_POLICY_KEY];
  const keys = Object.keys(await browser.storage.local.get(null)).filter((key) => !keep.includes(key));
  await browser.storage.local.remove(keys);
  await clearProtectedItems();
  await browser.storage.session.clear();
}
