import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SANDBOX_CLIENT_ID } from '@/lib/environment';
import { parsePolicy } from '@/lib/policy/schemas';
import {
  environmentOf,
  lockedFieldsIn,
  mergeSettings,
  readEffectiveSettings,
  type Setting,
  writeUserSettings,
} from '@/lib/settings/effective';
import { baseUrlProblem, clientIdProblem, environmentChoiceSchema } from '@/lib/settings/schemas';
import { currentPolicy } from '@/lib/settings/switch-policy';
import { environmentSetting, readOnlySetting } from '@/lib/storage-items';

const ORG_A = `${'A'.repeat(24)}@AdobeOrg`;
const LOCAL = 'http://127.0.0.1:9999';

describe('base URL and client ID validation (inline messages in options)', () => {
  it.each([
    ['https://ims.example.com', undefined],
    ['https://ims.example.com/', undefined],
    ['http://127.0.0.1:4870', undefined],
    ['http://localhost:8080', undefined],
    ['', 'required'],
    ['   ', 'required'],
    ['ims.example.com', 'invalid'],
    ['ftp://ims.example.com', 'invalid'],
    ['https://user:pw@ims.example.com', 'invalid'],
    ['http://ims.example.com', 'insecure'],
    ['http://10.0.0.5', 'insecure'],
    ['https://ims.example.com/ims', 'hasPath'],
    ['https://ims.example.com/?x=1', 'hasPath'],
  ])('%j → %s', (value, problem) => {
    expect(baseUrlProblem(value)).toBe(problem);
  });

  it.each([
    ['cc-org-switcher-sandbox', undefined],
    ['Client_1.2', undefined],
    ['', 'required'],
    ['has space', 'invalid'],
    ['x'.repeat(201), 'invalid'],
  ])('client ID %j → %s', (value, problem) => {
    expect(clientIdProblem(value)).toBe(problem);
  });

  it('refuses a custom environment without base URLs, and non-loopback http', () => {
    expect(environmentChoiceSchema.safeParse({ name: 'custom' }).success).toBe(false);
    const plainHttp = { name: 'custom', baseUrls: { imsBaseUrl: 'http://ims.example', assetsBaseUrl: LOCAL } };
    expect(environmentChoiceSchema.safeParse(plainHttp).success).toBe(false);
    const local = { name: 'custom', baseUrls: { imsBaseUrl: LOCAL, assetsBaseUrl: LOCAL } };
    expect(environmentChoiceSchema.safeParse(local).success).toBe(true);
  });
});

describe('user settings read from storage', () => {
  beforeEach(() => fakeBrowser.reset());

  it('uses the defaults when nothing is stored, without a notice', async () => {
    const settings = await readEffectiveSettings();
    expect(settings.environment).toEqual({ value: { name: 'sandbox' }, corrupted: false });
    expect(settings.clientId).toEqual({ value: SANDBOX_CLIENT_ID, corrupted: false });
    expect(settings.readOnly).toEqual({ value: false, corrupted: false });
    expect(settings.allowedCcOrgIds).toBeUndefined();
  });

  it('falls back to the default environment and says so when the stored one is corrupted', async () => {
    await environmentSetting.setValue({ name: 'moon', clientId: 42 });
    const settings = await readEffectiveSettings();
    expect(settings.environment).toEqual({ value: { name: 'sandbox' }, corrupted: true });
    expect(settings.clientId).toEqual({ value: SANDBOX_CLIENT_ID, corrupted: true });
  });

  it('falls back to read-only off and says so when the stored flag is corrupted', async () => {
    await readOnlySetting.setValue('yes please');
    expect((await readEffectiveSettings()).readOnly).toEqual({ value: false, corrupted: true });
  });

  it('writes a custom environment and keeps the client ID; a later client ID keeps the environment', async () => {
    const baseUrls = { imsBaseUrl: LOCAL, assetsBaseUrl: LOCAL };
    await writeUserSettings({ environment: { name: 'custom', baseUrls } });
    await writeUserSettings({ clientId: 'my-client' });
    expect(await environmentSetting.getValue()).toEqual({ name: 'custom', clientId: 'my-client', baseUrls });
    const settings = await readEffectiveSettings();
    expect(environmentOf(settings)).toEqual({ name: 'custom', clientId: 'my-client', baseUrls });
    expect(settings.environment.corrupted).toBe(false);
  });

  it('replaces a corrupted stored environment when the user saves', async () => {
    await environmentSetting.setValue('garbage');
    await writeUserSettings({ environment: { name: 'stage' }, clientId: 'c1' });
    expect((await readEffectiveSettings()).environment).toEqual({ value: { name: 'stage' }, corrupted: false });
  });

  it('refuses to write a custom environment without base URLs and keeps what was stored', async () => {
    await environmentSetting.setValue({ name: 'stage', clientId: 'c1' });
    await expect(writeUserSettings({ environment: { name: 'custom' } })).rejects.toMatchObject({
      code: 'INVALID_SETTINGS',
    });
    expect(await environmentSetting.getValue()).toEqual({ name: 'stage', clientId: 'c1' });
  });
});

describe('enterprise policy beats user settings', () => {
  const user = {
    environment: { value: { name: 'stage' as const, clientId: 'user-client' }, corrupted: false },
    readOnly: { value: true, corrupted: false } as Setting<boolean>,
  };

  it('locks each field policy sets and leaves the others to the user', () => {
    const merged = mergeSettings(user, parsePolicy({ clientId: 'it-client', readOnly: false }));
    expect(merged.environment).toEqual({ value: { name: 'stage', baseUrls: undefined }, corrupted: false });
    expect(merged.clientId).toEqual({ value: 'it-client', corrupted: false, lockedBy: 'policy' });
    // Policy may turn read-only off too: it wins both ways.
    expect(merged.readOnly).toEqual({ value: false, corrupted: false, lockedBy: 'policy' });
    expect(environmentOf(merged)).toEqual({ name: 'stage', clientId: 'it-client' });
  });

  it('takes the environment with its base URLs from policy', () => {
    const policy = parsePolicy({ environment: { name: 'custom', imsBaseUrl: `${LOCAL}/`, assetsBaseUrl: LOCAL } });
    const merged = mergeSettings(user, policy);
    expect(merged.environment.lockedBy).toBe('policy');
    expect(environmentOf(merged)).toEqual({
      name: 'custom',
      clientId: 'user-client',
      baseUrls: { imsBaseUrl: LOCAL, assetsBaseUrl: LOCAL },
    });
  });

  it('names the locked fields a change tries to set', () => {
    const merged = mergeSettings(user, parsePolicy({ readOnly: true }));
    expect(lockedFieldsIn({ readOnly: false, clientId: 'x' }, merged)).toEqual(['readOnly']);
    expect(lockedFieldsIn({ clientId: 'x' }, merged)).toEqual([]);
  });

  it('a corrupted user setting under a policy-set field shows no notice: policy is in force', () => {
    const corrupted = { ...user, readOnly: { value: false, corrupted: true } };
    expect(mergeSettings(corrupted, parsePolicy({ readOnly: true })).readOnly.corrupted).toBe(false);
  });

  it('gives the worker read-only and the CC org allowlist from policy (currentPolicy)', async () => {
    fakeBrowser.reset();
    await readOnlySetting.setValue(false);
    await fakeBrowser.storage.managed.set({ readOnly: true, allowedCcOrgIds: [ORG_A] });
    expect(await currentPolicy()).toEqual({ readOnly: true, allowedOrgIds: [ORG_A], blockUnknownEntitlements: false });
  });

  it('gives the worker the refusal of unknown entitlements only from policy, locked', async () => {
    fakeBrowser.reset();
    await fakeBrowser.storage.managed.set({ blockUnknownEntitlements: true });
    expect(await currentPolicy()).toMatchObject({ blockUnknownEntitlements: true });
    const merged = mergeSettings(user, parsePolicy({ blockUnknownEntitlements: true }));
    expect(merged.blockUnknownEntitlements).toEqual({ value: true, corrupted: false, lockedBy: 'policy' });
    expect(mergeSettings(user, parsePolicy({})).blockUnknownEntitlements).toEqual({ value: false, corrupted: false });
  });

  it('gives the worker the user read-only flag and no allowlist without a policy', async () => {
    fakeBrowser.reset();
    await readOnlySetting.setValue(true);
    expect(await currentPolicy()).toEqual({
      readOnly: true,
      allowedOrgIds: undefined,
      blockUnknownEntitlements: false,
    });
  });
});
