import type { Frame, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSOLE_UI_TAG } from '../../components/console/ui-tag';
import en from '../../locales/en.json' with { type: 'json' };
import { SCENARIOS, userOf } from '../../sandbox/scenarios';
import { creativeCloudUrl } from '../e2e/support/sandbox-control';
import { type FirefoxHarness, launchFirefoxHarness } from './harness';
import { signInThroughLoginPage } from './sign-in';

const scenario = SCENARIOS.default;
const design = scenario.orgs.find((org) => org.name === 'Acme Design Studio');
const acme = scenario.aemOrg;
const inUi = (selector: string) => `${CONSOLE_UI_TAG} >>> ${selector}`;

interface SandboxState {
  appliedChanges: number;
  connectedOrg: { id: string } | null;
}

async function appFrame(page: Page, appOrigin: string): Promise<Frame> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const frame = page.frames().find((candidate) => candidate.url().startsWith(appOrigin));
    if (frame) return frame;
    if (Date.now() > deadline) throw new Error('The console app frame did not load');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Clicks an element of our shadow-root UI. Puppeteer's own waiting watches the document for
 * mutations, which never fire for changes inside a shadow root, so this polls instead.
 */
async function clickInUi(frame: Frame, selector: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const element = await frame.$(inUi(selector));
    if (element) return element.click();
    if (Date.now() > deadline) throw new Error(`${selector} did not appear in the console UI`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function waitForText(frame: Frame, selector: string, text: string): Promise<void> {
  await frame.waitForFunction(
    (tag, testId, expected) =>
      document.querySelector(tag)?.shadowRoot?.querySelector(`[data-testid="${testId}"]`)?.textContent === expected,
    { timeout: 10_000, polling: 100 },
    CONSOLE_UI_TAG,
    selector,
    text,
  );
}

describe('the console UI in firefox-esr', () => {
  let harness: FirefoxHarness;
  beforeAll(async () => {
    harness = await launchFirefoxHarness();
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('switches the CC org after confirmation, shows the verified result, and switches back', async () => {
    const admin = userOf(scenario, scenario.consoleUserId);
    if (!admin || !design) throw new Error('The default scenario lacks its console user or Acme Design Studio');
    const popup = await harness.openExtensionPage('popup.html');
    expect(await signInThroughLoginPage(harness, popup, admin)).toMatchObject({ ok: true });

    const page = await harness.browser.newPage();
    await page.goto(creativeCloudUrl(harness.sandbox.shellUrl, acme.tenant));
    const app = await appFrame(page, harness.sandbox.appOrigin);
    await clickInUi(app, `button::-p-text(${en.openSwitcher})`);
    await clickInUi(app, `[role="option"][data-org-id="${design.id}"]`);
    await clickInUi(app, `dialog[open] button::-p-text(${en.confirmSwitch})`);

    await waitForText(app, 'progress', `Verified: ${design.name} is now the connected Creative Cloud org.`);
    let state = await harness.sandbox.control<SandboxState>('GET', 'state');
    expect(state).toMatchObject({ appliedChanges: 1, connectedOrg: { id: design.id } });

    await clickInUi(app, `button::-p-text(Switch back to ${acme.name})`);
    await waitForText(app, 'progress', `Verified: ${acme.name} is now the connected Creative Cloud org.`);
    state = await harness.sandbox.control<SandboxState>('GET', 'state');
    expect(state).toMatchObject({ appliedChanges: 2, connectedOrg: { id: acme.id } });
  });
});
