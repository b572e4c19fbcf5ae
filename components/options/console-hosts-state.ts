import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { ConsoleHost } from '@/lib/console-hosts/custom/input';
import { customConsoleHostsItem, readCustomConsoleHosts } from '@/lib/console-hosts/custom/stored';

export interface StoredConsoleHost extends ConsoleHost {
  /** False when the browser no longer grants the host (revoked in its own UI). */
  granted: boolean;
}

/**
 * The custom console hosts as options shows them: the stored list, each with whether the
 * browser grants it now. Re-read whenever the list or the browser's grants change, also when
 * that happens elsewhere (another options tab, the browser's extension settings).
 */
export function useConsoleHosts() {
  const hosts = useSignal<StoredConsoleHost[] | undefined>(undefined);
  const corrupted = useSignal(false);
  /** Every host pattern the browser grants now (also the ones enterprise policy names). */
  const grantedPatterns = useSignal<ReadonlySet<string>>(new Set());

  async function refresh(): Promise<void> {
    const [stored, permissions] = await Promise.all([readCustomConsoleHosts(), browser.permissions.getAll()]);
    const granted = new Set(permissions.origins ?? []);
    grantedPatterns.value = granted;
    corrupted.value = stored.corrupted;
    hosts.value = stored.value.map((host) => ({ ...host, granted: granted.has(host.matchPattern) }));
  }

  useEffect(() => {
    const onChange = () => void refresh();
    void refresh();
    const unwatch = customConsoleHostsItem.watch(onChange);
    browser.permissions.onAdded.addListener(onChange);
    browser.permissions.onRemoved.addListener(onChange);
    return () => {
      unwatch();
      browser.permissions.onAdded.removeListener(onChange);
      browser.permissions.onRemoved.removeListener(onChange);
    };
  }, []);

  return { hosts, corrupted, grantedPatterns, refresh };
}
