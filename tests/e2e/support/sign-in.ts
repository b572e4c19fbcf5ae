import type { BrowserContext } from '@playwright/test';
import type { ScenarioUser } from '../../../sandbox/scenarios';
import { chooseAccount, openWorkerClient, waitForLoginPage } from './worker-client';

/**
 * Signs the extension in as the popup would: `signIn` from an extension page, then the
 * account's button on the sandbox login page (the auth window, a new page of the context).
 * `account` is a scenario user, or the start of an account button's name ("Ada Lovelace").
 */
export async function signIn(context: BrowserContext, extensionId: string, account: ScenarioUser | string) {
  const client = await openWorkerClient(context, extensionId);
  const loginPage = waitForLoginPage(context);
  const answer = client.send({ type: 'signIn', chooseAccount: false });
  const page = await loginPage;
  if (typeof account === 'string') {
    const button = page.getByRole('button', { name: account }).first();
    await button.click().catch((error: unknown) => {
      if (!page.isClosed() && !/closed/i.test(String(error))) throw error;
    });
  } else {
    await chooseAccount(page, account);
  }
  const result = await answer;
  await client.page.close();
  if (!result.ok) throw new Error(`Sign-in failed: ${result.error.code} ${result.error.message}`);
  return result.data;
}
