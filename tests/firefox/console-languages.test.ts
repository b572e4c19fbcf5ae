import type { Frame } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { BADGE_HOST_ATTRIBUTE, UI_SLOT_ATTRIBUTE } from '../../lib/console-page/markers';
import { SCENARIOS } from '../../sandbox/scenarios';
import type { FirefoxGlobals } from '../e2e/support/extension-apis';
import { creativeCloudUrl } from '../e2e/support/sandbox-control';
import { appFrame, switchAndSwitchBack } from './console-page';
import { firefoxForSuite } from './suite';

// A console in a language the console profile has no labels for, in firefox-esr: found by
// structure, hidden until the native picker's options are the user's orgs, then badges on them
// and the switch through the console page.

const scenario = SCENARIOS.default;
const design = scenario.orgs.find((org) => org.name === 'Acme Design Studio');
const acme = scenario.aemOrg;

/** Polls `probe` in the frame until it answers true (puppeteer's waiting misses shadow-root changes). */
async function until(frame: Frame, what: string, probe: (slot: string, badge: string) => boolean): Promise<void> {
  await frame
    .waitForFunction(probe, { timeout: 15_000, polling: 100 }, UI_SLOT_ATTRIBUTE, BADGE_HOST_ATTRIBUTE)
    .catch(async (error: unknown) => {
      const seen = await frame.evaluate(() => ({
        lang: document.documentElement.lang,
        row: document.querySelector('.switch-row')?.outerHTML.slice(0, 600),
        slot: document.querySelector('[data-cc-switcher-slot]')?.outerHTML.slice(0, 300),
      }));
      throw new Error(`Timed out waiting until ${what}: ${String(error)} ${JSON.stringify(seen)}`);
    });
}

describe('a console in a language without profile labels, in firefox-esr', () => {
  const harness = firefoxForSuite({
    // The API refuses the extension and the picker is React Spectrum's, portalled, names only.
    arrange: (firefox) => firefox.sandbox.control('POST', 'scenario', { name: 'extension-refused' }),
    signedIn: true,
  });

  it('on a ko console, waits for the options to be the user’s orgs, badges them, and switches through the console', async () => {
    if (!design) throw new Error('The default scenario lacks Acme Design Studio');
    const page = await harness().browser.newPage();
    await page.goto(creativeCloudUrl(harness().sandbox.shellUrl, acme.tenant, 'ko'));
    const app = await appFrame(page, harness().sandbox.appOrigin);

    await until(
      app,
      'the UI is injected and hidden',
      (slot) => document.querySelector(`[${slot}]`)?.hasAttribute('hidden') === true,
    );
    await app.click('button[aria-haspopup="listbox"]');
    await until(
      app,
      'every option carries badges and the UI shows',
      (slot, badge) =>
        document.querySelector(`[${slot}]`)?.hasAttribute('hidden') === false &&
        document.querySelectorAll('[role="option"]').length > 0 &&
        [...document.querySelectorAll('[role="option"]')].every(
          (option) =>
            (option.querySelector(`[${badge}]`)?.shadowRoot?.querySelectorAll('[data-badge]').length ?? 0) > 0,
        ),
    );
    await page.keyboard.press('Escape');
    const state = await switchAndSwitchBack(harness(), app, design, acme, 'console');
    expect(state.connectedOrg?.id).toBe(acme.id);
    await page.close();
  });

  it('the diagnostics for the ko console tab carry its page shape, found by structure, with no org name or id', async () => {
    const page = await harness().browser.newPage();
    await page.goto(creativeCloudUrl(harness().sandbox.shellUrl, acme.tenant, 'ko'));
    const app = await appFrame(page, harness().sandbox.appOrigin);
    await until(app, 'the UI is injected', (slot) => document.querySelector(`[${slot}]`) !== null);
    const popup = await harness().openExtensionPage('popup.html');
    const report = (await popup.evaluate(async (prefix) => {
      const { browser } = globalThis as FirefoxGlobals;
      const tab = (await browser.tabs?.query({}))?.find((candidate) => candidate.url?.startsWith(prefix));
      return browser.runtime.sendMessage({ type: 'getDiagnostics', tabId: tab?.id });
    }, harness().sandbox.shellUrl)) as { ok: boolean; data?: { pageShape: { frames: unknown[] } | null } };
    expect(report.ok).toBe(true);
    const frames = report.data?.pageShape?.frames ?? [];
    expect(frames).toContainEqual(
      expect.objectContaining({ lang: 'ko', detection: expect.objectContaining({ signal: 'structure' }) }),
    );
    const shape = JSON.stringify(report.data?.pageShape);
    for (const org of scenario.orgs) {
      expect(shape).not.toContain(org.id);
      expect(shape).not.toContain(org.name);
    }
    await page.close();
  });
});
