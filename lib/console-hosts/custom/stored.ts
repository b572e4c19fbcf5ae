import { storedItem, type Validated } from '../../stored-items';
import type { ConsoleHost } from './input';

/**
 * The console hosts an admin added in options (docs/ARCHITECTURE.md#console-hosts-and-detection). A stored host is only a wish: the
 * worker injects into it and answers it only while the browser also grants its permission.
 */
export const customConsoleHostsItem = storedItem('customConsoleHosts');
export { customConsoleHostSchema, customConsoleHostsSchema } from './schemas';

export function readCustomConsoleHosts(): Promise<Validated<ConsoleHost[]>> {
  return customConsoleHostsItem.read();
}

/** Worker only (lib/worker/console-host-handlers.ts). False when the host was already stored. */
export async function addCustomConsoleHost(host: ConsoleHost): Promise<boolean> {
  const { value } = await readCustomConsoleHosts();
  if (value.some((stored) => stored.matchPattern === host.matchPattern)) return false;
  await customConsoleHostsItem.setValue([...value, host]);
  return true;
}

/** Worker only. False when the host was not stored. */
export async function removeCustomConsoleHost(matchPattern: string): Promise<boolean> {
  const { value } = await readCustomConsoleHosts();
  const kept = value.filter((stored) => stored.matchPattern !== matchPattern);
  if (kept.length === value.length) return false;
  await customConsoleHostsItem.setValue(kept);
  return true;
}
