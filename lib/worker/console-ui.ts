import { browser } from 'wxt/browser';
import { CONSOLE_UI_SCRIPT_FILE } from '../console-hosts';
import { ExtensionError } from '../errors';

/**
 * The UI goes only into the frame whose detector saw Settings > Creative Cloud. The worker
 * injects it with `scripting.executeScript`, which Chrome and Firefox MV3 both support for one
 * frame of one tab. A dynamic `import()` from the content script would need the UI bundle to be
 * web-accessible, which lets any page probe for the extension; this way nothing is.
 */
export async function injectConsoleUi(tabId: number | undefined, frameId: number | undefined): Promise<void> {
  if (tabId === undefined || frameId === undefined) {
    throw new ExtensionError('FORBIDDEN_SENDER', 'Only a console frame can ask for the console UI');
  }
  await browser.scripting.executeScript({
    target: { tabId, frameIds: [frameId] },
    files: [`/${CONSOLE_UI_SCRIPT_FILE}`],
  });
}
