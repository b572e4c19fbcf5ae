import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readPolicy, SANDBOX_POLICY_KEY, watchPolicy } from '@/lib/policy/managed';
import { parsePolicy } from '@/lib/policy/schemas';

const ORG_A = `${'A'.repeat(24)}@AdobeOrg`;
const ORG_B = `${'0123456789ABCDEF'.repeat(2).slice(0, 24)}@AdobeOrg`;

describe('parsing a managed policy', () => {
  it('keeps every valid field', () => {
    const raw = {
      environment: { name: 'custom', imsBaseUrl: 'https://ims.example.com', assetsBaseUrl: 'https://api.example.com' },
      clientId: 'it-client',
      consoleHosts: ['https://assets.example.com/*'],
      readOnly: true,
      allowedCcOrgIds: [ORG_A, ORG_B],
    };
    expect(parsePolicy(raw)).toEqual({ policy: raw, invalidFields: [], refusedEntries: {} });
  });

  it('ignores the invalid fields, closes the unreadable restrictions, keeps the good ones and names the bad ones', () => {
    const parsed = parsePolicy({
      readOnly: 'true',
      allowedCcOrgIds: [ORG_A, 'not-an-org'],
      clientId: 'it-client',
      environment: { name: 'custom' },
      consoleHosts: ['http://assets.example.com/*'],
      colour: 'blue',
    });
    // The list keeps its valid entries; an unreadable readOnly means read-only.
    expect(parsed.policy).toEqual({
      clientId: 'it-client',
      readOnly: true,
      allowedCcOrgIds: [ORG_A],
      consoleHosts: [],
    });
    expect(parsed.refusedEntries).toEqual({
      allowedCcOrgIds: ['not-an-org'],
      consoleHosts: ['http://assets.example.com/*'],
    });
    expect(parsed.invalidFields).toEqual(['allowedCcOrgIds', 'colour', 'consoleHosts', 'environment', 'readOnly']);
  });

  it('refuses base URLs that are plain http off loopback, a custom one without IMS, or an Assets base alone', () => {
    expect(
      parsePolicy({
        environment: { name: 'custom', imsBaseUrl: 'http://ims.example', assetsBaseUrl: 'https://a.example' },
      }).invalidFields,
    ).toEqual(['environment']);
    expect(parsePolicy({ environment: { name: 'custom', assetsBaseUrl: 'https://a.example' } }).invalidFields).toEqual([
      'environment',
    ]);
    expect(
      parsePolicy({ environment: { name: 'sandbox', assetsBaseUrl: 'http://127.0.0.1:1' } }).invalidFields,
    ).toEqual(['environment']);
  });

  it('takes the Assets base URL as an optional override', () => {
    // Without it the API is on each console's AEM author host.
    expect(parsePolicy({ environment: { name: 'custom', imsBaseUrl: 'https://ims.example' } })).toEqual({
      policy: { environment: { name: 'custom', imsBaseUrl: 'https://ims.example' } },
      invalidFields: [],
      refusedEntries: {},
    });
    expect(parsePolicy({ environment: { name: 'sandbox', imsBaseUrl: 'http://127.0.0.1:1' } }).invalidFields).toEqual(
      [],
    );
    expect(parsePolicy({ environment: { name: 'production' } })).toEqual({
      policy: { environment: { name: 'production' } },
      invalidFields: [],
      refusedEntries: {},
    });
  });

  it('treats no value as no policy and a non-object as an invalid one that closes every restriction', () => {
    expect(parsePolicy(undefined)).toEqual({ policy: {}, invalidFields: [], refusedEntries: {} });
    expect(parsePolicy(['readOnly'])).toEqual({
      policy: { allowedCcOrgIds: [], readOnly: true, blockUnknownEntitlements: true, forbiddenAuthorHosts: ['*'] },
      invalidFields: ['(policy)'],
      refusedEntries: {},
    });
  });
});

describe('reading the policy in force', () => {
  beforeEach(() => fakeBrowser.reset());

  it('reads managed storage', async () => {
    await fakeBrowser.storage.managed.set({ readOnly: true });
    expect(await readPolicy()).toEqual({ policy: { readOnly: true }, invalidFields: [], refusedEntries: {} });
  });

  it('means no policy when managed storage cannot be read (Firefox without a policy manifest)', async () => {
    vi.spyOn(fakeBrowser.storage.managed, 'get').mockRejectedValue(new Error('Managed storage manifest not found'));
    expect(await readPolicy()).toEqual({ policy: {}, invalidFields: [], refusedEntries: {} });
  });

  it('in a non-production build, reads the injected test policy when managed storage is empty', async () => {
    await fakeBrowser.storage.local.set({ [SANDBOX_POLICY_KEY]: { allowedCcOrgIds: [ORG_A] } });
    expect(await readPolicy()).toEqual({ policy: { allowedCcOrgIds: [ORG_A] }, invalidFields: [], refusedEntries: {} });
  });

  it('prefers real managed storage over the injected test policy', async () => {
    await fakeBrowser.storage.local.set({ [SANDBOX_POLICY_KEY]: { readOnly: false } });
    await fakeBrowser.storage.managed.set({ readOnly: true });
    expect((await readPolicy()).policy).toEqual({ readOnly: true });
  });

  it('reports changes of managed storage and of the injected policy, not of other settings', async () => {
    const onChange = vi.fn();
    const stop = watchPolicy(onChange);
    await fakeBrowser.storage.local.set({ readOnly: true });
    expect(onChange).not.toHaveBeenCalled();
    await fakeBrowser.storage.managed.set({ readOnly: true });
    await fakeBrowser.storage.local.set({ [SANDBOX_POLICY_KEY]: { readOnly: true } });
    expect(onChange).toHaveBeenCalledTimes(2);
    stop();
    await fakeBrowser.storage.managed.set({ readOnly: false });
    expect(onChange).toHaveBeenCalledTimes(2);
  });
});
