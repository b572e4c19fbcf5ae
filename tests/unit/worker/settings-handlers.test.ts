import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { customConsoleHostsItem } from '@/lib/console-hosts/custom/stored';
import { SANDBOX_CLIENT_ID } from '@/lib/environment';
import type { ImsClient } from '@/lib/ims/client';
import type { WorkerEvent } from '@/lib/messaging/contract';
import { SANDBOX_POLICY_KEY } from '@/lib/policy/managed';
import {
  aemOrgByConsoleItem,
  environmentSetting,
  type ImsSession,
  imsSessionItem,
  readImsSession,
  readOnlySetting,
} from '@/lib/storage-items';
import { STORED_ITEMS, type StoredItemName, storedItem } from '@/lib/stored-items';
import { historyItem } from '@/lib/worker/history';
import type { WorkerServices } from '@/lib/worker/services';
import { createSession } from '@/lib/worker/session';
import { applyPolicyChange, createSettingsHandlers } from '@/lib/worker/settings-handlers';
import { SANDBOX_URL, storeSandboxEnvironment } from '../../support/sandbox-environment';

const IMS = SANDBOX_URL;
const OTHER = 'http://127.0.0.1:5999';
const context = { senderKind: 'extensionPage' as const };

function setup() {
  const logout = vi.fn(async () => ({ ok: true as const }));
  const session = createSession({
    launchWebAuthFlow: vi.fn(),
    redirectUri: () => 'https://id.chromiumapp.org/',
    now: () => Date.now(),
    imsClientFor: () => ({ logout }) as unknown as ImsClient,
  });
  const events: WorkerEvent[] = [];
  const services: WorkerServices = {
    session,
    announce: async (event) => {
      events.push(event);
    },
    newOpId: () => 'op',
  };
  return { handlers: createSettingsHandlers(services), services, logout, events };
}

const signedInSession: ImsSession = {
  accessToken: 'access-1',
  expiresAt: Date.now() + 3_600_000,
  userId: 'ADA@AdobeID',
  imsBaseUrl: IMS,
  clientId: SANDBOX_CLIENT_ID,
  assetsBaseUrl: IMS,
};

describe('saving settings in the worker', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await storeSandboxEnvironment();
    await imsSessionItem.setValue(signedInSession);
  });

  it('signs out at the old IMS when the environment changes, and tells every tab', async () => {
    const { handlers, logout, events } = setup();
    const baseUrls = { imsBaseUrl: OTHER, assetsBaseUrl: OTHER };
    const answer = await handlers.saveSettings(
      { type: 'saveSettings', environment: { name: 'custom', baseUrls } },
      context,
    );
    expect(answer).toEqual({ signedOut: true });
    expect(await readImsSession()).toBeUndefined();
    expect(logout).toHaveBeenCalledWith('access-1');
    expect(events).toEqual([{ event: 'stateChanged', reason: 'signedOut' }]);
    expect(await environmentSetting.getValue()).toEqual({ name: 'custom', clientId: SANDBOX_CLIENT_ID, baseUrls });
  });

  it('signs out when only the name changes, even with the same IMS and client ID', async () => {
    const { handlers } = setup();
    const baseUrls = { imsBaseUrl: IMS, assetsBaseUrl: IMS };
    const answer = await handlers.saveSettings(
      { type: 'saveSettings', environment: { name: 'custom', baseUrls } },
      context,
    );
    expect(answer).toEqual({ signedOut: true });
  });

  it('signs out when only the Assets base changes, so no token goes to the new host', async () => {
    const { handlers, logout } = setup();
    const answer = await handlers.saveSettings(
      { type: 'saveSettings', environment: { name: 'sandbox', baseUrls: { imsBaseUrl: IMS, assetsBaseUrl: OTHER } } },
      context,
    );
    expect(answer).toEqual({ signedOut: true });
    expect(await readImsSession()).toBeUndefined();
    expect(logout).toHaveBeenCalledWith('access-1');
  });

  it('keeps the session when only read-only changes', async () => {
    const { handlers, events } = setup();
    expect(await handlers.saveSettings({ type: 'saveSettings', readOnly: true }, context)).toEqual({
      signedOut: false,
    });
    expect(await readImsSession()).toEqual(signedInSession);
    expect(events).toEqual([{ event: 'stateChanged', reason: 'settingsChanged' }]);
  });

  it('refuses a field that policy sets, and writes nothing', async () => {
    await fakeBrowser.storage.managed.set({ readOnly: true });
    const { handlers, events } = setup();
    await expect(
      handlers.saveSettings({ type: 'saveSettings', readOnly: false, clientId: 'new-client' }, context),
    ).rejects.toMatchObject({ code: 'POLICY_LOCKED' });
    expect(await fakeBrowser.storage.local.get('readOnly')).toEqual({});
    expect((await environmentSetting.getValue()) as { clientId: string }).toMatchObject({
      clientId: SANDBOX_CLIENT_ID,
    });
    expect(events).toEqual([]);
  });

  it('ends the session when a new policy moves the environment elsewhere', async () => {
    const { services, logout, events } = setup();
    await fakeBrowser.storage.managed.set({
      environment: { name: 'sandbox', imsBaseUrl: OTHER, assetsBaseUrl: OTHER },
    });
    await applyPolicyChange(services);
    expect(await readImsSession()).toBeUndefined();
    expect(logout).toHaveBeenCalled();
    expect(events).toEqual([{ event: 'stateChanged', reason: 'signedOut' }]);
  });

  it('ends the session when a new policy overrides only the Assets base', async () => {
    const { services, events } = setup();
    await fakeBrowser.storage.managed.set({ environment: { name: 'sandbox', imsBaseUrl: IMS, assetsBaseUrl: OTHER } });
    await applyPolicyChange(services);
    expect(await readImsSession()).toBeUndefined();
    expect(events).toEqual([{ event: 'stateChanged', reason: 'signedOut' }]);
  });

  it('keeps the session when a new policy leaves the environment as it is', async () => {
    const { services, events } = setup();
    await fakeBrowser.storage.managed.set({ readOnly: true });
    await applyPolicyChange(services);
    expect(await readImsSession()).toEqual(signedInSession);
    expect(events).toEqual([{ event: 'stateChanged', reason: 'settingsChanged' }]);
  });
});

describe('clearing all extension data', () => {
  beforeEach(() => fakeBrowser.reset());

  it('signs out and empties local and session storage, keeping only the injected test policy', async () => {
    await environmentSetting.setValue({ name: 'stage', clientId: 'c' });
    await readOnlySetting.setValue(true);
    await aemOrgByConsoleItem.setValue({ key: 'org' });
    await historyItem.setValue([{ opId: 'x' }]);
    await fakeBrowser.storage.local.set({ [SANDBOX_POLICY_KEY]: { readOnly: true } });
    await imsSessionItem.setValue(signedInSession);
    await fakeBrowser.storage.session.set({ consoleStateCache: {} });
    const { handlers, logout, events } = setup();
    expect(await handlers.clearAllData({ type: 'clearAllData' }, context)).toEqual({ cleared: true });
    expect(logout).toHaveBeenCalledWith('access-1');
    expect(await fakeBrowser.storage.local.get(null)).toEqual({ [SANDBOX_POLICY_KEY]: { readOnly: true } });
    expect(await fakeBrowser.storage.session.get(null)).toEqual({});
    // Every item the registry lists, whatever area it lives in.
    const everyItem = (Object.keys(STORED_ITEMS) as StoredItemName[]).map((name) => storedItem(name));
    expect(await Promise.all(everyItem.map((item) => item.getValue()))).toEqual(everyItem.map(() => null));
    expect(events).toEqual([{ event: 'stateChanged', reason: 'signedOut' }]);
  });

  it('gives back the permissions of the custom console hosts it forgets', async () => {
    const matchPattern = 'https://aem.example.com/*';
    await customConsoleHostsItem.setValue([{ origin: 'https://aem.example.com', matchPattern }]);
    // The fake browser has no permissions API; the real one is exercised by console-hosts.spec.ts.
    const remove = vi.spyOn(fakeBrowser.permissions, 'remove').mockResolvedValue(true);
    const { handlers } = setup();
    await handlers.clearAllData({ type: 'clearAllData' }, context);
    expect(remove).toHaveBeenCalledWith({ origins: [matchPattern] });
    expect(await customConsoleHostsItem.getValue()).toBeNull();
  });

  it('clears everything even when IMS cannot be reached for the sign-out', async () => {
    await imsSessionItem.setValue(signedInSession);
    await readOnlySetting.setValue(true);
    const { handlers, logout } = setup();
    logout.mockRejectedValue(new Error('offline'));
    await handlers.clearAllData({ type: 'clearAllData' }, context);
    expect(await readOnlySetting.getValue()).toBeNull();
    expect(await readImsSession()).toBeUndefined();
  });
});
