import type { ConsoleIdentity } from '../messaging/contract';
import { normalizeText } from './accessible-name';
import { type ConsoleProfile, consoleProfile } from './profile';

// The contract caps the org name at 300 characters; a longer text is not an org name.
const MAX_LENGTH = 300;

function bounded(text: string | null | undefined): string | undefined {
  const value = normalizeText(text);
  return value && value.length <= MAX_LENGTH ? value : undefined;
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
 * What only this frame can see: the org name in the shell's header, when the header is in this
 * frame or a same-origin top frame. What the URLs name (tenant or org id, author host) the
 * worker reads itself from the tab's and this frame's URL as the browser reports them, which
 * a page cannot forge (lib/worker/aem-org.ts).
 */
export function readConsoleIdentity(win: Window, profile: ConsoleProfile = consoleProfile): ConsoleIdentity {
  const top = readableTop(win);
  const orgName = orgNameIn(win.document, profile) ?? (top ? orgNameIn(top.document, profile) : undefined);
  return orgName ? { orgName } : {};
}
