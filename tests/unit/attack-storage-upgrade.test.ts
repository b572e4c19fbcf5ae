import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { HistoryEntry } from '@/lib/history/entry';
import packageJson from '../../package.json' with { type: 'json' };
import { historyEntry } from '../support/history-entries';
import { matrixCaseStarted } from '../support/matrix';

// Data the extension keeps across releases: a release that changes a stored shape must migrate
// what the release before wrote, never fail to parse it and quietly fall back to empty. Each
// upgrade here loads the modules afresh, as a new release's worker does: WXT runs an item's
// migrations when the item is defined.

const ACME = '0123456789ABCDEF01234567@AdobeOrg';
const BETA = '89ABCDEF0123456789ABCDEF@AdobeOrg';

const entry = (overrides: Partial<HistoryEntry> = {}) =>
  historyEntry({ aemOrgId: ACME, to: { id: BETA, name: 'Beta' }, path: 'console', ...overrides });

/** A worker of a new release: every module, and so every stored item, defined anew. */
async function freshModules() {
  vi.resetModules();
  return {
    history: await import('@/lib/worker/history'),
    settings: await import('@/lib/settings/effective'),
    aemOrg: await import('@/lib/worker/aem-org'),
    storageItems: await import('@/lib/storage-items'),
    consoleHosts: await import('@/lib/console-hosts/custom/stored'),
    protectedSettings: await import('@/lib/settings/protected-settings'),
    protectedItem: (await import('@/lib/protected-store')).protectedItem,
  };
}

/** `runtime.onInstalled` on an update from the last release that kept settings in storage.local. */
const FROM_LOCAL_STORAGE_RELEASE = { reason: 'update', previousVersion: '0.1.0' };
/** … and from a release that already had the protected store. */
const FROM_PROTECTED_STORE_RELEASE = { reason: 'update', previousVersion: '0.2.0' };

const stored = async (key: string) => (await fakeBrowser.storage.local.get(key))[key];

// The first fresh import transforms every module: paid once here, not inside one test's time limit.
beforeAll(() => freshModules(), 60_000);
beforeEach(() => fakeBrowser.reset());

describe('the switch history across releases', () => {
  it('reads entries written before the console path existed as API switches, and records the new shape', async () => {
    const matrixCase = matrixCaseStarted('attack', 'history written without a switch path, read after an upgrade');
    const { path: _path, ...withoutPath } = entry({ opId: 'older' });
    // Version 1, written to storage.local before the history moved to the protected store.
    await fakeBrowser.storage.local.set({ auditLog: [entry({ opId: 'newer' }), withoutPath] });

    const { history, protectedSettings, protectedItem } = await freshModules();
    await protectedSettings.moveSettingsOutOfStorageLocal(FROM_LOCAL_STORAGE_RELEASE);

    expect((await history.readHistory()).map((read) => [read.opId, read.path])).toEqual([
      ['newer', 'console'],
      ['older', 'api'],
    ]);
    // The move writes this release's shape at once: no migration step is left in the store.
    // Moved from where a content script could write: marked unverified.
    expect(await protectedItem('switchHistory', 2).getValue()).toEqual([
      entry({ opId: 'newer', unverified: true }),
      entry({ opId: 'older', path: 'api', unverified: true }),
    ]);
    expect(await stored('auditLog')).toBeUndefined();
    matrixCase.passed();
  });

  it('hides one entry it cannot read, never the whole history, and a new switch keeps it', async () => {
    const matrixCase = matrixCaseStarted('attack', 'history with one entry of an unknown shape');
    const unreadable = { ...entry({ opId: 'future' }), time: 1764489600000 };
    const { history, protectedItem } = await freshModules();
    await protectedItem('switchHistory', 2).setValue([unreadable, entry({ opId: 'kept' })]);
    expect((await history.readHistory()).map((read) => read.opId)).toEqual(['kept']);

    await history.appendToHistory(entry({ opId: 'new' }));
    expect((await history.readHistory()).map((read) => read.opId)).toEqual(['new', 'kept']);
    expect(((await protectedItem('switchHistory', 2).getValue()) as unknown[]).length).toBe(3);
    matrixCase.passed();
  });

  it('survives an upgrade that changes the entry shape', async () => {
    const matrixCase = matrixCaseStarted('attack', 'history written by this release, upgraded to a new entry shape');
    const current = await freshModules();
    await current.history.appendToHistory(entry({ opId: 'first' }));
    await current.history.appendToHistory(entry({ opId: 'second', result: 'failed', errorCode: 'NETWORK' }));

    // A next release that files the AEM org as one object.
    const next = await freshModules();
    const nextHistory = next.protectedItem('switchHistory', 3, {
      3: (entries) =>
        (entries as HistoryEntry[]).map(({ aemOrgId, aemOrgName, ...rest }) => ({
          ...rest,
          aemOrg: { id: aemOrgId, name: aemOrgName },
        })),
    });
    const upgraded = (await nextHistory.getValue()) as { opId: string; aemOrg: unknown; path: string }[];
    expect(upgraded.map(({ opId, aemOrg, path }) => ({ opId, aemOrg, path }))).toEqual([
      { opId: 'second', aemOrg: { id: ACME, name: 'Acme' }, path: 'console' },
      { opId: 'first', aemOrg: { id: ACME, name: 'Acme' }, path: 'console' },
    ]);
    matrixCase.passed();
  });

  it('an update moves all 500 entries of `auditLog`, an unreadable one too, and the next switch goes on top', async () => {
    const matrixCase = matrixCaseStarted('attack', 'history kept under its old key, read after the update');
    const entries = Array.from({ length: 500 }, (_, index) =>
      entry({ opId: `op-${index}`, result: index % 7 === 0 ? 'failed' : 'success' }),
    );
    const unreadable = { ...entry({ opId: 'future' }), time: 1764489600000 };
    await fakeBrowser.storage.local.set({ auditLog: [...entries.slice(0, 499), unreadable], auditLog$: { v: 2 } });

    const { history, protectedSettings, protectedItem } = await freshModules();
    await protectedSettings.moveSettingsOutOfStorageLocal(FROM_LOCAL_STORAGE_RELEASE);
    expect((await history.readHistory()).map((read) => read.opId)).toEqual(entries.slice(0, 499).map((e) => e.opId));
    expect(await protectedItem('switchHistory', 2).getValue()).toEqual(
      [...entries.slice(0, 499), unreadable].map((moved) => ({ ...moved, unverified: true })),
    );
    expect(await stored('auditLog')).toBeUndefined();
    expect(await stored('auditLog$')).toBeUndefined();

    const next = await freshModules();
    await next.history.appendToHistory(entry({ opId: 'after-upgrade' }));
    const afterUpgrade = (await next.history.readHistory()).map((read) => read.opId);
    expect(afterUpgrade[0]).toBe('after-upgrade');
    expect(afterUpgrade.slice(1)).toEqual(entries.slice(0, 499).map((e) => e.opId));
    matrixCase.passed();
  });

  it('a version-1 `auditLog` moves too, and its switch-back target survives the move', async () => {
    const matrixCase = matrixCaseStarted(
      'attack',
      'version-1 history under its old key, switched back after the update',
    );
    const { path: _path, ...withoutPath } = entry({ opId: 'old', from: { id: ACME, name: 'Acme' } });
    await fakeBrowser.storage.local.set({ auditLog: [withoutPath] });

    const { history, protectedSettings } = await freshModules();
    await protectedSettings.moveSettingsOutOfStorageLocal(FROM_LOCAL_STORAGE_RELEASE);
    const read = await history.readHistory();
    expect(read).toEqual([entry({ opId: 'old', from: { id: ACME, name: 'Acme' }, path: 'api', unverified: true })]);
    expect(history.switchBackTarget(read, ACME)).toEqual({ id: ACME, name: 'Acme' });
    expect(await stored('auditLog')).toBeUndefined();
    matrixCase.passed();
  });
});

describe('settings and remembered AEM orgs across releases', () => {
  it('settings written by this release carry their version and migrate to a new shape', async () => {
    const matrixCase = matrixCaseStarted('attack', 'settings written by this release, upgraded to a new shape');
    const current = await freshModules();
    await current.settings.writeUserSettings({ readOnly: true, clientId: 'my-client' });

    const next = await freshModules();
    const nextReadOnly = next.protectedItem('readOnly', 2, { 2: (readOnly) => ({ enabled: readOnly }) });
    const nextEnvironment = next.protectedItem('environment', 2, {
      2: (environment) => {
        const { clientId, ...rest } = environment as { clientId: string };
        return { ...rest, client: { id: clientId } };
      },
    });
    expect(await nextReadOnly.getValue()).toEqual({ enabled: true });
    expect(await nextEnvironment.getValue()).toMatchObject({ client: { id: 'my-client' } });
    // Migrated once: the new shape is what is stored now, read again without migrating twice.
    expect(await next.protectedItem('readOnly', 2).getValue()).toEqual({ enabled: true });
    matrixCase.passed();
  });

  it('a remembered AEM org written by this release carries its version and migrates to a new shape', async () => {
    const matrixCase = matrixCaseStarted('attack', 'remembered AEM org written by this release, upgraded');
    const identity = { consoleOrigin: 'https://experience.adobe.com', tenant: 'acme' };
    const current = await freshModules();
    await current.aemOrg.rememberAemOrgChoice(identity, ACME);
    expect(await current.aemOrg.rememberedAemOrgChoice(identity)).toBe(ACME);

    const next = await freshModules();
    const nextChoices = next.protectedItem('aemOrgByConsole', 2, {
      2: (choices) =>
        Object.fromEntries(Object.entries(choices as Record<string, string>).map(([key, orgId]) => [key, { orgId }])),
    });
    expect(await nextChoices.getValue()).toEqual({
      [JSON.stringify([identity.consoleOrigin, 'acme'])]: { orgId: ACME },
    });
    matrixCase.passed();
  });

  it('an update moves the settings the release before kept in storage.local, once, and removes them there', async () => {
    const matrixCase = matrixCaseStarted(
      'attack',
      'settings of the release before (storage.local, content-script writable) moved to the protected store on update',
    );
    const environment = {
      name: 'custom',
      clientId: 'their-client',
      baseUrls: { imsBaseUrl: 'https://ims.example.com' },
    };
    const hosts = [{ origin: 'https://aem.example.com', matchPattern: 'https://aem.example.com/*' }];
    const choice = { [JSON.stringify(['https://experience.adobe.com', 'acme'])]: ACME };
    // What the release before wrote: WXT items, each with its version beside it.
    await fakeBrowser.storage.local.set({
      environment,
      environment$: { v: 1 },
      readOnly: true,
      readOnly$: { v: 1 },
      customConsoleHosts: hosts,
      customConsoleHosts$: { v: 1 },
      aemOrgByConsole: choice,
      aemOrgByConsole$: { v: 1 },
      auditLog: [entry()],
      auditLog$: { v: 2 },
    });

    const next = await freshModules();
    await next.protectedSettings.moveSettingsOutOfStorageLocal(FROM_LOCAL_STORAGE_RELEASE);

    expect(await next.storageItems.readEnvironment()).toEqual({ value: environment, corrupted: false });
    expect(await next.settings.readUserReadOnly()).toEqual({ value: true, corrupted: false });
    expect(await next.consoleHosts.readCustomConsoleHosts()).toEqual({ value: hosts, corrupted: false });
    expect(await next.storageItems.readAemOrgByConsole()).toEqual(choice);
    expect((await next.history.readHistory()).map((read) => read.opId)).toEqual([entry().opId]);
    // Gone from where content scripts can write.
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});

    // A value planted in storage.local afterwards (a content script can) is never moved, only removed.
    await fakeBrowser.storage.local.set({ readOnly: false, environment: { name: 'stage', clientId: 'planted' } });
    await next.protectedSettings.moveSettingsOutOfStorageLocal(FROM_PROTECTED_STORE_RELEASE);
    expect((await next.settings.readEffectiveSettings()).readOnly.value).toBe(true);
    expect((await next.storageItems.readEnvironment()).value.clientId).toBe('their-client');
    expect(await fakeBrowser.storage.local.get(['readOnly', 'environment'])).toEqual({});
    matrixCase.passed();
  });

  it('a fresh install moves nothing from storage.local, so nothing planted there before counts', async () => {
    const matrixCase = matrixCaseStarted(
      'attack',
      'console host and environment planted in storage.local before install',
    );
    const evil = { origin: 'https://evil.example', matchPattern: 'https://evil.example/*' };
    await fakeBrowser.storage.local.set({
      customConsoleHosts: [evil],
      environment: { name: 'custom', clientId: 'x', baseUrls: { imsBaseUrl: 'https://ims.evil.example' } },
    });
    const current = await freshModules();
    await current.protectedSettings.moveSettingsOutOfStorageLocal({ reason: 'install' });
    expect(await current.consoleHosts.readCustomConsoleHosts()).toEqual({ value: [], corrupted: false });
    expect((await current.storageItems.readEnvironment()).value.name).toBe('sandbox');
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
    // Nor does a later update: the store was set up by this release, so nothing is left to move.
    await fakeBrowser.storage.local.set({ customConsoleHosts: [evil] });
    await current.protectedSettings.moveSettingsOutOfStorageLocal(FROM_PROTECTED_STORE_RELEASE);
    expect(await current.consoleHosts.readCustomConsoleHosts()).toEqual({ value: [], corrupted: false });
    matrixCase.passed();
  });

  it('removes the tenant-keyed choices of earlier builds and keeps the console-keyed ones', async () => {
    const matrixCase = matrixCaseStarted('attack', 'AEM-org choice keyed by tenant alone, left by an earlier build');
    const identity = { consoleOrigin: 'https://experience.adobe.com', tenant: 'acme' };
    await fakeBrowser.storage.local.set({ aemOrgByTenant: { acme: BETA } });
    const current = await freshModules();
    await current.aemOrg.rememberAemOrgChoice(identity, ACME);

    await current.storageItems.removeRetiredItems();

    expect(await stored('aemOrgByTenant')).toBeUndefined();
    expect(await current.aemOrg.rememberedAemOrgChoice(identity)).toBe(ACME);
    expect(await current.aemOrg.rememberedAemOrgChoice({ tenant: 'acme' })).toBeUndefined();
    matrixCase.passed();
  });
});

describe('the one-time move, decided by the version the browser says was installed before', () => {
  const custom = {
    name: 'custom',
    clientId: 'their-client',
    baseUrls: { imsBaseUrl: 'https://ims.corp.example', assetsBaseUrl: 'https://api.corp.example' },
  };

  it('never moves values planted in storage.local on an update from a release with the protected store', async () => {
    const matrixCase = matrixCaseStarted(
      'attack',
      'storage.local values planted before an update between protected-store releases',
    );
    // Nothing in the protected store says a move happened (a marker could be lost); the version decides.
    await fakeBrowser.storage.local.set({
      readOnly: false,
      environment: custom,
      customConsoleHosts: [{ origin: 'https://evil.example', matchPattern: 'https://evil.example/*' }],
    });
    const next = await freshModules();
    await next.settings.writeUserSettings({ readOnly: true });

    await next.protectedSettings.moveSettingsOutOfStorageLocal(FROM_PROTECTED_STORE_RELEASE);

    expect((await next.settings.readEffectiveSettings()).readOnly.value).toBe(true);
    expect((await next.storageItems.readEnvironment()).value.name).toBe('sandbox');
    expect(await next.consoleHosts.readCustomConsoleHosts()).toEqual({ value: [], corrupted: false });
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
    matrixCase.passed();
  });

  it('asks the admin to confirm custom IMS and Assets URLs it moved, and signs in to nothing until then', async () => {
    const matrixCase = matrixCaseStarted(
      'attack',
      'custom IMS and Assets URLs moved from storage.local wait for confirmation',
    );
    await fakeBrowser.storage.local.set({ environment: custom, environment$: { v: 1 } });
    const next = await freshModules();
    await next.protectedSettings.moveSettingsOutOfStorageLocal(FROM_LOCAL_STORAGE_RELEASE);

    const settings = await next.settings.readEffectiveSettings();
    expect(settings.environmentNeedsConfirmation).toBe(true);
    expect(next.settings.environmentOf(settings)).toMatchObject({ baseUrls: custom.baseUrls });
    const { configuredEnvironment } = await import('@/lib/worker/session');
    await expect(configuredEnvironment()).rejects.toMatchObject({ code: 'ENVIRONMENT_UNCONFIRMED' });

    // Saving the environment in options is the confirmation.
    await next.settings.writeUserSettings({ environment: { name: 'custom', baseUrls: custom.baseUrls } });
    expect((await next.settings.readEffectiveSettings()).environmentNeedsConfirmation).toBe(false);
    await expect(configuredEnvironment()).resolves.toMatchObject({
      endpoints: { imsBaseUrl: 'https://ims.corp.example' },
    });
    matrixCase.passed();
  });

  it('needs no confirmation for a built-in environment it moved', async () => {
    await fakeBrowser.storage.local.set({ environment: { name: 'stage', clientId: 'their-client' } });
    const next = await freshModules();
    await next.protectedSettings.moveSettingsOutOfStorageLocal(FROM_LOCAL_STORAGE_RELEASE);
    expect((await next.settings.readEffectiveSettings()).environmentNeedsConfirmation).toBe(false);
  });

  it('this release is at least the first with the protected store, so an update from it never moves', async () => {
    const { PROTECTED_STORE_SINCE, isOlderVersion } = await import('@/lib/settings/protected-settings');
    expect(isOlderVersion(packageJson.version, PROTECTED_STORE_SINCE)).toBe(false);
    expect(isOlderVersion('0.1.0', '0.2.0')).toBe(true);
    expect(isOlderVersion('0.10.0', '0.2.0')).toBe(false);
    expect(isOlderVersion('0.2.0', '0.2.0')).toBe(false);
    expect(isOlderVersion('0.1.9.4', '0.2.0')).toBe(true);
  });
});
