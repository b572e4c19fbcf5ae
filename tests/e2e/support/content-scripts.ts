import type { CDPSession, Frame, Page } from '@playwright/test';

interface CdpFrameTree {
  frame: { id: string; url: string };
  childFrames?: CdpFrameTree[];
}

function findFrameId(tree: CdpFrameTree, url: string): string | undefined {
  if (tree.frame.url === url) return tree.frame.id;
  for (const child of tree.childFrames ?? []) {
    const id = findFrameId(child, url);
    if (id) return id;
  }
  return undefined;
}

/**
 * Runs `use` with the frame's execution context of the extension's isolated world (undefined
 * when none): Chromium gives each extension that injects into a frame its own isolated world
 * whose origin is the extension's. Asking CDP works even for a content script that leaves no
 * trace in the page's DOM.
 */
async function inExtensionWorld<T>(
  page: Page,
  frame: Frame,
  extensionId: string,
  use: (session: CDPSession, contextId: number | undefined) => Promise<T>,
): Promise<T> {
  const context = page.context();
  // Cross-site frames (the console's second origin) run out of process with their own session.
  const session = await context.newCDPSession(frame).catch(() => context.newCDPSession(page));
  try {
    const { frameTree } = await session.send('Page.getFrameTree');
    // CDP reports frame URLs without their fragment; the console's routes live in it.
    const frameId = findFrameId(frameTree, frame.url().split('#')[0] ?? '');
    const worlds: { id: number; origin: string }[] = [];
    session.on('Runtime.executionContextCreated', ({ context: created }) => {
      if (created.auxData?.frameId === frameId) worlds.push(created);
    });
    // Enabling replays every existing execution context as an event before it resolves.
    await session.send('Runtime.enable');
    const world = worlds.find(({ origin }) => origin === `chrome-extension://${extensionId}`);
    return await use(session, world?.id);
  } finally {
    await session.detach();
  }
}

/** Whether the extension's content script runs in a frame. */
export function frameHasContentScript(page: Page, frame: Frame, extensionId: string): Promise<boolean> {
  return inExtensionWorld(page, frame, extensionId, async (_session, contextId) => contextId !== undefined);
}

/**
 * How often the console detector started in a frame, as the content scripts' own world counts
 * it (lib/console-page/quiet-context.ts): 0 without the extension there.
 */
export function detectorStarts(page: Page, frame: Frame, extensionId: string): Promise<number> {
  return inExtensionWorld(page, frame, extensionId, async (session, contextId) => {
    if (contextId === undefined) return 0;
    const { result } = await session.send('Runtime.evaluate', {
      contextId,
      returnByValue: true,
      expression: "globalThis[Symbol.for('cc-switcher:content-script-starts')]?.get('console') ?? 0",
    });
    return Number(result.value);
  });
}
