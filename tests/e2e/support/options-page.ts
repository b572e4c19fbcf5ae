import { type BrowserContext, expect, type Page, type Worker } from '@playwright/test';
import { SANDBOX_POLICY_KEY } from '../../../lib/policy/managed';
import en from '../../../locales/en.json' with { type: 'json' };
import type { ChromiumGlobals, FirefoxGlobals } from './extension-apis';

/** The options page, loaded and showing the settings in force. */
export async function openOptions(context: BrowserContext, extensionId: string, page?: Page): Promise<Page> {
  const options = page ?? (await context.newPage());
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(options.getByRole('heading', { level: 2 }).first()).toBeVisible();
  return options;
}

/**
 * Injects an enterprise policy the way the sandbox build reads it (docs/ENTERPRISE.md "Enterprise policy"):
 * Chromium applies real policies only from root-owned files, so tests write the stand-in key
 * (from Chromium's worker or Firefox's background page).
 */
export async function injectPolicy(worker: Pick<Worker, 'evaluate'>, policy: unknown): Promise<void> {
  await worker.evaluate(
    ({ key, value }) =>
      ((globalThis as Partial<FirefoxGlobals>).browser ?? (globalThis as ChromiumGlobals).chrome)?.storage.local.set({
        [key]: value,
      }),
    { key: SANDBOX_POLICY_KEY, value: policy },
  );
}

export const environmentSelect = (page: Page) => page.getByRole('combobox', { name: en.optionsEnvironmentLabel });
export const clientIdField = (page: Page) => page.getByLabel(en.optionsClientId, { exact: true });
export const readOnlyCheckbox = (page: Page) => page.getByRole('checkbox', { name: en.optionsReadOnlyLabel });
