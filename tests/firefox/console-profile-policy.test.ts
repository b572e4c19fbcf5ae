import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Frame } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSOLE_UI_TAG } from '../../components/console/ui-tag';
import { UI_SLOT_ATTRIBUTE } from '../../lib/console-page/markers';
import { translatorFor } from '../../sandbox/console/browser/locales';
import { SCENARIOS, userOf } from '../../sandbox/scenarios';
import { creativeCloudUrl } from '../e2e/support/sandbox-control';
import { appFrame } from './console-page';
import { type FirefoxHarness, launchFirefoxHarness, pollDocument } from './harness';
import { signInThroughLoginPage } from './sign-in';

// The consoleProfile policy from Firefox's real managed storage: the labels IT gives for Spanish
// make an es console recognised by its labels (the UI shows without the picker being opened,
// which a view found by structure never does), and a refused entry is named in options.

const GECKO_ID = 'aem-cc-org-switcher@extensions.example.org';
const t = translatorFor('es');
const POLICY = {
  consoleProfile: {
    labels: {
      es: { picker: t('pickerLabel'), switchButton: t('switchButton'), currentOrgHeading: t('ccCurrentOrgHeading') },
      ko: { picker: '', switchButton: '조직 전환' },
    },
  },
};

async function uiShown(app: Frame): Promise<void> {
  await app.waitForFunction(
    (slot, tag) => {
      const host = document.querySelector(`[${slot}]`);
      return host?.hasAttribute('hidden') === false && !!host.querySelector(tag);
    },
    { timeout: 15_000, polling: 100 },
    UI_SLOT_ATTRIBUTE,
    CONSOLE_UI_TAG,
  );
}

describe('console profile corrections from Firefox managed storage', () => {
  let harness: FirefoxHarness;
  let home: string;
  beforeAll(async () => {
    home = mkdtempSync(path.join(os.tmpdir(), 'firefox-profile-policy-home-'));
    const dir = path.join(home, '.mozilla', 'managed-storage');
    mkdirSync(dir, { recursive: true });
    const manifest = { name: GECKO_ID, description: 'Test policy', type: 'storage', data: POLICY };
    writeFileSync(path.join(dir, `${GECKO_ID}.json`), JSON.stringify(manifest));
    harness = await launchFirefoxHarness({ home });
    const admin = userOf(SCENARIOS.default, SCENARIOS.default.consoleUserId);
    if (!admin) throw new Error('The default scenario lacks its console user');
    const popup = await harness.openExtensionPage('popup.html');
    expect(await signInThroughLoginPage(harness, popup, admin)).toMatchObject({ ok: true });
  });
  afterAll(async () => {
    await harness?.close();
    rmSync(home, { recursive: true, force: true });
  });

  it('recognises an es console by the labels IT gave: the UI shows before the picker is opened', async () => {
    await harness.sandbox.control('POST', 'console', { picker: 'portalled' });
    const page = await harness.browser.newPage();
    await page.goto(creativeCloudUrl(harness.sandbox.shellUrl, SCENARIOS.default.aemOrg.tenant, 'es'));
    const app = await appFrame(page, harness.sandbox.appOrigin);
    await uiShown(app);
    expect(await app.evaluate(() => document.querySelectorAll('[role="option"]').length)).toBe(0);
    await page.close();
  });

  it('names the refused entry on the options page', async () => {
    const options = await harness.openExtensionPage('options.html');
    const notice = await pollDocument(
      options,
      () => document.querySelector('[data-testid="policy-refused-console-profile"]')?.textContent ?? null,
    );
    expect(notice).toContain('labels.ko');
  });
});
