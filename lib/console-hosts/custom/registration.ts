import { browser } from 'wxt/browser';
import { readPolicy, watchPolicy } from '../../policy/managed';
import { CONSOLE_CONTENT_SCRIPT_FILE, CUSTOM_HOST_SCRIPT_PREFIX } from '..';
import { customConsoleHostsItem, readCustomConsoleHosts } from './stored';

/**
 * Content scripts for the console hosts an admin added (docs/ARCHITECTURE.md#console-hosts-and-detection). The browser keeps the
 * registrations across restarts; this module keeps them equal to "stored AND granted": a host
 * whose permission was revoked in the browser's own UI loses its script, and gets it back
 * when the permission is granted again.
 */

/** Match patterns of the custom hosts that are both stored and granted right now. */
export async function grantedCustomConsoleMatches(): Promise<string[]> {
  const [{ value: hosts }, { policy }] = await Promise.all([readCustomConsoleHosts(), readPolicy()]);
  // Hosts set by enterprise policy count like added ones; they still need the browser's grant.
  const wanted = [...new Set([...(policy.consoleHosts ?? []), ...hosts.map((host) => host.matchPattern)])];
  if (wanted.length === 0) return [];
  const granted = new Set((await browser.permissions.getAll()).origins ?? []);
  return wanted.filter((pattern) => granted.has(pattern));
}

/**
 * Where the worker accepts content scripts and sends broadcasts: the build's console hosts plus
 * the granted custom ones. Read per message, never cached in a global: a revoke counts at once.
 */
export async function currentConsoleMatches(builtInMatches: readonly string[]): Promise<string[]> {
  return [...builtInMatches, ...(await grantedCustomConsoleMatches())];
}

const scriptIdOf = (matchPattern: string) => `${CUSTOM_HOST_SCRIPT_PREFIX}${matchPattern}`;

async function sync(): Promise<void> {
  const wanted = new Set(await grantedCustomConsoleMatches());
  const registered = (await browser.scripting.getRegisteredContentScripts())
    .map((script) => script.id)
    .filter((id) => id.startsWith(CUSTOM_HOST_SCRIPT_PREFIX));
  const stale = registered.filter((id) => !wanted.has(id.slice(CUSTOM_HOST_SCRIPT_PREFIX.length)));
  const missing = [...wanted].filter((pattern) => !registered.includes(scriptIdOf(pattern)));
  if (stale.length > 0) await browser.scripting.unregisterContentScripts({ ids: stale });
  if (missing.length === 0) return;
  await browser.scripting.registerContentScripts(
    missing.map((pattern) => ({
      id: scriptIdOf(pattern),
      matches: [pattern],
      js: [CONSOLE_CONTENT_SCRIPT_FILE],
      // The same injection as the static console script: every frame, once the page is idle.
      allFrames: true,
      runAt: 'document_idle' as const,
      persistAcrossSessions: true,
    })),
  );
}

// Storage and permission events can arrive together (options adds the host and its permission):
// one sync at a time, and one more after it when something changed meanwhile.
let running: Promise<void> | undefined;
let again = false;

export function syncCustomConsoleScripts(): Promise<void> {
  if (running) {
    again = true;
    return running;
  }
  running = (async () => {
    try {
      do {
        again = false;
        await sync();
      } while (again);
    } finally {
      running = undefined;
    }
  })();
  return running;
}

/**
 * Worker start-up: re-sync now and whenever the list, the policy or the browser's grants change
 * (a revoke in the browser's own UI wakes the worker). Returns the unwatch.
 */
export function watchCustomConsoleHosts(onError: (error: unknown) => void): () => void {
  const resync = () => {
    syncCustomConsoleScripts().catch(onError);
  };
  browser.permissions.onAdded.addListener(resync);
  browser.permissions.onRemoved.addListener(resync);
  const unwatchList = customConsoleHostsItem.watch(resync);
  const unwatchPolicy = watchPolicy(resync);
  resync();
  return () => {
    browser.permissions.onAdded.removeListener(resync);
    browser.permissions.onRemoved.removeListener(resync);
    unwatchList();
    unwatchPolicy();
  };
}
