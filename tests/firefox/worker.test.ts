import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCENARIOS } from '../../sandbox/scenarios';
import type { FirefoxGlobals } from '../e2e/support/extension-apis';
import { parseAnswer } from '../e2e/support/worker-client';
import { expectedConsole, expectedIdentity, type SandboxConnectionTruth } from '../e2e/support/worker-truth';
import { type FirefoxHarness, launchFirefoxHarness, pollDocument } from './harness';

const scenario = SCENARIOS.default;
const ada = scenario.users.find((user) => user.userId === scenario.consoleUserId);
const acmeConsole = { tenant: scenario.aemOrg.tenant, orgName: scenario.aemOrg.name };

describe('the worker in firefox-esr', () => {
  let harness: FirefoxHarness;
  beforeAll(async () => {
    harness = await launchFirefoxHarness();
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('signs in through the sandbox login page and reports the console state the sandbox holds', async () => {
    if (!ada) throw new Error('The default scenario names no console user');
    const popup = await harness.openExtensionPage('popup.html');

    // The answer comes only after the login, so the page keeps it for a later read.
    await popup.evaluate(() => {
      const page = globalThis as FirefoxGlobals & { signInAnswer?: unknown };
      void page.browser.runtime.sendMessage({ type: 'signIn', chooseAccount: false }).then(
        (answer) => {
          page.signInAnswer = answer;
        },
        (error: unknown) => {
          page.signInAnswer = { rejected: String(error) };
        },
      );
      return true;
    });
    const authWindow = await harness.browser.waitForTarget((target) => target.url().includes('/authorize'), {
      timeout: 10_000,
    });
    const loginPage = await authWindow.page();
    if (!loginPage) throw new Error('The sign-in window is not a page');
    const account = await loginPage.waitForSelector(`button.account[value="${ada.userId}"]`);
    // Firefox closes the window once IMS redirects to the extension, which may cut the click short.
    await account?.click().catch((error: unknown) => {
      if (!loginPage.isClosed() && !/closed|discarded|no such/i.test(String(error))) throw error;
    });
    const signedIn = await pollDocument(
      popup,
      () => (globalThis as { signInAnswer?: unknown }).signInAnswer,
      undefined,
      10_000,
    );

    expect(parseAnswer('signIn', signedIn)).toEqual({ ok: true, data: expectedIdentity(ada) });
    const truth = await harness.sandbox.control<SandboxConnectionTruth>('GET', 'state');
    const state = await popup.evaluate(
      (console) =>
        (globalThis as FirefoxGlobals).browser.runtime.sendMessage({
          type: 'getConsoleState',
          console,
          freshness: 'fresh',
        }),
      acmeConsole,
    );
    expect(parseAnswer('getConsoleState', state)).toEqual({
      ok: true,
      data: {
        signedIn: true,
        identity: expectedIdentity(ada),
        aemOrg: { status: 'resolved', org: { id: scenario.aemOrg.id, name: scenario.aemOrg.name } },
        console: {
          ...expectedConsole(scenario, ada, {
            connectedOrg: truth.connectedOrg,
            updatedAt: truth.updatedAt,
            updatedBy: truth.updatedBy,
          }),
          fetchedAt: expect.any(Number),
        },
      },
    });
  });
});
