import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CONSOLE_UI_SCRIPT_FILE } from '@/lib/console-hosts';
import { injectConsoleUi } from '@/lib/worker/console-ui';
import { matrixCaseStarted } from '../../support/matrix';

describe('injecting the console UI', () => {
  let executeScript: ReturnType<typeof vi.fn>;
  beforeEach(() => {
    fakeBrowser.reset();
    executeScript = vi.fn(async () => []);
    (fakeBrowser as unknown as { scripting: { executeScript: typeof executeScript } }).scripting = { executeScript };
  });

  it('targets the document that asked, where the browser names it, so a navigated frame gets nothing', async () => {
    const matrixCase = matrixCaseStarted('attack', 'console UI injected into the asking document only');
    await injectConsoleUi({ tabId: 7, frameId: 3, documentId: 'DOC-A' });
    expect(executeScript).toHaveBeenCalledWith({
      target: { tabId: 7, documentIds: ['DOC-A'] },
      files: [`/${CONSOLE_UI_SCRIPT_FILE}`],
    });
    matrixCase.passed({ tokensFound: 0 });
  });

  it('targets the frame where the browser has no document ids (Firefox)', async () => {
    await injectConsoleUi({ tabId: 7, frameId: 3 });
    expect(executeScript).toHaveBeenCalledWith({
      target: { tabId: 7, frameIds: [3] },
      files: [`/${CONSOLE_UI_SCRIPT_FILE}`],
    });
  });

  it('refuses a sender without a tab or frame', async () => {
    await expect(injectConsoleUi({ frameId: 0, documentId: 'DOC-A' })).rejects.toMatchObject({
      code: 'FORBIDDEN_SENDER',
    });
    expect(executeScript).not.toHaveBeenCalled();
  });
});
