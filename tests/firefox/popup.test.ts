import { describe, expect, it } from 'vitest';
import { SCENARIOS, userOf } from '../../sandbox/scenarios';
import type { FirefoxGlobals } from '../e2e/support/extension-apis';
import { creativeCloudUrl } from '../e2e/support/sandbox-control';
import { parseAnswer } from '../e2e/support/worker-client';
import { signInThroughLoginPage } from './sign-in';
import { firefoxForSuite } from './suite';

const scenario = SCENARIOS.default;
const ada = userOf(scenario, scenario.consoleUserId);

describe('the popup and diagnostics in firefox-esr', () => {
  const harness = firefoxForSuite();

  it('answers the console tab’s state for the popup and names Firefox in the diagnostics', async () => {
    if (!ada) throw new Error('The default scenario names no console user');
    const popup = await harness().openExtensionPage('popup.html');
    expect(await signInThroughLoginPage(harness(), popup, ada)).toMatchObject({ ok: true });
    const page = await harness().browser.newPage();
    const consoleUrl = creativeCloudUrl(harness().sandbox.shellUrl, scenario.aemOrg.tenant);
    await page.goto(consoleUrl);

    // The content script reports its console; from then on the worker knows that tab as a console tab.
    const askForConsoleTab = (shellUrl: string) =>
      popup.evaluate(async (prefix) => {
        const { browser } = globalThis as FirefoxGlobals;
        const tab = (await browser.tabs?.query({}))?.find((candidate) => candidate.url?.startsWith(prefix));
        if (tab?.id === undefined) return null;
        const state = (await browser.runtime.sendMessage({
          type: 'getPopupState',
          tabId: tab.id,
          freshness: 'cached',
        })) as {
          data?: { tab: unknown };
        };
        return state.data?.tab ? state : null;
      }, shellUrl);
    let answer = await askForConsoleTab(harness().sandbox.shellUrl);
    for (const deadline = Date.now() + 10_000; !answer && Date.now() < deadline; ) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      answer = await askForConsoleTab(harness().sandbox.shellUrl);
    }
    const parsed = parseAnswer('getPopupState', answer);
    expect(parsed).toMatchObject({
      ok: true,
      data: {
        identity: { name: ada.name, accountType: 'enterprise' },
        tab: { console: { tenant: scenario.aemOrg.tenant }, state: { signedIn: true } },
      },
    });

    const report = parseAnswer(
      'getDiagnostics',
      await popup.evaluate(() =>
        (globalThis as FirefoxGlobals).browser.runtime.sendMessage({ type: 'getDiagnostics' }),
      ),
    );
    expect(report).toMatchObject({ ok: true, data: { browser: { name: 'Firefox' }, signedIn: true } });
    expect(JSON.stringify(report)).not.toContain(ada.email);
  });
});
