import { type EnvironmentSettings, SANDBOX_CLIENT_ID } from '@/lib/environment';
import { environmentSetting } from '@/lib/storage-items';

/** The local sandbox's address in the worker unit tests (nothing listens: IMS and the API are faked). */
export const SANDBOX_URL = 'http://127.0.0.1:4870';

/**
 * Stores the sandbox environment with its client id, as an admin choosing it in options would.
 * By default IMS and the Assets API both at the sandbox; a test that moves one names the URLs.
 */
export function storeSandboxEnvironment(
  baseUrls: NonNullable<EnvironmentSettings['baseUrls']> = { imsBaseUrl: SANDBOX_URL, assetsBaseUrl: SANDBOX_URL },
): Promise<void> {
  return environmentSetting.setValue({ name: 'sandbox', clientId: SANDBOX_CLIENT_ID, baseUrls });
}
