import type { Frame, Page } from '@playwright/test';

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
 * Whether the extension's content script runs in a frame: Chromium gives each extension
 * that injects into a frame its own isolated world whose origin is the extension's. Asking
 * CDP works even for a content script that leaves no trace in the page's DOM.
 */
export async function frameHasContentScript(page: Page, frame: Frame, extensionId: string): Promise<boolean> {
  const context = page.context();
  // Cross-site frames (the console's second origin) run out of process with their own session.
  const session = await context.newCDPSession(frame).catch(() => context.newCDPSession(page));
  try {
    const { frameTree } = await session.send('Page.getFrameTree');
    // CDP reports frame URLs without their fragment; the console's routes live in it.
    const frameId = findFrameId(frameTree, frame.url().split('#')[0] ?? '');
    const origins: string[] = [];
    session.on('Runtime.executionContextCreated', ({ context: created }) => {
      if (created.auxData?.frameId === frameId) origins.push(created.origin);
    });
    // Enabling replays every existing execution context as an event before it resolves.
    await session.send('Runtime.enable');
    return origins.includes(`chrome-extension://${extensionId}`);
  } finally {
    await session.detach();
  }
}
