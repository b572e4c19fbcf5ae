import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  authorHostBindingsItem,
  bindAuthorHost,
  readAuthorHostBindings,
  unbindAuthorHost,
} from '@/lib/author-hosts/bindings';
import { type AuthorHostBinding, type AuthorHostPolicy, authorHostTrust } from '@/lib/author-hosts/trust';
import type { HistoryEntry } from '@/lib/history/entry';
import { parsePolicy, policyProblems } from '@/lib/policy/schemas';
import { PROTECTED_ITEMS } from '@/lib/settings/protected-settings';
import { authorHostStateFor, mayReceiveToken } from '@/lib/worker/author-host';
import { switchBackTarget } from '@/lib/worker/history';

// docs/ARCHITECTURE.md#author-host-binding: which author hosts may receive the token.

const AEM_ORG = '0123456789ABCDEF01234567@AdobeOrg';
const OTHER_ORG = '1123456789ABCDEF01234567@AdobeOrg';
const HOST = 'author-p12345-e67890.adobeaemcloud.com';
const ATTACKER = 'author-p66666-e66666.adobeaemcloud.com';
const NO_POLICY: AuthorHostPolicy = { bound: [], forbidden: [] };

const binding = (overrides: Partial<AuthorHostBinding> = {}): AuthorHostBinding => ({
  environment: 'production',
  aemOrgId: AEM_ORG,
  authorHost: HOST,
  aemOrgName: 'Acme',
  boundAt: '2026-12-04T10:00:00.000Z',
  ...overrides,
});
const key = { environment: 'production' as const, aemOrgId: AEM_ORG, authorHost: HOST };

describe('authorHostTrust', () => {
  it('trusts no host until it is bound', () => {
    expect(authorHostTrust(key, [], NO_POLICY)).toBe('unconfirmed');
  });

  it('trusts a host the admin bound, only in that environment and AEM org', () => {
    const stored = [binding()];
    expect(authorHostTrust(key, stored, NO_POLICY)).toBe('admin');
    expect(authorHostTrust({ ...key, environment: 'stage' }, stored, NO_POLICY)).toBe('unconfirmed');
    expect(authorHostTrust({ ...key, aemOrgId: OTHER_ORG }, stored, NO_POLICY)).toBe('unconfirmed');
    expect(authorHostTrust({ ...key, authorHost: ATTACKER }, stored, NO_POLICY)).toBe('unconfirmed');
  });

  it('trusts a host policy binds to the AEM org, and only for that org', () => {
    const policy = { bound: [{ aemOrgId: AEM_ORG, authorHost: HOST }], forbidden: ['*'] };
    expect(authorHostTrust(key, [], policy)).toBe('policy');
    expect(authorHostTrust({ ...key, aemOrgId: OTHER_ORG }, [], policy)).toBe('forbidden');
  });

  it('forbids a host policy forbids even when the admin had bound it, and `*` forbids every host policy did not bind', () => {
    expect(authorHostTrust(key, [binding()], { bound: [], forbidden: [HOST] })).toBe('forbidden');
    expect(authorHostTrust(key, [binding()], { bound: [], forbidden: ['*'] })).toBe('forbidden');
    expect(authorHostTrust(key, [binding()], { bound: [], forbidden: [ATTACKER] })).toBe('admin');
  });

  it('lets a token go only to a trusted host or the configured override', () => {
    expect(
      ['admin', 'policy', 'override', 'unconfirmed', 'forbidden'].map((trust) =>
        mayReceiveToken({ host: HOST, trust: trust as 'admin', environment: 'production' }),
      ),
    ).toEqual([true, true, true, false, false]);
    expect(mayReceiveToken(undefined)).toBe(false);
  });
});

describe('the policy fields', () => {
  it('keeps the valid bindings and refuses the others', () => {
    const parsed = parsePolicy({
      boundAuthorHosts: [
        { aemOrgId: AEM_ORG, authorHost: HOST },
        { aemOrgId: AEM_ORG.toLowerCase(), authorHost: HOST },
        { aemOrgId: AEM_ORG, authorHost: `https://${HOST}` },
        'author-p1-e1.adobeaemcloud.com',
      ],
    });
    expect(parsed.policy.boundAuthorHosts).toEqual([{ aemOrgId: AEM_ORG, authorHost: HOST }]);
    expect(parsed.invalidFields).toEqual(['boundAuthorHosts']);
    expect(parsed.refusedEntries.boundAuthorHosts).toHaveLength(3);
  });

  it('fails closed on a forbidden list it cannot read in full: every host policy did not bind is forbidden', () => {
    expect(parsePolicy({ forbiddenAuthorHosts: [ATTACKER] }).policy.forbiddenAuthorHosts).toEqual([ATTACKER]);
    expect(parsePolicy({ forbiddenAuthorHosts: [ATTACKER, ` ${HOST}`] }).policy.forbiddenAuthorHosts).toEqual([
      ATTACKER,
      '*',
    ]);
    const notAList = parsePolicy({ forbiddenAuthorHosts: HOST });
    expect(notAList.policy.forbiddenAuthorHosts).toEqual(['*']);
    expect(policyProblems(notAList)).toEqual([
      {
        field: 'forbiddenAuthorHosts',
        refusedEntries: null,
        inForce: 'every author host policy did not bind is forbidden',
      },
    ]);
  });
});

describe('the stored bindings', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await authorHostBindingsItem.removeValue();
  });

  it('binds, reads and removes one binding by its environment, AEM org and host', async () => {
    await bindAuthorHost(binding());
    await bindAuthorHost(binding({ authorHost: 'author-p12345-e11111.adobeaemcloud.com' }));
    await bindAuthorHost(binding());
    expect(await readAuthorHostBindings()).toHaveLength(2);
    expect(await unbindAuthorHost({ ...key, environment: 'stage' })).toBe(false);
    expect(await unbindAuthorHost(key)).toBe(true);
    expect((await readAuthorHostBindings()).map((stored) => stored.authorHost)).toEqual([
      'author-p12345-e11111.adobeaemcloud.com',
    ]);
  });

  it('binds nothing for an entry it cannot read, and hides no other', async () => {
    await authorHostBindingsItem.setValue([binding(), { ...binding({ authorHost: ATTACKER }), aemOrgId: 'acme' }, 7]);
    expect(await readAuthorHostBindings()).toEqual([binding()]);
  });

  it('is a protected item, cleared with all extension data', () => {
    expect(PROTECTED_ITEMS.map((item) => item.key)).toContain(authorHostBindingsItem.key);
  });

  it('needs no binding for an Assets base URL set in options or by policy, and none for an unbound host', async () => {
    const settings = { name: 'production' as const, clientId: 'c' };
    const override = { imsBaseUrl: 'https://ims.example.com', assetsBaseUrl: 'https://assets.example.com' };
    expect(await authorHostStateFor({ authorHost: ATTACKER }, AEM_ORG, settings, override)).toEqual({
      host: 'assets.example.com',
      trust: 'override',
      environment: 'production',
    });
    const endpoints = { imsBaseUrl: 'https://ims.example.com' };
    expect(await authorHostStateFor({ authorHost: HOST }, AEM_ORG, settings, endpoints)).toMatchObject({
      trust: 'unconfirmed',
    });
    await bindAuthorHost(binding());
    expect(await authorHostStateFor({ authorHost: HOST }, AEM_ORG, settings, endpoints)).toMatchObject({
      host: HOST,
      trust: 'admin',
    });
    expect(await authorHostStateFor({}, AEM_ORG, settings, endpoints)).toBeUndefined();
  });
});

describe('switch back never crosses environments', () => {
  const entry = (authorHost: string | undefined): HistoryEntry => ({
    opId: 'op',
    time: '2026-12-04T10:00:00.000Z',
    userId: 'u',
    aemOrgId: AEM_ORG,
    aemOrgName: 'Acme',
    from: { id: OTHER_ORG, name: 'Before' },
    to: { id: '2123456789ABCDEF01234567@AdobeOrg', name: 'After' },
    result: 'success',
    path: 'api',
    ...(authorHost && { authorHost }),
  });

  it('goes back on the same author host', () => {
    expect(switchBackTarget([entry(HOST)], AEM_ORG, HOST)).toEqual({ id: OTHER_ORG, name: 'Before' });
  });

  it('refuses when the newest switch in the AEM org was made on another author host, or on an unrecorded one', () => {
    expect(() => switchBackTarget([entry(ATTACKER), entry(HOST)], AEM_ORG, HOST)).toThrow(
      expect.objectContaining({ code: 'SWITCH_BACK_OTHER_HOST' }),
    );
    expect(() => switchBackTarget([entry(undefined)], AEM_ORG, HOST)).toThrow(
      expect.objectContaining({ code: 'SWITCH_BACK_OTHER_HOST' }),
    );
  });
});
