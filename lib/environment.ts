import { z } from 'zod/mini';

export const ENVIRONMENT_NAMES = ['production', 'stage', 'sandbox', 'custom'] as const;
export const environmentNameSchema = z.enum(ENVIRONMENT_NAMES);
export type EnvironmentName = z.infer<typeof environmentNameSchema>;

export const SANDBOX_DEFAULT_PORT = 4870;
/** The client id the sandbox's IMS knows; a production client id comes from options or policy. */
export const SANDBOX_CLIENT_ID = 'aem-cc-org-switcher';

export interface Endpoints {
  imsBaseUrl: string;
  /** Modeled: the origin that serves the Assets CC-connection API. */
  assetsBaseUrl: string;
}

export const KNOWN_ENDPOINTS: Record<Exclude<EnvironmentName, 'custom'>, Endpoints> = {
  production: { imsBaseUrl: 'https://ims-na1.adobelogin.com', assetsBaseUrl: 'https://assets.adobe.com' },
  stage: { imsBaseUrl: 'https://ims-na1-stg1.adobelogin.com', assetsBaseUrl: 'https://assets.adobe.com' },
  sandbox: {
    imsBaseUrl: `http://127.0.0.1:${SANDBOX_DEFAULT_PORT}`,
    assetsBaseUrl: `http://127.0.0.1:${SANDBOX_DEFAULT_PORT}`,
  },
};

/** https anywhere; plain http only on loopback (the sandbox, a local proxy). */
export function isAllowedBaseUrl(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.pathname !== '/' || url.search || url.hash || url.username || url.password) return false;
  if (url.protocol === 'https:') return true;
  return url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
}

export const baseUrlSchema = z
  .string()
  .check(
    z.refine(isAllowedBaseUrl, 'Use an https:// origin (plain http only for 127.0.0.1 or localhost), with no path'),
  );

export const environmentSettingsSchema = z.strictObject({
  name: environmentNameSchema,
  clientId: z.string(),
  /** Required for `custom`; for `sandbox` it points at a sandbox on another port. Ignored otherwise. */
  baseUrls: z.optional(z.strictObject({ imsBaseUrl: baseUrlSchema, assetsBaseUrl: baseUrlSchema })),
});
export type EnvironmentSettings = z.infer<typeof environmentSettingsSchema>;

export function endpointsFor(settings: EnvironmentSettings): Endpoints | undefined {
  if (settings.name === 'custom') return settings.baseUrls;
  if (settings.name === 'sandbox') return settings.baseUrls ?? KNOWN_ENDPOINTS.sandbox;
  return KNOWN_ENDPOINTS[settings.name];
}

export function defaultEnvironment(sandboxBuild: boolean): EnvironmentSettings {
  return sandboxBuild ? { name: 'sandbox', clientId: SANDBOX_CLIENT_ID } : { name: 'production', clientId: '' };
}
