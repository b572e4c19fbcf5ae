import { z } from 'zod/mini';
import { isSandboxBuild } from './build-flavor';
import { aemAuthorOrigin } from './console-hosts/url';
import { ExtensionError } from './errors';

export const ENVIRONMENT_NAMES = ['production', 'stage', 'sandbox', 'custom'] as const;
export const environmentNameSchema = z.enum(ENVIRONMENT_NAMES);
export type EnvironmentName = z.infer<typeof environmentNameSchema>;

/** The environments a build offers and accepts from policy: the sandbox only in sandbox builds. */
export function environmentNamesFor(sandboxBuild: boolean): EnvironmentName[] {
  return sandboxBuild ? [...ENVIRONMENT_NAMES] : ENVIRONMENT_NAMES.filter((name) => name !== 'sandbox');
}

/** This build's environments (folded at build time). */
export const BUILD_ENVIRONMENT_NAMES = environmentNamesFor(isSandboxBuild);

export const SANDBOX_DEFAULT_PORT = 4870;
/**
 * The client id the sandbox's IMS knows, named apart from the project and the UI's element so
 * its absence from production bundles can be checked; a production client id comes from
 * options or policy.
 */
export const SANDBOX_CLIENT_ID = 'cc-org-switcher-sandbox';

export interface Endpoints {
  imsBaseUrl: string;
  /**
   * An override of the Assets API's origin (options or policy). Without one the API lives on
   * the console's AEM author host, which each console's URL names (`assetsBaseUrlFor`).
   */
  assetsBaseUrl?: string;
  /** Modeled: the Access Profile API's origin; absent where none is known (its badges are then unknown). */
  accessProfileBaseUrl?: string;
}

/**
 * Loopback exists only in sandbox builds: `isSandboxBuild` is a build-time constant, so a
 * production bundle (the store package) carries no loopback host or sandbox URL at all, and
 * its manifest grants no loopback access that could use one.
 */
const SANDBOX_ORIGIN = isSandboxBuild ? `http://127.0.0.1:${SANDBOX_DEFAULT_PORT}` : undefined;
/** Where plain http is allowed: loopback, and only in sandbox builds. */
export const LOOPBACK_HOSTNAMES: readonly string[] = isSandboxBuild ? ['127.0.0.1', 'localhost', '[::1]'] : [];

/** IMS per environment; the Assets API comes from each console's author host. */
export const KNOWN_ENDPOINTS: Record<Exclude<EnvironmentName, 'custom' | 'sandbox'>, Endpoints> = {
  production: {
    imsBaseUrl: 'https://ims-na1.adobelogin.com',
    // From Adobe's public app code (docs/ARCHITECTURE.md#ims-and-the-assets-api).
    accessProfileBaseUrl: 'https://aps-web.adobe.io',
  },
  stage: {
    imsBaseUrl: 'https://ims-na1-stg1.adobelogin.com',
    // ASSUMED: Adobe's usual `-stage` host naming; no public source names it.
    accessProfileBaseUrl: 'https://aps-web-stage.adobe.io',
  },
};

/** The sandbox's default endpoints; none in a production build. */
export const SANDBOX_ENDPOINTS: Endpoints | undefined = SANDBOX_ORIGIN
  ? { imsBaseUrl: SANDBOX_ORIGIN, accessProfileBaseUrl: SANDBOX_ORIGIN }
  : undefined;

/** https anywhere; plain http only on loopback in sandbox builds (the sandbox, a local proxy). */
export function isAllowedBaseUrl(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.pathname !== '/' || url.search || url.hash || url.username || url.password) return false;
  if (url.protocol === 'https:') return true;
  return url.protocol === 'http:' && LOOPBACK_HOSTNAMES.includes(url.hostname);
}

export const baseUrlSchema = z
  .string()
  .check(
    z.refine(
      isAllowedBaseUrl,
      isSandboxBuild
        ? 'Use an https:// origin (plain http only for 127.0.0.1 or localhost), with no path'
        : 'Use an https:// origin, with no path',
    ),
  );

export const baseUrlsSchema = z.strictObject({
  imsBaseUrl: baseUrlSchema,
  assetsBaseUrl: z.optional(baseUrlSchema),
  accessProfileBaseUrl: z.optional(baseUrlSchema),
});

export const environmentSettingsSchema = z.strictObject({
  name: environmentNameSchema,
  clientId: z.string(),
  /**
   * Required for `custom`; for `sandbox` it points at a sandbox on another port. Ignored
   * otherwise. The Assets base is an optional override of the console's author host.
   */
  baseUrls: z.optional(baseUrlsSchema),
});
export type EnvironmentSettings = z.infer<typeof environmentSettingsSchema>;

export function endpointsFor(settings: EnvironmentSettings): Endpoints | undefined {
  if (settings.name === 'custom') return settings.baseUrls;
  // A production build cannot reach a sandbox (no loopback host permission): not configured.
  if (settings.name === 'sandbox') {
    if (!isSandboxBuild) return undefined;
    // The sandbox serves the Access Profile API on its own origin, the one its IMS is on.
    const { baseUrls } = settings;
    return baseUrls ? { accessProfileBaseUrl: baseUrls.imsBaseUrl, ...baseUrls } : SANDBOX_ENDPOINTS;
  }
  return KNOWN_ENDPOINTS[settings.name];
}

/**
 * This build's default: the sandbox and its client in sandbox builds. Read from the build-time
 * constant, so a production bundle carries no sandbox client id (tests/build/policy-build.test.ts).
 */
export function defaultEnvironment(): EnvironmentSettings {
  return isSandboxBuild ? { name: 'sandbox', clientId: SANDBOX_CLIENT_ID } : { name: 'production', clientId: '' };
}

/**
 * Where the Assets API of one console answers: the override when options or policy set one,
 * else the AEM author host the console's URL names (`?repoId=` / `?repo=`).
 */
export function assetsBaseUrlFor(endpoints: Endpoints, identity: { authorHost?: string }): string {
  if (endpoints.assetsBaseUrl) return endpoints.assetsBaseUrl;
  if (identity.authorHost) return aemAuthorOrigin(identity.authorHost);
  throw new ExtensionError(
    'AEM_HOST_UNKNOWN',
    "This console's URL names no AEM author host (?repoId= or ?repo=) and no Assets API base URL is set",
  );
}
