import { isSandboxBuild } from '../build-flavor';

/**
 * What a console URL names (docs/ARCHITECTURE.md#console-hosts-and-detection), read the same way by the content script (its own
 * frame) and the worker (the tab's top-level URL, `sender.tab.url`). The Experience Cloud
 * shell's Assets view is `https://experience.adobe.com/?repoId=<author host>#/@<tenant>/assets/…`;
 * other AEM consoles name the author host in `?repo=`, and the shell also takes the IMS org id
 * in place of the tenant (`#/@<24 hex>@AdobeOrg/…`). Pure: no DOM, no browser API.
 */
export interface ConsoleUrlIdentity {
  tenant?: string;
  /** The AEM org id itself, from the shell's `#/@<ORGID>@AdobeOrg/…` form. */
  orgId?: string;
  /** The AEM author host the console works on (`?repoId=` / `?repo=`), validated. */
  authorHost?: string;
}

/** The first path segment after `#/@`: a tenant, or an org id (which carries its own `@`). */
const SHELL_HASH = /^#\/@([^/?#]{1,100})(?:[/?]|$)/;
const TENANT = /^[A-Za-z0-9._-]+$/;
const ORG_ID = /^([0-9A-Fa-f]{24})@AdobeOrg$/;

/** AEM as a Cloud Service author hosts: program and environment ids; `-cm` on the newer names. */
const AEM_AUTHOR_HOST = /^author-p\d{1,12}-e\d{1,12}(?:-cm)?\.adobeaemcloud\.com$/;
/**
 * The sandbox's author host is a loopback name; only sandbox builds accept one. `isSandboxBuild`
 * is a build-time constant, so a production bundle does not carry this pattern at all.
 */
const LOOPBACK_AUTHOR_HOST = isSandboxBuild ? /^(?:127\.0\.0\.1|localhost)(?::(\d{1,5}))?$/ : undefined;

/**
 * `value` as an AEM author host (lower case), or undefined when it is not exactly one: no
 * scheme, path or credentials, nothing before `author-` or after `.adobeaemcloud.com`. A
 * sandbox build also takes `127.0.0.1[:port]` and `localhost[:port]`.
 */
export function aemAuthorHostFrom(value: string | null | undefined, sandboxBuild = isSandboxBuild): string | undefined {
  const host = value?.trim().toLowerCase();
  if (!host) return undefined;
  if (AEM_AUTHOR_HOST.test(host)) return host;
  const loopback = sandboxBuild ? LOOPBACK_AUTHOR_HOST?.exec(host) : undefined;
  if (!loopback) return undefined;
  const port = loopback[1] === undefined ? 80 : Number(loopback[1]);
  return port >= 1 && port <= 65535 ? host : undefined;
}

/** Where the Assets API of an author host answers: https, or plain http for the sandbox's loopback host. */
export function aemAuthorOrigin(authorHost: string): string {
  return AEM_AUTHOR_HOST.test(authorHost) ? `https://${authorHost}` : `http://${authorHost}`;
}

/** The tenant, the org id and the author host `url` names; empty for anything else. */
export function consoleUrlIdentity(url: string | undefined, sandboxBuild = isSandboxBuild): ConsoleUrlIdentity {
  let parsed: URL;
  try {
    parsed = new URL(url ?? '');
  } catch {
    return {};
  }
  const identity: ConsoleUrlIdentity = {};
  const named = SHELL_HASH.exec(parsed.hash)?.[1];
  const orgHex = named ? ORG_ID.exec(named)?.[1] : undefined;
  if (orgHex) identity.orgId = `${orgHex.toUpperCase()}@AdobeOrg`;
  else if (named && TENANT.test(named)) identity.tenant = named;
  const params = parsed.searchParams;
  const authorHost = aemAuthorHostFrom(params.get('repoId') ?? params.get('repo'), sandboxBuild);
  if (authorHost) identity.authorHost = authorHost;
  return identity;
}
