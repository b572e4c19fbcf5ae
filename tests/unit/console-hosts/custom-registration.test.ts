import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CONSOLE_CONTENT_SCRIPT_FILE } from '@/lib/console-hosts';
import {
  currentConsoleMatches,
  grantedCustomConsoleMatches,
  syncCustomConsoleScripts,
  watchCustomConsoleHosts,
} from '@/lib/console-hosts/custom/registration';
import { customConsoleHostsItem, readCustomConsoleHosts } from '@/lib/console-hosts/custom/stored';
import { createMessageRouter, type Handlers } from '@/lib/messaging/router';
import { classifySender } from '@/lib/messaging/sender';
import { SANDBOX_POLICY_KEY } from '@/lib/policy/managed';
import { createConsoleHostHandlers } from '@/lib/worker/console-host-handlers';

// WXT's fake browser has no permissions or scripting API: these keep their state in memory and
// fail the way Chromium does (a duplicate or unknown script id is an error).
type Script = Browser.scripting.RegisteredContentScript;
type PermissionListener = (permissions: { origins?: string[] }) => void;
const granted = new Set<string>();
const scripts = new Map<string, Script>();
const listeners = { added: [] as PermissionListener[], removed: [] as PermissionListener[] };
/** The list's change notices outlive `fakeBrowser.reset()`: each test stops the watchers it started. */
const unwatchers: (() => void)[] = [];
const watchHosts = () => {
  unwatchers.push(watchCustomConsoleHosts((error) => expect.unreachable(String(error))));
};
afterEach(() => {
  for (const unwatch of unwatchers.splice(0)) unwatch();
});

beforeEach(() => {
  fakeBrowser.reset();
  granted.clear();
  scripts.clear();
  listeners.added = [];
  listeners.removed = [];
  vi.spyOn(fakeBrowser.permissions, 'getAll').mockImplementation(async () => ({ origins: [...granted] }));
  vi.spyOn(fakeBrowser.permissions.onAdded, 'addListener').mockImplementation((l) => {
    listeners.added.push(l as PermissionListener);
  });
  vi.spyOn(fakeBrowser.permissions.onRemoved, 'addListener').mockImplementation((l) => {
    listeners.removed.push(l as PermissionListener);
  });
  vi.spyOn(fakeBrowser.permissions.onAdded, 'removeListener').mockImplementation((l) => {
    listeners.added = listeners.added.filter((added) => added !== l);
  });
  vi.spyOn(fakeBrowser.permissions.onRemoved, 'removeListener').mockImplementation((l) => {
    listeners.removed = listeners.removed.filter((removed) => removed !== l);
  });
  vi.spyOn(fakeBrowser.scripting, 'getRegisteredContentScripts').mockImplementation(
    async () => [...scripts.values()] as Browser.scripting.RegisteredContentScript[],
  );
  vi.spyOn(fakeBrowser.scripting, 'registerContentScripts').mockImplementation(async (list) => {
    for (const script of list as Script[]) {
      if (scripts.has(script.id)) throw new Error(`Duplicate script ID '${script.id}'`);
      scripts.set(script.id, script);
    }
  });
  vi.spyOn(fakeBrowser.scripting, 'unregisterContentScripts').mockImplementation(async (filter) => {
    for (const id of filter?.ids ?? [...scripts.keys()]) {
      if (!scripts.delete(id)) throw new Error(`Nonexistent script ID '${id}'`);
    }
  });
});

const aem = { origin: 'https://aem.example.com', matchPattern: 'https://aem.example.com/*' };
const other = { origin: 'https://other.example.org', matchPattern: 'https://other.example.org/*' };
const registeredMatches = () => [...scripts.values()].flatMap((script) => script.matches ?? []);

describe('custom console host scripts', () => {
  it('registers the console content script for a stored, granted host, injected like the static one', async () => {
    await customConsoleHostsItem.setValue([aem]);
    granted.add(aem.matchPattern);
    await syncCustomConsoleScripts();
    expect([...scripts.values()]).toEqual([
      {
        id: `console-host:${aem.matchPattern}`,
        matches: [aem.matchPattern],
        js: [CONSOLE_CONTENT_SCRIPT_FILE],
        allFrames: true,
        runAt: 'document_idle',
        persistAcrossSessions: true,
      },
    ]);
  });

  it('counts a host only when it is both stored and granted', async () => {
    await customConsoleHostsItem.setValue([aem, other]);
    granted.add(aem.matchPattern).add('https://granted-but-never-added.example/*');
    expect(await grantedCustomConsoleMatches()).toEqual([aem.matchPattern]);
    await syncCustomConsoleScripts();
    expect(registeredMatches()).toEqual([aem.matchPattern]);
  });

  it('counts a host enterprise policy names once the browser grants it, and never before', async () => {
    const policyHost = 'https://policy.example.com/*';
    await fakeBrowser.storage.local.set({ [SANDBOX_POLICY_KEY]: { consoleHosts: [policyHost] } });
    expect(await grantedCustomConsoleMatches()).toEqual([]);
    granted.add(policyHost);
    expect(await grantedCustomConsoleMatches()).toEqual([policyHost]);
    await syncCustomConsoleScripts();
    expect(registeredMatches()).toEqual([policyHost]);
  });

  it('drops the script when the browser revokes the permission, and brings it back on a new grant', async () => {
    await customConsoleHostsItem.setValue([aem]);
    granted.add(aem.matchPattern);
    watchHosts();
    await vi.waitFor(() => expect(registeredMatches()).toEqual([aem.matchPattern]));

    granted.delete(aem.matchPattern);
    for (const listener of listeners.removed) listener({ origins: [aem.matchPattern] });
    await vi.waitFor(() => expect(registeredMatches()).toEqual([]));
    expect(await grantedCustomConsoleMatches()).toEqual([]);

    granted.add(aem.matchPattern);
    for (const listener of listeners.added) listener({ origins: [aem.matchPattern] });
    await vi.waitFor(() => expect(registeredMatches()).toEqual([aem.matchPattern]));
  });

  it('unregisters a host removed from the list and leaves scripts it did not register alone', async () => {
    scripts.set('someone-else', { id: 'someone-else', matches: ['https://x.example/*'], js: ['x.js'] });
    await customConsoleHostsItem.setValue([aem, other]);
    granted.add(aem.matchPattern).add(other.matchPattern);
    watchHosts();
    await vi.waitFor(() => expect(scripts.size).toBe(3));

    await customConsoleHostsItem.setValue([other]);
    await vi.waitFor(() => expect(registeredMatches()).toEqual(['https://x.example/*', other.matchPattern]));
  });

  it('registers once when changes arrive together (list and permission in one click)', async () => {
    await customConsoleHostsItem.setValue([aem]);
    granted.add(aem.matchPattern);
    await Promise.all([syncCustomConsoleScripts(), syncCustomConsoleScripts(), syncCustomConsoleScripts()]);
    expect(registeredMatches()).toEqual([aem.matchPattern]);
  });

  it('treats a corrupted list as empty, says so, and injects nowhere', async () => {
    await customConsoleHostsItem.setValue([{ origin: 'https://evil.example', matchPattern: '<all_urls>' }]);
    granted.add('<all_urls>');
    expect(await readCustomConsoleHosts()).toEqual({ value: [], corrupted: true });
    await syncCustomConsoleScripts();
    expect(scripts.size).toBe(0);
  });

  it('reads back what options stores, and refuses entries no host input could produce', async () => {
    const local = { origin: 'http://console.localhost:4870', matchPattern: 'http://console.localhost/*' };
    const ipv6 = { origin: 'https://[2001:db8::1]', matchPattern: 'https://[2001:db8::1]/*' };
    await customConsoleHostsItem.setValue([aem, local, ipv6]);
    expect(await readCustomConsoleHosts()).toEqual({ value: [aem, local, ipv6], corrupted: false });
    for (const matchPattern of ['http://xlocalhost/*', 'https://*.example.com/*', 'https://aem.example.com/x/*']) {
      await customConsoleHostsItem.setValue([{ origin: 'https://aem.example.com', matchPattern }]);
      expect((await readCustomConsoleHosts()).corrupted, matchPattern).toBe(true);
    }
  });
});

describe('the worker’s sender check with custom hosts', () => {
  const builtIn = ['https://experience.adobe.com/*'];
  // A console page on its own: the frame and the tab's top-level page are the same URL.
  const fromTab = (url: string) => ({ id: 'ext-id', url, tab: { id: 7, url } }) as Browser.runtime.MessageSender;
  const kindOf = async (url: string) =>
    classifySender(fromTab(url), {
      extensionId: 'ext-id',
      extensionOrigin: 'chrome-extension://ext-id/',
      shellMatches: await currentConsoleMatches(builtIn),
      appFrameMatches: ['https://exc-unifiedcontent.experience.adobe.net/*'],
    });

  it('accepts a content script from a custom host only while it is stored and granted', async () => {
    const page = 'https://aem.example.com/ui#/@acme/assets/settings/creative-cloud';
    expect(await kindOf(page)).toBeUndefined();
    granted.add(aem.matchPattern);
    expect(await kindOf(page), 'granted but not stored').toBeUndefined();
    await customConsoleHostsItem.setValue([aem]);
    expect(await kindOf(page)).toBe('contentScript');
    granted.delete(aem.matchPattern);
    expect(await kindOf(page), 'stored but revoked').toBeUndefined();
    expect(await kindOf('https://experience.adobe.com/')).toBe('contentScript');
  });

  describe('in the router: built-in hosts are decided before any storage read', () => {
    const route = createMessageRouter(
      {
        getStatus: async () => ({ version: '1.0.0', environment: 'sandbox' as const, signedIn: false }),
      } as unknown as Handlers,
      {
        extensionId: 'ext-id',
        extensionOrigin: 'chrome-extension://ext-id/',
        shellMatches: builtIn,
        appFrameMatches: ['https://exc-unifiedcontent.experience.adobe.net/*'],
        customShellMatches: grantedCustomConsoleMatches,
      },
    );
    const storageReads = () => {
      const local = vi.spyOn(fakeBrowser.storage.local, 'get');
      const managed = vi.spyOn(fakeBrowser.storage.managed, 'get');
      const hosts = vi.spyOn(customConsoleHostsItem, 'getValue');
      return () => local.mock.calls.length + managed.mock.calls.length + hosts.mock.calls.length;
    };

    it('answers a built-in console host and an extension page without reading storage', async () => {
      await customConsoleHostsItem.setValue([aem]);
      granted.add(aem.matchPattern);
      const reads = storageReads();
      const consoleTab = 'https://experience.adobe.com/?repoId=author-p1-e2.adobeaemcloud.com#/@acme/assets';
      const inAppFrame = {
        id: 'ext-id',
        url: 'https://exc-unifiedcontent.experience.adobe.net/solutions/assets/',
        tab: { id: 7, url: consoleTab },
      } as Browser.runtime.MessageSender;
      const popup = { id: 'ext-id', url: 'chrome-extension://ext-id/popup.html' } as Browser.runtime.MessageSender;
      for (const sender of [fromTab(consoleTab), inAppFrame, popup]) {
        expect(await route({ type: 'getStatus' }, sender)).toMatchObject({ ok: true });
      }
      expect(reads()).toBe(0);
      expect(vi.mocked(fakeBrowser.permissions.getAll)).not.toHaveBeenCalled();
    });

    it('reads the stored hosts for a sender on another host, and answers it only while stored and granted', async () => {
      const page = 'https://aem.example.com/ui#/@acme/assets/settings/creative-cloud';
      const reads = storageReads();
      expect(await route({ type: 'getStatus' }, fromTab(page))).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN_SENDER' },
      });
      expect(reads()).toBeGreaterThan(0);
      await customConsoleHostsItem.setValue([aem]);
      granted.add(aem.matchPattern);
      expect(await route({ type: 'getStatus' }, fromTab(page))).toMatchObject({ ok: true });
    });
  });
});

describe('the worker as the only writer of custom console hosts', () => {
  const handlers = createConsoleHostHandlers();
  const route = createMessageRouter(handlers as unknown as Handlers, {
    extensionId: 'ext-id',
    extensionOrigin: 'chrome-extension://ext-id/',
    shellMatches: ['https://experience.adobe.com/*'],
    appFrameMatches: ['https://exc-unifiedcontent.experience.adobe.net/*'],
    customShellMatches: async () => [],
  });
  const options = { id: 'ext-id', url: 'chrome-extension://ext-id/options.html' } as Browser.runtime.MessageSender;
  const consoleTab = 'https://experience.adobe.com/#/@acme/assets';
  const contentScript = {
    id: 'ext-id',
    url: consoleTab,
    tab: { id: 7, url: consoleTab },
  } as Browser.runtime.MessageSender;
  const errorCodeOf = (answer: unknown) => (answer as { error?: { code?: string } }).error?.code;

  it('stores a granted host and registers its script before it answers, however the worker woke', async () => {
    granted.add(aem.matchPattern);
    // No watcher runs: the answer alone must leave the host stored and its script registered.
    expect(await route({ type: 'addConsoleHost', host: aem }, options)).toEqual({
      ok: true,
      data: { added: true },
    });
    expect((await readCustomConsoleHosts()).value).toEqual([aem]);
    expect(registeredMatches()).toEqual([aem.matchPattern]);
    expect(await route({ type: 'addConsoleHost', host: aem }, options)).toEqual({
      ok: true,
      data: { added: false },
    });
    expect((await readCustomConsoleHosts()).value).toEqual([aem]);
  });

  it('removes the host and its script before it answers, while the permission is still granted', async () => {
    granted.add(aem.matchPattern);
    await handlers.addConsoleHost({ type: 'addConsoleHost', host: aem }, { senderKind: 'extensionPage' });
    expect(await route({ type: 'removeConsoleHost', matchPattern: aem.matchPattern }, options)).toEqual({
      ok: true,
      data: { removed: true },
    });
    expect((await readCustomConsoleHosts()).value).toEqual([]);
    expect(registeredMatches()).toEqual([]);
    expect(await route({ type: 'removeConsoleHost', matchPattern: aem.matchPattern }, options)).toEqual({
      ok: true,
      data: { removed: false },
    });
  });

  it('refuses a content script, whatever it asks', async () => {
    await customConsoleHostsItem.setValue([aem]);
    expect(errorCodeOf(await route({ type: 'addConsoleHost', host: other }, contentScript))).toBe('FORBIDDEN_SENDER');
    expect(errorCodeOf(await route({ type: 'removeConsoleHost', matchPattern: aem.matchPattern }, contentScript))).toBe(
      'FORBIDDEN_SENDER',
    );
    expect((await readCustomConsoleHosts()).value).toEqual([aem]);
  });

  it('refuses what options would refuse: no URL, a path, credentials, a wildcard, plain http, a built-in or token host', async () => {
    const hostOf = (origin: string) => ({ origin, matchPattern: `${origin.replace(/^(\w+:\/\/)[^@]*@/, '$1')}/*` });
    for (const host of [
      { origin: 'aem.example.com', matchPattern: 'https://aem.example.com/*' },
      { origin: 'https://aem.example.com/path', matchPattern: 'https://aem.example.com/*' },
      { origin: 'https://user:secret@aem.example.com', matchPattern: 'https://aem.example.com/*' },
      { origin: 'https://aem.example.com', matchPattern: 'https://other.example.org/*' },
      hostOf('https://*.example.com'),
      hostOf('http://aem.example.com'),
      hostOf('https://experience.adobe.com'),
      hostOf('https://ims-na1.adobelogin.com'),
    ]) {
      expect(errorCodeOf(await route({ type: 'addConsoleHost', host }, options)), host.origin).toBe('INVALID_MESSAGE');
    }
    expect(
      errorCodeOf(await route({ type: 'removeConsoleHost', matchPattern: 'https://experience.adobe.com/*' }, options)),
    ).toBe('INVALID_MESSAGE');
    expect(await customConsoleHostsItem.getValue()).toBeNull();
  });

  it('refuses to add or remove a host enterprise policy sets', async () => {
    await fakeBrowser.storage.local.set({ [SANDBOX_POLICY_KEY]: { consoleHosts: [other.matchPattern] } });
    await customConsoleHostsItem.setValue([other]);
    expect(errorCodeOf(await route({ type: 'addConsoleHost', host: other }, options))).toBe('POLICY_LOCKED');
    expect(errorCodeOf(await route({ type: 'removeConsoleHost', matchPattern: other.matchPattern }, options))).toBe(
      'POLICY_LOCKED',
    );
    expect((await readCustomConsoleHosts()).value).toEqual([other]);
  });
});
