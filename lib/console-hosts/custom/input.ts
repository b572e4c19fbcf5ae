import { isSandboxBuild } from '../../build-flavor';
import { reservedHostOf } from '../index';
/**
 * What an admin may type as a custom console host in options: an origin such as
 * `https://aem.example.com`. It becomes the match pattern the permission request, the
 * registered content script and the worker's sender check all use (`https://aem.example.com/*`).
 * Pure: the options page shows the reason code translated, the tests check every rule.
 */

export const HOST_INPUT_ERRORS = [
  'empty',
  'notAUrl',
  'notHttps',
  'hasPath',
  'hasCredentials',
  'wildcard',
  'builtIn',
  'reserved',
  'duplicate',
] as const;
export type HostInputError = (typeof HOST_INPUT_ERRORS)[number];

export interface ConsoleHost {
  /** The origin as shown to the admin, lower-case, without a default port. */
  origin: string;
  /** `<scheme>://<host>/*`: match patterns ignore ports, as content script injection does. */
  matchPattern: string;
}

export type HostInputResult = { ok: true; host: ConsoleHost } | { ok: false; error: HostInputError };

export interface HostInputRules {
  /** Patterns of the hosts already added. */
  addedMatches: readonly string[];
  /** Sandbox builds accept plain http on `*.localhost` (a local console); production never does. */
  allowLoopbackHttp: boolean;
}

/**
 * `*.localhost` always resolves to loopback (RFC 6761), so no remote site can answer there.
 * Only sandbox builds know the name: a store package carries no loopback host at all.
 */
const isLocalhostName = (hostname: string) =>
  isSandboxBuild && (hostname === 'localhost' || hostname.endsWith('.localhost'));

export function matchPatternOf(url: URL): string {
  return `${url.protocol}//${url.hostname}/*`;
}

export function parseConsoleHost(input: string, rules: HostInputRules): HostInputResult {
  const text = input.trim();
  if (!text) return { ok: false, error: 'empty' };
  if (text.includes('*')) return { ok: false, error: 'wildcard' };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, error: 'notAUrl' };
  }
  const plainHttpAllowed = url.protocol === 'http:' && rules.allowLoopbackHttp && isLocalhostName(url.hostname);
  if (url.protocol !== 'https:' && !plainHttpAllowed) return { ok: false, error: 'notHttps' };
  if (!url.hostname) return { ok: false, error: 'notAUrl' };
  if (url.username || url.password) return { ok: false, error: 'hasCredentials' };
  // `new URL` turns a bare origin into path "/", so anything else was typed by the admin.
  if (url.pathname !== '/' || url.search || url.hash || text.endsWith('?') || text.endsWith('#')) {
    return { ok: false, error: 'hasPath' };
  }
  const matchPattern = matchPatternOf(url);
  // The same rule as enterprise policy: built-in console hosts, and hosts the worker sends tokens to.
  const reserved = reservedHostOf(`${url.protocol}//${url.hostname}/`);
  if (reserved) return { ok: false, error: reserved === 'builtIn' ? 'builtIn' : 'reserved' };
  if (rules.addedMatches.includes(matchPattern)) return { ok: false, error: 'duplicate' };
  return { ok: true, host: { origin: url.origin, matchPattern } };
}
