import { beforeEach, describe, expect, expectTypeOf, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SANDBOX_POLICY_KEY } from '@/lib/policy/managed';
import { clearExtensionStorage } from '@/lib/settings/clear-data';
import { PROTECTED_ITEMS } from '@/lib/settings/protected-settings';
import {
  type EnvironmentSettings,
  type ImsSession,
  PROTECTED_ITEM_NAMES,
  STORED_ITEMS,
  type StoredItemName,
  storedItem,
} from '@/lib/stored-items';

beforeEach(() => fakeBrowser.reset());

const names = Object.keys(STORED_ITEMS) as StoredItemName[];

describe('the registry of stored items', () => {
  it('lists each key once per area, with a positive version and a fallback its own schema accepts', () => {
    const keys = names.map((name) => `${STORED_ITEMS[name].area}:${name}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const name of names) {
      const { version, schema, fallback } = STORED_ITEMS[name];
      expect(Number.isInteger(version) && version > 0, name).toBe(true);
      expect(schema.safeParse(fallback).success, name).toBe(true);
    }
  });

  it('derives the protected list from the registry, each item once', () => {
    expect(PROTECTED_ITEM_NAMES).toEqual(names.filter((name) => STORED_ITEMS[name].area === 'protected'));
    expect(PROTECTED_ITEMS.map((item) => item.key)).toEqual([...PROTECTED_ITEM_NAMES]);
  });

  it('reads typed, parsed values; missing reads as the fallback, corrupted as the fallback with a flag', async () => {
    const environment = storedItem('environment');
    expectTypeOf(await environment.read()).toEqualTypeOf<{ value: EnvironmentSettings; corrupted: boolean }>();
    expectTypeOf(await storedItem('imsSession').read()).toEqualTypeOf<{
      value: ImsSession | undefined;
      corrupted: boolean;
    }>();
    // @ts-expect-error: a key the registry does not list does not compile.
    expect(() => storedItem('readonly')).toThrow();

    expect(await environment.read()).toEqual({ value: STORED_ITEMS.environment.fallback, corrupted: false });
    await environment.setValue({ name: 'stage', clientId: 'c1' });
    expect(await environment.read()).toEqual({ value: { name: 'stage', clientId: 'c1' }, corrupted: false });
    await environment.setValue({ name: 'moon' });
    expect(await environment.read()).toEqual({ value: STORED_ITEMS.environment.fallback, corrupted: true });
    await storedItem('imsSession').setValue('garbage');
    expect(await storedItem('imsSession').read()).toEqual({ value: undefined, corrupted: true });
  });

  it('"Clear all data" empties every protected and session item and storage.local, and keeps the policy stand-in', async () => {
    const written = {
      environment: { name: 'stage', clientId: 'c1' },
      environmentToConfirm: true,
      readOnly: true,
      customConsoleHosts: [],
      aemOrgByConsole: { 'https://experience.adobe.com|acme': 'ACME@AdobeOrg' },
      switchHistory: [{ opId: 'x' }],
      authorHostBindings: [{ authorHost: 'author-p1-e1.adobeaemcloud.com' }],
      imsSession: { accessToken: 'a', expiresAt: 1, userId: 'u', imsBaseUrl: 'https://ims', clientId: 'c' },
      consoleStateCache: { console: { signedIn: false } },
      consoleTabs: { 7: { console: { tenant: 'acme' }, origin: 'https://experience.adobe.com' } },
      switchPathByConsole: { console: 'console' },
      switchOperations: { op: { opId: 'op' } },
      lastErrors: [{ code: 'NETWORK' }],
    } satisfies Record<StoredItemName, unknown>;
    for (const name of names) await storedItem(name).setValue(written[name]);
    await fakeBrowser.storage.local.set({ leftover: 1, [SANDBOX_POLICY_KEY]: { readOnly: true } });

    await clearExtensionStorage();

    for (const name of names) expect(await storedItem(name).getValue(), name).toBeNull();
    expect(await fakeBrowser.storage.local.get(null)).toEqual({ [SANDBOX_POLICY_KEY]: { readOnly: true } });
  });
});
