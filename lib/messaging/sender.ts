import type { Browser } from 'wxt/browser';
import { matchesAny } from '../console-hosts';
import type { SenderKind } from './contract';

export interface SenderPolicy {
  extensionId: string;
  /** `chrome-extension://<id>/` or `moz-extension://<uuid>/`. */
  extensionOrigin: string;
  consoleMatches: readonly string[];
}

/**
 * Decides who sent a runtime message, or that nobody we trust did. Only our own extension
 * counts; its pages must come from its own URL and its content scripts only from console
 * hosts (a compromised renderer elsewhere cannot talk to the worker).
 */
export function classifySender(sender: Browser.runtime.MessageSender, policy: SenderPolicy): SenderKind | undefined {
  if (sender.id !== policy.extensionId || !sender.url) return undefined;
  if (sender.url.startsWith(policy.extensionOrigin)) return 'extensionPage';
  if (!sender.tab) return undefined;
  return matchesAny(sender.url, policy.consoleMatches) ? 'contentScript' : undefined;
}
