import type { Page } from '@playwright/test';
import axe, { type AxeResults, type SerialSelector } from 'axe-core';

type AxeWindow = typeof globalThis & { axe: typeof axe };

/** Long enough for a frame of a busy machine to answer; every frame has axe, so no run waits it out. */
const FRAME_ANSWER_MS = 30_000;

/**
 * axe-core on `page` and its frames, as one page (the console's main landmark and heading live in
 * its app frame), on the whole page or on `include`, e.g. `{ fromFrames: ['iframe', host] }`.
 * Not through @axe-core/playwright: it gives each child frame one second to load axe and silently
 * skips a frame that takes longer, so on a busy machine it skipped the console's app frame, where
 * our UI is, and found nothing there. Here every frame gets axe first, for as long as that takes.
 */
export async function axeOn(page: Page, include?: SerialSelector): Promise<AxeResults> {
  for (const frame of page.frames()) {
    await frame.evaluate(axe.source);
    // The app frame is another origin than the shell: let axe's frames talk to each other.
    await frame.evaluate(() => (globalThis as AxeWindow).axe.configure({ allowedOrigins: ['<unsafe_all_origins>'] }));
  }
  return page.evaluate(
    ({ context, waitMs }) =>
      (globalThis as AxeWindow).axe.run(context ?? document, { pingWaitTime: waitMs, frameWaitTime: waitMs }),
    { context: include, waitMs: FRAME_ANSWER_MS },
  );
}

/** The serious and critical violations of an axe run, each with the selectors it found them at. */
export function seriousViolationsIn(results: AxeResults) {
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({ id: violation.id, nodes: violation.nodes.map((node) => node.target.join(' ')) }));
}
