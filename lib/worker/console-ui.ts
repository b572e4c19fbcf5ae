import { browser } from 'wxt/browser';
import { CONSOLE_UI_SCRIPT_FILE } from '../console-hosts';
import { ExtensionError } from '../errors';

/** The frame that asked for the UI, as the browser names its sender. */
export interface ConsoleUiTarget {
  tabId?: number;
  frameId?: number;
  /** The sender's document (Chrome 106+); Firefox has none. */
  documentId?: string;
}

/**
 * The UI goes only into the frame whose detector saw Settings > Creative Cloud. The worker
 * injects it with `scripting.executeScript`, which Chrome and Firefox MV3 both support for one
 * frame of one tab. A dynamic `import()` from the content script would need the UI bundle to be
 * web-accessible, which lets any page probe for the extension; this way nothing is.
 *
 * Where the browser names the sender's document (Chrome), the UI goes into that document only:
 * a frame that navigated since it asked, to whatever page, gets nothing. Firefox has no document
 * ids, so there the frame id decides (docs/ARCHITECTURE.md#data-flow).
 */
export async function injectConsoleUi({ tabId, frameId, documentId }: ConsoleUiTarget): Promise<void> {
  if (tabId === undefined || frameId === undefined) {
    throw new ExtensionError('FORBIDDEN_SENDER', 'Only a console frame can ask for the console UI');
  }
  await browser.scripting.executeScript({
    target: documentId ? { tabId, documentIds: [documentId] } : { tabId, frameIds: [frameId] },
    files: [`/${CONSOLE_UI_SCRIPT_FILE}`],
  });
}
