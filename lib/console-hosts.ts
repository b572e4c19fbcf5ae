import { MatchPattern } from 'wxt/utils/match-patterns';

/** Where the Assets console lives in production (DESIGN §4). */
export const PRODUCTION_CONSOLE_MATCHES = ['https://experience.adobe.com/*', 'https://assets.adobe.com/*'];

/** Loopback hosts the console sandbox serves; only non-production builds match them. */
export const SANDBOX_CONSOLE_MATCHES = ['http://127.0.0.1/*', 'http://localhost/*'];

/** IMS hosts the worker calls (production and stage). */
export const IMS_HOST_PERMISSIONS = ['https://ims-na1.adobelogin.com/*', 'https://ims-na1-stg1.adobelogin.com/*'];

/**
 * What a custom console host may be (optional host permissions): any https host, granted one
 * host at a time by the admin at run time. Sandbox builds also take plain http on `*.localhost`.
 */
export const CUSTOM_CONSOLE_HOST_PERMISSIONS = ['https://*/*'];
export const SANDBOX_CUSTOM_CONSOLE_HOST_PERMISSIONS = ['http://*.localhost/*'];

/** The static console content script's bundle (entrypoints/console.content), registered again per custom host. */
export const CONSOLE_CONTENT_SCRIPT_FILE = 'content-scripts/console.js';

/** Ids of the content scripts registered for custom hosts start with this; other ids are left alone. */
export const CUSTOM_HOST_SCRIPT_PREFIX = 'console-host:';

export function customConsoleHostPermissionsFor(sandboxBuild: boolean): string[] {
  return sandboxBuild
    ? [...CUSTOM_CONSOLE_HOST_PERMISSIONS, ...SANDBOX_CUSTOM_CONSOLE_HOST_PERMISSIONS]
    : CUSTOM_CONSOLE_HOST_PERMISSIONS;
}

export function consoleMatchesFor(sandboxBuild: boolean): string[] {
  return sandboxBuild ? [...PRODUCTION_CONSOLE_MATCHES, ...SANDBOX_CONSOLE_MATCHES] : PRODUCTION_CONSOLE_MATCHES;
}

/** Match patterns ignore ports, as the browser does when it injects content scripts. */
export function matchesAny(url: string, patterns: readonly string[]): boolean {
  return patterns.some((pattern) => {
    try {
      return new MatchPattern(pattern).includes(url);
    } catch {
      return false;
    }
  });
}
