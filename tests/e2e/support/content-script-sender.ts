import type { CDPSession, Frame, Page } from '@playwright/test';

/**
 * Runs code inside the extension's content script on a page: Chromium gives the script an
 * isolated world whose origin is the extension's, and CDP can evaluate there. Messages sent
 * this way reach the worker exactly as the real content script's do (sender = console tab).
 */
export interface ContentScriptSender {
  /** `chrome.runtime.sendMessage(message)` from the content script; the raw answer. */
  send(message: unknown): Promise<unknown>;
  /** Starts recording every message the content script receives (the worker's pushes). */
  listen(): Promise<void>;
  /** What arrived since `listen()`. */
  received(): Promise<unknown[]>;
  /** Runs an expression in the content script's world and returns its (JSON) value. */
  evaluate(expression: string): Promise<unknown>;
  close(): Promise<void>;
}

interface ExecutionContext {
  id: number;
  origin: string;
  auxData?: { frameId?: string };
}

async function isolatedWorldOf(session: CDPSession, extensionId: string, timeoutMs = 10_000): Promise<number> {
  const { frameTree } = await session.send('Page.getFrameTree');
  const origin = `chrome-extension://${extensionId}`;
  const contexts: ExecutionContext[] = [];
  session.on('Runtime.executionContextCreated', ({ context }) => contexts.push(context));
  // Enabling replays every existing context as an event; a script injected later arrives as one.
  await session.send('Runtime.enable');
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = contexts.find((c) => c.origin === origin && c.auxData?.frameId === frameTree.frame.id);
    if (found) return found.id;
    if (Date.now() > deadline) throw new Error(`No content script of ${extensionId} in ${frameTree.frame.url}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * The content script in the page's main frame, or in an out-of-process frame (another site,
 * such as the console app's origin). It runs at document_idle: this waits for it.
 */
export async function contentScriptSender(target: Page | Frame, extensionId: string): Promise<ContentScriptSender> {
  const context = 'context' in target ? target.context() : target.page().context();
  const session = await context.newCDPSession(target);
  const contextId = await isolatedWorldOf(session, extensionId);
  const evaluate = async (expression: string) => {
    const { result, exceptionDetails } = await session.send('Runtime.evaluate', {
      expression,
      contextId,
      awaitPromise: true,
      returnByValue: true,
    });
    if (exceptionDetails) {
      throw new Error(
        `Content script evaluation failed: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`,
      );
    }
    return result.value as unknown;
  };
  return {
    send: (message) => evaluate(`chrome.runtime.sendMessage(${JSON.stringify(message)})`),
    async listen() {
      await evaluate(`(() => {
        globalThis.__testReceived = [];
        chrome.runtime.onMessage.addListener((message) => { globalThis.__testReceived.push(message); });
      })()`);
    },
    async received() {
      return (await evaluate('globalThis.__testReceived ?? []')) as unknown[];
    },
    evaluate,
    close: () => session.detach(),
  };
}
