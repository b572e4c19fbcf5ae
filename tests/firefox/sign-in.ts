import type { ScenarioUser } from '../../sandbox/scenarios';
import type { FirefoxGlobals } from '../e2e/support/extension-apis';
import type { ExtensionDocument } from './extension-debugger';
import { type FirefoxHarness, pollDocument } from './harness';

/**
 * Signs the extension in from one of its pages: `signIn` goes to the worker, the sandbox's
 * login page opens as a new window, the test picks `user`, and the worker's answer is read
 * back from the page (it arrives only after the redirect).
 */
export async function signInThroughLoginPage(
  harness: FirefoxHarness,
  page: ExtensionDocument,
  user: ScenarioUser,
): Promise<unknown> {
  await page.evaluate(() => {
    const global = globalThis as FirefoxGlobals & { signInAnswer?: unknown };
    void global.browser.runtime.sendMessage({ type: 'signIn', chooseAccount: false }).then(
      (answer) => {
        global.signInAnswer = answer;
      },
      (error: unknown) => {
        global.signInAnswer = { rejected: String(error) };
      },
    );
    return true;
  });
  const authWindow = await harness.browser.waitForTarget((target) => target.url().includes('/authorize'), {
    timeout: 10_000,
  });
  const loginPage = await authWindow.page();
  if (!loginPage) throw new Error('The sign-in window is not a page');
  const account = await loginPage.waitForSelector(`button.account[value="${user.userId}"]`);
  // Firefox closes the window once IMS redirects to the extension, which may cut the click short.
  await account?.click().catch((error: unknown) => {
    if (!loginPage.isClosed() && !/closed|discarded|no such/i.test(String(error))) throw error;
  });
  return pollDocument(page, () => (globalThis as { signInAnswer?: unknown }).signInAnswer, undefined, 10_000);
}
