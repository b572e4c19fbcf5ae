import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { AuditEntry } from '@/lib/audit-entry';
import { historyEntry } from '../support/history-entries';
import { matrixCaseStarted } from '../support/matrix';

// Data the extension keeps across releases: a release that changes a stored shape must migrate
// what the release before wrote, never fail to parse it and quietly fall back to empty. Each
// upgrade here loads the modules afresh, as a new release's worker does: WXT runs an item's
// migrations when the item is defined.

const ACME = '0123456789ABCDEF01234567@AdobeOrg';
const BETA = '89ABCDEF0123456789ABCDEF@AdobeOrg';

const entry = (overrides: Partial<AuditEntry> = {}) =>
  historyEntry({ aemOrgId: ACME, to: { id: BETA, name: 'Beta' }, path: 'console', ...overrides });

/** A worker of a new release: every module, and so every stored item, defined anew. */
async function freshModules() {
  vi.resetModules();
  return {
    audit: await import('@/lib/worker/audit'),
    settings: await import('@/lib/settings/effective'),
    consoleState: await import('@/lib/worker/console-state'),
    storageItems: await import('@/lib/storage-items'),
    versionedItem: (await import('@/lib/versioned-item')).versionedItem,
  };
}

const stored = async (key: string) => (await fakeBrowser.storage.local.get(key))[key];

beforeEach(() => fakeBrowser.reset());

describe('the switch history across releases', () => {
  it('reads entries written before the console path existed as API switches, and records the new shape', async () => {
    const matrixCase = matrixCaseStarted('attack', 'history written without a switch path, read after an upgrade');
    const { path: _path, ...withoutPath } = entry({ opId: 'older' });
    await fakeBrowser.storage.local.set({ auditLog: [entry({ opId: 'newer' }), withoutPath] });

    const { audit } = await freshModules();

    expect((await audit.readAudit()).map((read) => [read.opId, read.path])).toEqual([
      ['newer', 'console'],
      ['older', 'api'],
    ]);
    expect(await stored('auditLog$')).toEqual({ v: 2 });
    expect((await stored('auditLog')) as AuditEntry[]).toEqual([
      entry({ opId: 'newer' }),
      entry({ opId: 'older', path: 'api' }),
    ]);
    matrixCase.passed();
  });

  it('hides one entry it cannot read, never the whole history, and a new switch keeps it', async () => {
    const matrixCase = matrixCaseStarted('attack', 'history with one entry of an unknown shape');
    const unreadable = { ...entry({ opId: 'future' }), time: 1764489600000 };
    await fakeBrowser.storage.local.set({ auditLog: [unreadable, entry({ opId: 'kept' })], auditLog$: { v: 2 } });

    const { audit } = await freshModules();
    expect((await audit.readAudit()).map((read) => read.opId)).toEqual(['kept']);

    await audit.appendAudit(entry({ opId: 'new' }));
    expect((await audit.readAudit()).map((read) => read.opId)).toEqual(['new', 'kept']);
    expect(((await stored('auditLog')) as unknown[]).length).toBe(3);
    matrixCase.passed();
  });

  it('survives an upgrade that changes the entry shape', async () => {
    const matrixCase = matrixCaseStarted('attack', 'history written by this release, upgraded to a new entry shape');
    const current = await freshModules();
    await current.audit.appendAudit(entry({ opId: 'first' }));
    await current.audit.appendAudit(entry({ opId: 'second', result: 'failed', errorCode: 'NETWORK' }));
    expect(await stored('auditLog$')).toEqual({ v: 2 });

    // A next release that files the AEM org as one object.
    const next = await freshModules();
    const nextHistory = next.versionedItem('local:auditLog', 3, {
      3: (entries) =>
        (entries as AuditEntry[]).map(({ aemOrgId, aemOrgName, ...rest }) => ({
          ...rest,
          aemOrg: { id: aemOrgId, name: aemOrgName },
        })),
    });
    const upgraded = (await nextHistory.getValue()) as { opId: string; aemOrg: unknown; path: string }[];
    expect(upgraded.map(({ opId, aemOrg, path }) => ({ opId, aemOrg, path }))).toEqual([
      { opId: 'second', aemOrg: { id: ACME, name: 'Acme' }, path: 'console' },
      { opId: 'first', aemOrg: { id: ACME, name: 'Acme' }, path: 'console' },
    ]);
    expect(await stored('auditLog$')).toEqual({ v: 3 });
    matrixCase.passed();
  });
});

describe('settings and remembered AEM orgs across releases', () => {
  it('settings written by this release carry their version and migrate to a new shape', async () => {
    const matrixCase = matrixCaseStarted('attack', 'settings written by this release, upgraded to a new shape');
    const current = await freshModules();
    await current.settings.writeUserSettings({ readOnly: true, clientId: 'my-client' });
    expect(await stored('readOnly$')).toEqual({ v: 1 });
    expect(await stored('environment$')).toEqual({ v: 1 });

    const next = await freshModules();
    const nextReadOnly = next.versionedItem('local:readOnly', 2, { 2: (readOnly) => ({ enabled: readOnly }) });
    const nextEnvironment = next.versionedItem('local:environment', 2, {
      2: (environment) => {
        const { clientId, ...rest } = environment as { clientId: string };
        return { ...rest, client: { id: clientId } };
      },
    });
    expect(await nextReadOnly.getValue()).toEqual({ enabled: true });
    expect(await nextEnvironment.getValue()).toMatchObject({ client: { id: 'my-client' } });
    matrixCase.passed();
  });

  it('a remembered AEM org written by this release carries its version and migrates to a new shape', async () => {
    const matrixCase = matrixCaseStarted('attack', 'remembered AEM org written by this release, upgraded');
    const identity = { consoleOrigin: 'https://experience.adobe.com', tenant: 'acme' };
    const current = await freshModules();
    await current.consoleState.rememberAemOrgChoice(identity, ACME);
    expect(await current.consoleState.rememberedAemOrgChoice(identity)).toBe(ACME);
    expect(await stored('aemOrgByConsole$')).toEqual({ v: 1 });

    const next = await freshModules();
    const nextChoices = next.versionedItem('local:aemOrgByConsole', 2, {
      2: (choices) =>
        Object.fromEntries(Object.entries(choices as Record<string, string>).map(([key, orgId]) => [key, { orgId }])),
    });
    expect(await nextChoices.getValue()).toEqual({
      [JSON.stringify([identity.consoleOrigin, 'acme'])]: { orgId: ACME },
    });
    matrixCase.passed();
  });

  it('removes the tenant-keyed choices of earlier builds and keeps the console-keyed ones', async () => {
    const matrixCase = matrixCaseStarted('attack', 'AEM-org choice keyed by tenant alone, left by an earlier build');
    const identity = { consoleOrigin: 'https://experience.adobe.com', tenant: 'acme' };
    await fakeBrowser.storage.local.set({ aemOrgByTenant: { acme: BETA } });
    const current = await freshModules();
    await current.consoleState.rememberAemOrgChoice(identity, ACME);

    await current.storageItems.removeRetiredItems();

    expect(await stored('aemOrgByTenant')).toBeUndefined();
    expect(await current.consoleState.rememberedAemOrgChoice(identity)).toBe(ACME);
    expect(await current.consoleState.rememberedAemOrgChoice({ tenant: 'acme' })).toBeUndefined();
    matrixCase.passed();
  });
});
