import type { z } from 'zod/mini';
import type { consoleIdentitySchema } from '../messaging/contract';
import { normalizeText } from './accessible-name';
import { type ConsoleProfile, consoleProfile } from './profile';

/** What this console tab shows about its AEM org; the worker resolves it (DESIGN §4). */
export type ConsoleIdentity = z.infer<typeof consoleIdentitySchema>;

// The contract caps both fields at 300 characters; a longer text is not a tenant or org name.
const MAX_LENGTH = 300;

function bounded(text: string | null | undefined): string | undefined {
  const value = normalizeText(text);
  return value && value.length <= MAX_LENGTH ? value : undefined;
}

/** The tenant in a console URL: the shell's `#/@<tenant>/…`, else an app frame's `?tenant=`. */
export function tenantFromUrl(url: string, profile: ConsoleProfile = consoleProfile): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  const fromHash = new RegExp(profile.tenantInShellHash).exec(parsed.hash)?.[1];
  if (fromHash) return bounded(fromHash);
  for (const name of profile.tenantQueryParams) {
    const value = parsed.searchParams.get(name);
    if (value) return bounded(value);
  }
  return undefined;
}

function orgNameIn(doc: Document, profile: ConsoleProfile): string | undefined {
  for (const selector of profile.orgNameSelectors) {
    const name = bounded(doc.querySelector(selector)?.textContent);
    if (name) return name;
  }
  return undefined;
}

/** The top window when this frame may read it (same origin); cross-origin access throws. */
function readableTop(win: Window): Window | undefined {
  try {
    const top = win.top;
    if (!top || top === win) return undefined;
    void top.location.href;
    return top;
  } catch {
    return undefined;
  }
}

/**
 * Reads the tenant from this frame's URL (or the shell's, when reachable) and the org name from
 * the shell's header when it is in this frame or a same-origin top frame. In the sandbox the app
 * runs on a second origin, so from there only the tenant of its own URL is visible.
 */
export function readConsoleIdentity(win: Window, profile: ConsoleProfile = consoleProfile): ConsoleIdentity {
  const top = readableTop(win);
  const tenant =
    tenantFromUrl(win.location.href, profile) ?? (top ? tenantFromUrl(top.location.href, profile) : undefined);
  const orgName = orgNameIn(win.document, profile) ?? (top ? orgNameIn(top.document, profile) : undefined);
  return { ...(tenant && { tenant }), ...(orgName && { orgName }) };
}
