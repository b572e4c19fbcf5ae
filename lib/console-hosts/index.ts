import { MatchPattern } from 'wxt/utils/match-patterns';
import { isSandboxBuild } from '../build-flavor';

/**
 * Where the console lives (docs/ARCHITECTURE.md#console-hosts-and-detection). Two kinds of host: the shell is the tab's top-level page
 * (its URL names the console: tenant or org id, and the AEM author host); AEM's apps render in
 * an iframe of the shell from the app-frame origin, whose own URL names neither. The worker
 * answers a content script only inside a shell tab (lib/messaging/sender.ts).
 */

/** The Experience Cloud shell. */
export const PRODUCTION_SHELL_MATCHES = ['https://experience.adobe.com/*'];

/** The origins AEM's apps are served from into the shell's iframe: production, then stage. */
export const PRODUCTION_APP_FRAME_MATCHES = [
  'https://exc-unifiedcontent.experience.adobe.net/*',
  'https://exc-unifiedcontent.experience-stage.adobe.net/*',
];

/** The console sandbox plays both on loopback: the shell on 127.0.0.1, the app frame on localhost. */
export const SANDBOX_SHELL_MATCHES = ['http://127.0.0.1/*'];
export const SANDBOX_APP_FRAME_MATCHES = ['http://localhost/*'];

/** Every production console host, shell and app frame: the content script runs in all of them. */
export const PRODUCTION_CONSOLE_MATCHES = [...PRODUCTION_SHELL_MATCHES, ...PRODUCTION_APP_FRAME_MATCHES];
/** Loopback hosts the console sandbox serves; only non-production builds match them. */
export const SANDBOX_CONSOLE_MATCHES = [...SANDBOX_SHELL_MATCHES, ...SANDBOX_APP_FRAME_MATCHES];

/** The Access Profile API the entitlement badges read (production and stage bases in lib/environment.ts). */
export const ACCESS_PROFILE_HOST_PERMISSIONS = ['https://aps-web.adobe.io/*', 'https://aps-web-stage.adobe.io/*'];

/** IMS hosts the worker calls (production and stage). */
export const IMS_HOST_PERMISSIONS = ['https://ims-na1.adobelogin.com/*', 'https://ims-na1-stg1.adobelogin.com/*'];

/**
 * The Assets API lives on the console's AEM author host, `author-p<program>-e<environment>[-cm]
 * .adobeaemcloud.com` (lib/console-hosts/url.ts), one per customer environment, so no fixed host can
 * be listed. A match pattern allows `*` only as the whole leftmost label, so this is the
 * narrowest pattern that covers every author host; the worker still calls only a host that
 * passes the strict author-host check.
 */
export const AEM_AUTHOR_HOST_PERMISSIONS = ['https://*.adobeaemcloud.com/*'];

/**
 * What a custom console host may be (optional host permissions): any https host, granted one
 * host at a time by the admin at run time. Sandbox builds also take plain http on `*.localhost`.
 * A custom host counts as a shell host: its top-level page is the console.
 */
export const CUSTOM_CONSOLE_HOST_PERMISSIONS = ['https://*/*'];
export const SANDBOX_CUSTOM_CONSOLE_HOST_PERMISSIONS = ['http://*.localhost/*'];

/** The static console content script's bundle (entrypoints/console.content), registered again per custom host. */
export const CONSOLE_CONTENT_SCRIPT_FILE = 'content-scripts/console.js';

/** The console UI's bundle (entrypoints/console-ui.content): injected by the worker where the view is. */
export const CONSOLE_UI_SCRIPT_FILE = 'content-scripts/console-ui.js';
/** The page-shape script the worker injects for a diagnostics report (entrypoints/page-shape.content). */
export const PAGE_SHAPE_SCRIPT_FILE = 'content-scripts/page-shape.js';

/** Ids of the content scripts registered for custom hosts start with this; other ids are left alone. */
export const CUSTOM_HOST_SCRIPT_PREFIX = 'console-host:';

export function customConsoleHostPermissionsFor(sandboxBuild: boolean): string[] {
  return sandboxBuild
    ? [...CUSTOM_CONSOLE_HOST_PERMISSIONS, ...SANDBOX_CUSTOM_CONSOLE_HOST_PERMISSIONS]
    : CUSTOM_CONSOLE_HOST_PERMISSIONS;
}

/** The built-in console hosts of a build, by kind. */
export interface ConsoleHostMatches {
  shell: readonly string[];
  appFrame: readonly string[];
}

export function consoleHostsFor(sandboxBuild: boolean): ConsoleHostMatches {
  return sandboxBuild
    ? {
        shell: [...PRODUCTION_SHELL_MATCHES, ...SANDBOX_SHELL_MATCHES],
        appFrame: [...PRODUCTION_APP_FRAME_MATCHES, ...SANDBOX_APP_FRAME_MATCHES],
      }
    : { shell: PRODUCTION_SHELL_MATCHES, appFrame: PRODUCTION_APP_FRAME_MATCHES };
}

/** Every built-in console host of a build (shell and app frame), production ones first. */
export function consoleMatchesFor(sandboxBuild: boolean): string[] {
  return sandboxBuild ? [...PRODUCTION_CONSOLE_MATCHES, ...SANDBOX_CONSOLE_MATCHES] : PRODUCTION_CONSOLE_MATCHES;
}

// This build's app-frame hosts, folded at build time: a production bundle carries no loopback host.
const BUILD_APP_FRAME_MATCHES = isSandboxBuild
  ? [...PRODUCTION_APP_FRAME_MATCHES, ...SANDBOX_APP_FRAME_MATCHES]
  : PRODUCTION_APP_FRAME_MATCHES;

// This build's shell hosts, folded at build time likewise.
const BUILD_SHELL_MATCHES = isSandboxBuild
  ? [...PRODUCTION_SHELL_MATCHES, ...SANDBOX_SHELL_MATCHES]
  : PRODUCTION_SHELL_MATCHES;

/** Whether `url` is on one of this build's built-in shell hosts (custom console hosts are not). */
export function isShellUrl(url: string): boolean {
  return matchesAny(url, BUILD_SHELL_MATCHES);
}

/**
 * Whether `url` is on one of this build's app-frame hosts. Those patterns name exact hosts on
 * any port, so comparing scheme and host suffices: the content script stays free of the
 * general match-pattern parser (its size budget).
 */
export function isAppFrameUrl(url: string): boolean {
  try {
    const { protocol, hostname } = new URL(url);
    return BUILD_APP_FRAME_MATCHES.includes(`${protocol}//${hostname}/*`);
  } catch {
    return false;
  }
}

/** The hosts the worker sends tokens to: IMS, the Access Profile API, AEM author hosts. */
const TOKEN_HOST_MATCHES = [
  ...IMS_HOST_PERMISSIONS,
  ...ACCESS_PROFILE_HOST_PERMISSIONS,
  ...AEM_AUTHOR_HOST_PERMISSIONS,
];

/**
 * Hosts no console-host setting may add: the built-in console hosts (already covered), and the
 * hosts the worker sends tokens to. A content script there would run beside the extension's own
 * traffic.
 */
// This build's console hosts, folded at build time: a production bundle carries no loopback host.
const BUILD_CONSOLE_MATCHES = [...PRODUCTION_CONSOLE_MATCHES, ...(isSandboxBuild ? SANDBOX_CONSOLE_MATCHES : [])];

export const RESERVED_HOST_MATCHES = [...BUILD_CONSOLE_MATCHES, ...TOKEN_HOST_MATCHES];

/**
 * Why `url` may not become a console host, or undefined when it may: the one rule both the
 * enterprise policy and the options page apply (docs/ENTERPRISE.md#console-hosts).
 */
export function reservedHostOf(url: string): 'builtIn' | 'tokenHost' | undefined {
  if (matchesAny(url, BUILD_CONSOLE_MATCHES)) return 'builtIn';
  if (matchesAny(url, TOKEN_HOST_MATCHES)) return 'tokenHost';
  return undefined;
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
