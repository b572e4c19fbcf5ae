import { MatchPattern } from 'wxt/utils/match-patterns';

/** Where the Assets console lives in production (DESIGN §4). */
export const PRODUCTION_CONSOLE_MATCHES = ['https://experience.adobe.com/*', 'https://assets.adobe.com/*'];

/** Loopback hosts the console sandbox serves; only non-production builds match them. */
export const SANDBOX_CONSOLE_MATCHES = ['http://127.0.0.1/*', 'http://localhost/*'];

/** IMS hosts the worker calls (production and stage). */
export const IMS_HOST_PERMISSIONS = ['https://ims-na1.adobelogin.com/*', 'https://ims-na1-stg1.adobelogin.com/*'];

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
