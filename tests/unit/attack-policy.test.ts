import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { reportToMarkdown } from '@/lib/diagnostics/markdown';
import { buildDiagnosticsReport } from '@/lib/diagnostics/report';
import { environmentNamesFor } from '@/lib/environment';
import { readPolicy } from '@/lib/policy/managed';
import {
  POLICY_FIELDS,
  POLICY_FIELDS_DECLARATION,
  parsePolicy,
  policyEnvironmentSchemaFor,
  policyProblems,
} from '@/lib/policy/schemas';
import { currentPolicy } from '@/lib/settings/switch-policy';
import { chromiumFilteredPolicy, type PolicySchema } from '../support/chromium-policy-filter';
import { matrixCaseStarted } from '../support/matrix';

// A policy IT got slightly wrong must not open what it meant to close.

const ALLOWED = '0123456789ABCDEF01234567@AdobeOrg';
const OTHER = 'FEDCBA9876543210FEDCBA98@AdobeOrg';

/** Whether the worker's switching policy lets `orgId` be connected (the model's BLOCKED_BY_POLICY rule). */
const allows = (policy: Awaited<ReturnType<typeof currentPolicy>>, orgId: string) =>
  policy.allowedOrgIds === undefined || policy.allowedOrgIds.includes(orgId);

describe('an enterprise policy with an unreadable restriction', () => {
  beforeEach(() => fakeBrowser.reset());

  it.each([
    ['a lower-case org id', ALLOWED.toLowerCase()],
    ['a trailing space', `${OTHER} `],
    ['a number', 42],
  ])('keeps the allowlist closed when one entry is %s', async (name, badEntry) => {
    const matrixCase = matrixCaseStarted('attack', `policy allowlist with ${name} still blocks unlisted orgs`);
    await fakeBrowser.storage.managed.set({ allowedCcOrgIds: [ALLOWED, badEntry] });
    const policy = await currentPolicy();
    expect(allows(policy, ALLOWED)).toBe(true);
    expect(allows(policy, OTHER)).toBe(false);
    expect((await readPolicy()).refusedEntries.allowedCcOrgIds).toEqual([String(badEntry)]);
    matrixCase.passed({ intendedSwitches: 0, appliedSwitches: 0 });
  });

  it('blocks every org when the allowlist is not a list', async () => {
    const matrixCase = matrixCaseStarted('attack', 'policy allowlist that is not a list blocks every org');
    await fakeBrowser.storage.managed.set({ allowedCcOrgIds: ALLOWED });
    const policy = await currentPolicy();
    expect(allows(policy, ALLOWED)).toBe(false);
    expect(allows(policy, OTHER)).toBe(false);
    matrixCase.passed({ intendedSwitches: 0, appliedSwitches: 0 });
  });

  it.each([
    ['"true"', 'true'],
    ['1', 1],
    ['"no"', 'no'],
  ])('turns read-only on when readOnly is %s', async (name, readOnly) => {
    const matrixCase = matrixCaseStarted('attack', `policy readOnly of ${name} means read-only`);
    await fakeBrowser.storage.managed.set({ readOnly });
    expect((await currentPolicy()).readOnly).toBe(true);
    matrixCase.passed({ intendedSwitches: 0, appliedSwitches: 0 });
  });

  it('refuses orgs of unknown entitlement when blockUnknownEntitlements is unreadable', async () => {
    await fakeBrowser.storage.managed.set({ blockUnknownEntitlements: 'yes' });
    expect((await currentPolicy()).blockUnknownEntitlements).toBe(true);
  });

  it('tells support in the diagnostics report what was refused and what is in force', async () => {
    await fakeBrowser.storage.managed.set({ allowedCcOrgIds: [ALLOWED, 'acme'], readOnly: 'yes', clientId: 'a b' });
    const report = buildDiagnosticsReport({
      now: new Date('2026-11-25T08:40:00Z'),
      extensionVersion: '1.2.3',
      browser: { name: 'Chrome', version: '131' },
      environment: { name: 'production', endpoints: undefined, setByPolicy: false },
      readOnly: true,
      signedIn: false,
      policyProblems: policyProblems(await readPolicy()),
      consoles: [],
      lastErrors: [],
      history: [],
    });
    expect(report.policyProblems).toEqual([
      {
        field: 'allowedCcOrgIds',
        refusedEntries: ['acme'],
        inForce: 'only the 1 valid org IDs are allowed; every other CC org is blocked',
      },
      { field: 'clientId', refusedEntries: null, inForce: "ignored: the user's own setting applies" },
      { field: 'readOnly', refusedEntries: null, inForce: 'read-only mode is on' },
    ]);
    const markdown = reportToMarkdown(report);
    expect(markdown).toContain('| allowedCcOrgIds | acme | only the 1 valid org IDs are allowed');
    expect(markdown).toContain('| readOnly | (the whole value) | read-only mode is on |');
  });
});

describe("the browser's copy of the policy shape (managed_schema.json)", () => {
  const schema = JSON.parse(readFileSync(path.join(__dirname, '../../public/managed_schema.json'), 'utf8'));
  /** The policy the extension reads once Chrome has filtered what IT wrote through the schema. */
  const throughChrome = async (written: Record<string, unknown>) => {
    await fakeBrowser.storage.managed.set(chromiumFilteredPolicy(written, schema));
    return { parsed: await readPolicy(), policy: await currentPolicy() };
  };
  beforeEach(() => fakeBrowser.reset());

  it.each([
    ['a lower-case org id', ALLOWED.toLowerCase()],
    ['a trailing space', `${OTHER} `],
  ])(
    'lets an allowlist with %s reach the extension, which refuses that entry and keeps the list',
    async (name, bad) => {
      const matrixCase = matrixCaseStarted('attack', `policy allowlist with ${name} survives Chrome's schema filter`);
      const { parsed, policy } = await throughChrome({ allowedCcOrgIds: [ALLOWED, bad] });
      expect(parsed.refusedEntries.allowedCcOrgIds).toEqual([bad]);
      expect(allows(policy, ALLOWED)).toBe(true);
      expect(allows(policy, OTHER)).toBe(false);
      matrixCase.passed({ intendedSwitches: 0, appliedSwitches: 0 });
    },
  );

  it('lets console hosts the extension refuses reach it, so it can name them', async () => {
    const { parsed } = await throughChrome({ consoleHosts: ['https://assets.example.com/*', 'https://*.com/*'] });
    expect(parsed.policy.consoleHosts).toEqual(['https://assets.example.com/*']);
    expect(parsed.refusedEntries.consoleHosts).toEqual(['https://*.com/*']);
  });

  it.each([
    ['readOnly of "true"', { readOnly: 'true' }, 'readOnly'],
    ['an allowlist with a number in it', { allowedCcOrgIds: [ALLOWED, 42] }, 'allowedCcOrgIds'],
    ['blockUnknownEntitlements of "yes"', { blockUnknownEntitlements: 'yes' }, 'blockUnknownEntitlements'],
  ])('fails closed when Chrome deletes a declared restriction: %s', async (name, written, field) => {
    const matrixCase = matrixCaseStarted('attack', `policy ${name}, deleted by Chrome, fails closed when declared`);
    const { parsed, policy } = await throughChrome({ policyFields: [field], ...written });
    expect(parsed.invalidFields).toEqual([field]);
    expect(policy.readOnly || field !== 'readOnly').toBe(true);
    expect(policy.blockUnknownEntitlements || field !== 'blockUnknownEntitlements').toBe(true);
    if (field === 'allowedCcOrgIds') expect(allows(policy, ALLOWED)).toBe(false);
    matrixCase.passed({ intendedSwitches: 0, appliedSwitches: 0 });
  });

  it('fails every restriction closed when the declaration itself cannot be read', () => {
    const parsed = parsePolicy({ policyFields: 'readOnly' });
    expect(parsed.policy).toEqual({
      readOnly: true,
      allowedCcOrgIds: [],
      blockUnknownEntitlements: true,
      forbiddenAuthorHosts: ['*'],
    });
    expect(parsed.invalidFields).toEqual([
      'allowedCcOrgIds',
      'blockUnknownEntitlements',
      'forbiddenAuthorHosts',
      'policyFields',
      'readOnly',
    ]);
  });

  it('refuses names in the declaration that are no policy field, and says so', () => {
    const parsed = parsePolicy({ policyFields: ['readonly', 'readOnly'], readOnly: false });
    expect(parsed.policy).toEqual({ readOnly: false });
    expect(parsed.refusedEntries.policyFields).toEqual(['readonly']);
    expect(policyProblems(parsed)).toEqual([
      {
        field: 'policyFields',
        refusedEntries: ['readonly'],
        inForce: 'unknown names are ignored',
      },
    ]);
  });

  it('declares every policy field with a type Chrome knows and no item pattern or enum', () => {
    expect(Object.keys(schema.properties).sort()).toEqual(
      [...Object.keys(POLICY_FIELDS), POLICY_FIELDS_DECLARATION].sort(),
    );
    const walk = (node: PolicySchema): void => {
      expect(['array', 'boolean', 'integer', 'number', 'object', 'string']).toContain(node.type);
      expect(node.pattern).toBeUndefined();
      expect(node.enum).toBeUndefined();
      if (node.items) walk(node.items);
      for (const child of Object.values(node.properties ?? {})) walk(child);
    };
    walk(schema);
  });
});

describe('console hosts set by policy', () => {
  beforeEach(() => fakeBrowser.reset());

  it.each([
    ['a wildcard host', 'https://*.com/*'],
    ['a wildcard subdomain', 'https://*.example.com/*'],
    ['every host', '<all_urls>'],
    ['a built-in console host', 'https://experience.adobe.com/*'],
    ['the IMS host', 'https://ims-na1.adobelogin.com/*'],
    ['the stage IMS host', 'https://ims-na1-stg1.adobelogin.com/*'],
    ['an AEM author host', 'https://author-p1-e2.adobeaemcloud.com/*'],
    ['a path', 'https://assets.example.com/console/*'],
  ])('refuse %s and keep the valid ones', async (name, entry) => {
    const matrixCase = matrixCaseStarted('attack', `policy console host: ${name} is refused`);
    await fakeBrowser.storage.managed.set({ consoleHosts: ['https://assets.example.com/*', entry] });
    const parsed = await readPolicy();
    expect(parsed.policy.consoleHosts).toEqual(['https://assets.example.com/*']);
    expect(parsed.refusedEntries.consoleHosts).toEqual([entry]);
    expect(policyProblems(parsed)).toEqual([
      { field: 'consoleHosts', refusedEntries: [entry], inForce: 'only the 1 valid console hosts are added' },
    ]);
    matrixCase.passed({ tokensFound: 0 });
  });

  it("refuse the policy's own IMS and Assets hosts", async () => {
    const matrixCase = matrixCaseStarted('attack', "policy console host: the policy's own IMS host is refused");
    await fakeBrowser.storage.managed.set({
      environment: {
        name: 'custom',
        imsBaseUrl: 'https://ims.corp.example',
        assetsBaseUrl: 'https://api.corp.example',
      },
      consoleHosts: ['https://ims.corp.example/*', 'https://api.corp.example/*', 'https://assets.corp.example/*'],
    });
    const parsed = await readPolicy();
    expect(parsed.policy.consoleHosts).toEqual(['https://assets.corp.example/*']);
    expect(parsed.refusedEntries.consoleHosts).toEqual(['https://ims.corp.example/*', 'https://api.corp.example/*']);
    expect(parsed.invalidFields).toEqual(['consoleHosts']);
    matrixCase.passed({ tokensFound: 0 });
  });
});

describe('the sandbox environment in a production build', () => {
  it('is not offered in options', () => {
    expect(environmentNamesFor(false)).toEqual(['production', 'stage', 'custom']);
    expect(environmentNamesFor(true)).toContain('sandbox');
  });

  it('is refused from policy, which could otherwise point sign-in at a loopback IMS', () => {
    const matrixCase = matrixCaseStarted('attack', 'policy sandbox environment refused by a production build');
    const sandboxPolicy = { name: 'sandbox', imsBaseUrl: 'http://127.0.0.1:4870' };
    expect(policyEnvironmentSchemaFor(false).safeParse(sandboxPolicy).success).toBe(false);
    expect(policyEnvironmentSchemaFor(false).safeParse({ name: 'production' }).success).toBe(true);
    expect(policyEnvironmentSchemaFor(true).safeParse(sandboxPolicy).success).toBe(true);
    matrixCase.passed({ tokensFound: 0 });
  });
});
