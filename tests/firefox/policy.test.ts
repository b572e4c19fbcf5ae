import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import en from '../../locales/en.json' with { type: 'json' };
import { SCENARIOS } from '../../sandbox/scenarios';
import type { FirefoxGlobals } from '../e2e/support/extension-apis';
import { BUILD_DIRS, FIREFOX_PATH } from '../e2e/support/paths';
import { matrixCaseStarted } from '../support/matrix';
import { type FirefoxHarness, launchFirefoxHarness, pollDocument } from './harness';
import { firefoxBuildWithGeckoId, firefoxInstallationWithPolicies } from './policies-json';

// A real enterprise policy in Firefox: managed storage from a native manifest in the user's
// ~/.mozilla/managed-storage/ (docs/ENTERPRISE.md "Enterprise policy"), here in a temporary HOME.

const GECKO_ID = 'aem-cc-org-switcher@extensions.example.org';
const design = SCENARIOS.default.orgs.find((org) => org.name === 'Acme Design Studio');
const POLICY = { readOnly: true, allowedCcOrgIds: [design?.id] };

describe('enterprise policy from Firefox managed storage', () => {
  let harness: FirefoxHarness;
  let home: string;
  beforeAll(async () => {
    home = mkdtempSync(path.join(os.tmpdir(), 'firefox-policy-home-'));
    const dir = path.join(home, '.mozilla', 'managed-storage');
    mkdirSync(dir, { recursive: true });
    const manifest = { name: GECKO_ID, description: 'Test policy', type: 'storage', data: POLICY };
    writeFileSync(path.join(dir, `${GECKO_ID}.json`), JSON.stringify(manifest));
    harness = await launchFirefoxHarness({ home });
  });
  afterAll(async () => {
    await harness?.close();
    rmSync(home, { recursive: true, force: true });
  });

  it('reads the policy from the native manifest', async () => {
    expect(harness.addonId).toBe(GECKO_ID);
    const managed = await (await harness.background()).evaluate(() =>
      (globalThis as FirefoxGlobals).browser.storage.managed.get(null),
    );
    expect(managed).toEqual(POLICY);
  });

  it('shows read-only locked on the options page, and the worker refuses to change it', async () => {
    const options = await harness.openExtensionPage('options.html');
    const shown = await pollDocument(options, () => {
      const box = document.querySelector<HTMLInputElement>('input[type="checkbox"]');
      const note = document.querySelector('[data-testid="read-only-locked"]')?.textContent;
      return box && note ? { checked: box.checked, disabled: box.disabled, note } : null;
    });
    expect(shown).toEqual({ checked: true, disabled: true, note: expect.stringContaining(en.optionsLockedByPolicy) });

    const answer = await options.evaluate(() =>
      (globalThis as FirefoxGlobals).browser.runtime.sendMessage({ type: 'saveSettings', readOnly: false }),
    );
    expect(answer).toMatchObject({ ok: false, error: { code: 'POLICY_LOCKED' } });
  });
});

// The same restrictions through Firefox's policies.json (`3rdparty.Extensions.<add-on id>`), typed
// as IT might get them wrong. Firefox's own schema takes an extension's policy as any JSON, so
// every field reaches the extension as written and the extension's parser decides
// (docs/ENTERPRISE.md#when-the-browser-drops-a-field).
describe('enterprise policy from Firefox policies.json', () => {
  const geckoId = 'policies-json-test@extensions.example.org';
  const allowed = design?.id ?? '';
  const written = { readOnly: 'true', allowedCcOrgIds: [allowed, allowed.toLowerCase(), 42] };
  let harness: FirefoxHarness;
  const cleanups: Array<() => void> = [];
  beforeAll(async () => {
    const build = firefoxBuildWithGeckoId(BUILD_DIRS.firefoxSandbox, geckoId);
    cleanups.push(build.remove);
    const installation = firefoxInstallationWithPolicies(path.dirname(realpathSync(FIREFOX_PATH)), {
      '3rdparty': { Extensions: { [geckoId]: written } },
    });
    cleanups.push(installation.remove);
    harness = await launchFirefoxHarness({ extensionDir: build.dir, executablePath: installation.executablePath });
  });
  afterAll(async () => {
    await harness?.close();
    for (const cleanup of cleanups.reverse()) cleanup();
  });

  it('hands the extension every field as IT wrote it, and the extension fails closed', async () => {
    const matrixCase = matrixCaseStarted(
      'attack',
      'real Firefox policies.json: readOnly "true" and a malformed allowlist fail closed',
    );
    const managed = await (await harness.background()).evaluate(() =>
      (globalThis as FirefoxGlobals).browser.storage.managed.get(null),
    );
    expect(managed).toEqual(written);

    const options = await harness.openExtensionPage('options.html');
    const shown = await pollDocument(options, () => {
      const box = document.querySelector<HTMLInputElement>('input[type="checkbox"]');
      const readOnly = document.querySelector('[data-testid="policy-unreadable-readOnly"]')?.textContent;
      const allowlist = document.querySelector('[data-testid="policy-refused-allowlist"]')?.textContent;
      return box && readOnly && allowlist
        ? { checked: box.checked, disabled: box.disabled, readOnly, allowlist }
        : null;
    });
    expect(shown).toMatchObject({ checked: true, disabled: true, readOnly: en.optionsPolicyUnreadableReadOnly });
    expect(shown.allowlist).toContain(allowed.toLowerCase());
    expect(shown.allowlist).toContain('42');
    matrixCase.passed({ intendedSwitches: 0, appliedSwitches: 0 });
  });
});
