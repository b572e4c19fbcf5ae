import type { EnvironmentSettings } from '../../../lib/environment';
import { SANDBOX_CLIENT_ID } from '../../../lib/environment';
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

/** The protected items' keys (lib/settings/protected-settings.ts), as options and the worker write them. */
export type ProtectedSettingKey =
  | 'environment'
  | 'readOnly'
  | 'customConsoleHosts'
  | 'aemOrgByConsole'
  | 'switchHistory'
  | 'environmentToConfirm'
  | 'authorHostBindings';

/**
 * Writes (or with `undefined`, removes) a protected setting from inside an extension context,
 * as lib/protected-store.ts does: the extension origin's IndexedDB, then the change notice every
 * extension context listens to. Self-contained, because it is sent to the browser as source.
 * A protected value is version 1 of its shape in this release.
 */
export async function writeProtectedSetting(
  context: WorkerEvaluator,
  key: ProtectedSettingKey,
  value: unknown,
): Promise<void> {
  await context.evaluate(
    async ({ key, value }) => {
      const database = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('protected-settings');
        request.onupgradeneeded = () => request.result.createObjectStore('items');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      await new Promise<void>((resolve, reject) => {
        const transaction = database.transaction('items', 'readwrite');
        const items = transaction.objectStore('items');
        if (value === undefined) items.delete(key);
        else items.put({ version: 1, value }, key);
        transaction.oncomplete = () => resolve();
        transaction.onerror = () => reject(transaction.error);
      });
      database.close();
      const changes = new BroadcastChannel('protected-settings-changed');
      changes.postMessage({ key });
      changes.close();
      return true;
    },
    { key, value },
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

/** Reads a protected setting's stored record from inside an extension context (undefined when absent). */
export async function readProtectedSetting(context: WorkerEvaluator, key: ProtectedSettingKey): Promise<unknown> {
  return context.evaluate(async (key) => {
    const database = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('protected-settings');
      request.onupgradeneeded = () => request.result.createObjectStore('items');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const record = await new Promise<unknown>((resolve, reject) => {
      const read = database.transaction('items').objectStore('items').get(key);
      read.onsuccess = () => resolve(read.result);
      read.onerror = () => reject(read.error);
    });
    database.close();
    return record ?? null;
  }, key);
}
