import type { EnvironmentSettings } from '../../../lib/environment';
import { SANDBOX_CLIENT_ID } from '../../../lib/environment';
import type { ChromiumGlobals } from './extension-apis';

/** The `storage.local` key the extension reads its environment from (lib/storage-items.ts). */
export const ENVIRONMENT_STORAGE_KEY = 'environment';

/**
 * Points a sandbox build at one running sandbox's IMS (any port) instead of the default 4870.
 * No Assets base: the worker calls the AEM author host each console's URL names (`?repoId=`).
 */
export function sandboxEnvironment(apiBaseUrl: string): EnvironmentSettings {
  return { name: 'sandbox', clientId: SANDBOX_CLIENT_ID, baseUrls: { imsBaseUrl: apiBaseUrl } };
}

/** Anything that can run a function inside the extension's worker (Playwright's `Worker`). */
export interface WorkerEvaluator {
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
}

/** Writes the environment the way the options page would, from inside the Chromium worker. */
export async function writeExtensionEnvironment(worker: WorkerEvaluator, settings: EnvironmentSettings): Promise<void> {
  await worker.evaluate(
    async ({ key, value }) => {
      const chrome = (globalThis as ChromiumGlobals).chrome;
      if (!chrome) throw new Error('chrome.* is not available in this context');
      await chrome.storage.local.set({ [key]: value });
    },
    { key: ENVIRONMENT_STORAGE_KEY, value: settings },
  );
}
