import type { Browser } from 'wxt/browser';
import { matchesAny } from '../console-hosts';
import type { SenderKind } from './contract';

export interface SenderPolicy {
  extensionId: string;
  /** `chrome-extension://<id>/` or `moz-extension://<uuid>/`. */
  extensionOrigin: string;
  /** Where a console tab's top-level page may be: the built-in shell hosts and the granted custom hosts. */
  shellMatches: readonly string[];
  /** Where AEM's apps render inside the shell's iframe; answered only within a shell tab. */
  appFrameMatches: readonly string[];
}

/**
 * Decides who sent a runtime message, or that nobody we trust did. Only our own extension
 * counts; its pages must come from its own URL and its content scripts only from console
 * hosts (a compromised renderer elsewhere cannot talk to the worker). The tab's top-level page
 * must be a shell host: a console framed by another site (clickjacking), or an app-frame page
 * opened on its own (no shell, so no console identity), gets no answer. The browser fills
 * `tab.url` only for hosts we have permission for, so a foreign top page arrives without one.
 */
export function classifySender(sender: Browser.runtime.MessageSender, policy: SenderPolicy): SenderKind | undefined {
  if (sender.id !== policy.extensionId || !sender.url) return undefined;
  if (sender.url.startsWith(policy.extensionOrigin)) return 'extensionPage';
  if (!sender.tab?.url || !matchesAny(sender.tab.url, policy.shellMatches)) return undefined;
  const frameIsConsole = matchesAny(sender.url, policy.shellMatches) || matchesAny(sender.url, policy.appFrameMatches);
  return frameIsConsole ? 'contentScript' : undefined;
}

/** The sender policy the worker's router holds: built-in hosts at hand, custom ones read on demand. */
export interface RouterSenderPolicy extends SenderPolicy {
  /** The granted custom console hosts (stored hosts, enterprise policy, the browser's grants). */
  customShellMatches(): Promise<readonly string[]>;
}

/**
 * `classifySender`, deciding built-in hosts first: a message from an extension page or a
 * built-in console host is answered without reading storage (it costs a cold worker
 * milliseconds). Stored custom hosts and policy are read only for a sender from our own
 * extension that no built-in host accepts, and read per such message, so a revoke counts at once.
 */
export async function senderKindOf(
  sender: Browser.runtime.MessageSender,
  policy: RouterSenderPolicy,
): Promise<SenderKind | undefined> {
  const builtIn = classifySender(sender, policy);
  if (builtIn || sender.id !== policy.extensionId || !sender.tab?.url) return builtIn;
  const shellMatches = [...policy.shellMatches, ...(await policy.customShellMatches())];
  return classifySender(sender, { ...policy, shellMatches });
}
