import type { EnvironmentSettings } from '../../../lib/environment';
import { SANDBOX_CLIENT_ID } from '../../../lib/environment';
import type { ProtectedItemName } from '../../../lib/stored-items';
import { STORED_ITEMS_TEST_HOOK, type StoredItemsTestHook } from '../../../lib/stored-items-test-hook';
import { SCENARIOS } from '../../../sandbox/scenarios';

/**
 * Points a sandbox build at one running sandbox's IMS (any port) instead of the default 4870.
 * No Assets base: the worker calls the AEM author host each console's URL names (`?repoId=`).
 */
export function sandboxEnvironment(apiBaseUrl: string): EnvironmentSettings {
  return { name: 'sandbox', clientId: SANDBOX_CLIENT_ID, baseUrls: { imsBaseUrl: apiBaseUrl } };
}

/** Anything that can run a function inside an extension context (Playwright's `Worker`, Firefox's background). */
export interface WorkerEvaluator {
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
}

/** A protected item's name in lib/stored-items.ts: a name the registry does not list fails to compile. */
export type ProtectedSettingKey = ProtectedItemName;

/**
 * Writes (or with `undefined`, removes) a protected item from inside the extension's worker (or
 * Firefox's background page), through the product's own store code: the sandbox build's test
 * hook (lib/stored-items-test-hook.ts), so the version is the registry's and the change notice
 * the store's.
 */
export async function writeProtectedSetting(
  context: WorkerEvaluator,
  key: ProtectedSettingKey,
  value: unknown,
): Promise<void> {
  await context.evaluate(
    async ({ hookName, key, value }) => {
      const hook = (globalThis as Record<string, unknown>)[hookName] as StoredItemsTestHook | undefined;
      if (!hook) throw new Error('No stored-items test hook: is this a sandbox build?');
      await hook.write(key, value);
      return true;
    },
    { hookName: STORED_ITEMS_TEST_HOOK, key, value },
  );
}

/**
 * Binds each of `authorHosts` to every sandbox scenario's AEM org in the sandbox environment, as an admin's
 * confirmation in the console would (lib/author-hosts/bindings.ts): specs that are not about the
 * binding start where an admin who trusted the sandbox's author host would be.
 */
export async function bindSandboxAuthorHost(worker: WorkerEvaluator, ...authorHosts: string[]): Promise<void> {
  const aemOrgs = new Map(Object.values(SCENARIOS).map(({ aemOrg }) => [aemOrg.id, aemOrg.name]));
  const boundAt = new Date().toISOString();
  const bindings = authorHosts.flatMap((authorHost) =>
    [...aemOrgs].map(([aemOrgId, aemOrgName]) => ({
      environment: 'sandbox',
      aemOrgId,
      authorHost,
      aemOrgName,
      boundAt,
    })),
  );
  await writeProtectedSetting(worker, 'authorHostBindings', bindings);
}

/** Writes the environment the way the options page would, from inside the extension's worker. */
export async function writeExtensionEnvironment(worker: WorkerEvaluator, settings: EnvironmentSettings): Promise<void> {
  await writeProtectedSetting(worker, 'environment', settings);
}

/** Reads a protected item's stored record (`{ version, value }`) from inside an extension context; null when absent. */
export async function readProtectedSetting(context: WorkerEvaluator, key: ProtectedSettingKey): Promise<unknown> {
  return context.evaluate(
    async ({ hookName, key }) => {
      const hook = (globalThis as Record<string, unknown>)[hookName] as StoredItemsTestHook | undefined;
      if (!hook) throw new Error('No stored-items test hook: is this a sandbox build?');
      return hook.read(key);
    },
    { hookName: STORED_ITEMS_TEST_HOOK, key },
  );
}
