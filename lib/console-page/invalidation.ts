import { browser } from 'wxt/browser';
import type { ContentScriptLifetime } from './quiet-context';

/**
 * Whether the extension behind this content script is gone (reloaded, updated or removed), in
 * which case the context is aborted once and its cleanup runs. Chrome never tells an orphaned
 * content script; it only notices that `runtime.id` has disappeared.
 *
 * Not `ctx.isInvalid`: WXT's getter re-notifies (and, in non-production builds, logs) on every
 * read, once a second while the UI is shown; this check holds whichever context runs the script.
 */
export function extensionIsGone(ctx: ContentScriptLifetime): boolean {
  if (ctx.signal.aborted) return true;
  if (browser.runtime?.id) return false;
  ctx.abort('Extension context invalidated');
  return true;
}
