import type { CDPSession, Frame, Page } from '@playwright/test';
import { UI_SLOT_ATTRIBUTE } from '../../lib/console-page/markers';
import { PERF_MARKS } from '../../lib/console-page/perf-marks';
import { BUILD_DIRS } from '../../tests/e2e/support/paths';
import { extensionProcessPss } from './process-memory';
import { appFrame, type BenchSession, waitForMark } from './session';
import { workerHeapAfterGc } from './worker-heap';

/**
 * Memory of the console frame's renderer (where the content script runs; the console app's
 * own heap is in it too) and of the extension's process (the worker), after garbage collection, after 1 and after 50
 * round trips Settings > Creative Cloud → General → Creative Cloud (two route changes each).
 */

export interface MemoryResult {
  rendererAfter1: number;
  rendererAfter50: number;
  /** The worker's JS heap after GC. */
  workerAfter1: number;
  workerAfter50: number;
  /** The extension process's PSS (no GC possible for the whole process: informative). */
  processAfter1: number;
  processAfter50: number;
}

async function rendererHeap(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize;
}

/** The worker's heap after GC, and its process's PSS. */
async function workerMemory(session: BenchSession): Promise<{ heap: number; process: number }> {
  await session.reacquireWorker();
  const heap = await workerHeapAfterGc(session.withExtension, session.extensionId);
  return { heap, process: extensionProcessPss(BUILD_DIRS.chromeSandbox) };
}

/** Shell route change in the top page; waits until our UI has come (or gone) in the app frame. */
async function goTo(page: Page, frame: Frame, route: 'creative-cloud' | 'general'): Promise<void> {
  await page.evaluate((target) => {
    location.hash = location.hash.replace(/settings\/[\w-]+$/, `settings/${target}`);
  }, route);
  // The app frame follows the shell's route in its own hash; only then does the view change
  // (a re-render of the same view also removes our slot for a moment).
  await frame.waitForFunction((target) => location.hash.endsWith(`settings/${target}`), route);
  const wantUi = route === 'creative-cloud';
  await frame.waitForFunction(({ slot, wantUi }) => Boolean(document.querySelector(`[${slot}]`)) === wantUi, {
    slot: UI_SLOT_ATTRIBUTE,
    wantUi,
  });
}

export async function memoryOverRouteChanges(session: BenchSession, tenant: string): Promise<MemoryResult> {
  const page = await session.withExtension.newPage();
  await page.goto(session.ccUrl(tenant));
  const frame = await appFrame(page, session.sandbox.appOrigin);
  await waitForMark(frame, PERF_MARKS.statusShown, 0);
  const cdp = await session.withExtension.newCDPSession(frame);
  await goTo(page, frame, 'general');
  await goTo(page, frame, 'creative-cloud');
  const rendererAfter1 = await rendererHeap(cdp);
  const worker1 = await workerMemory(session);
  for (let trip = 1; trip < 50; trip += 1) {
    await goTo(page, frame, 'general');
    await goTo(page, frame, 'creative-cloud');
  }
  const rendererAfter50 = await rendererHeap(cdp);
  const worker50 = await workerMemory(session);
  await cdp.detach();
  await page.close();
  return {
    rendererAfter1,
    rendererAfter50,
    workerAfter1: worker1.heap,
    workerAfter50: worker50.heap,
    processAfter1: worker1.process,
    processAfter50: worker50.process,
  };
}
