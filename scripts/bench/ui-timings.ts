import type { Frame } from '@playwright/test';
import { CONSOLE_UI_TAG } from '../../components/console/ui-tag';
import { PERF_MARKS } from '../../lib/console-page/perf-marks';
import { appFrame, type BenchSession, waitForMark } from './session';
import { type Sampled, summarize } from './stats';

/**
 * Latencies a user feels, read from the content script's performance marks in the console
 * frame. Actions are started from the page (a click or an input event) at a recorded time on
 * the same clock as the marks.
 */

const NATIVE_PICKER = 'button.picker-button';

/** Opens a console tab on Settings > Creative Cloud and waits for our status panel. */
export async function openConsole(session: BenchSession, tenant: string): Promise<Frame> {
  const page = await session.withExtension.newPage();
  await page.goto(session.ccUrl(tenant));
  const frame = await appFrame(page, session.sandbox.appOrigin);
  await waitForMark(frame, PERF_MARKS.statusShown, 0);
  return frame;
}

/** Clicks the native picker open; answers click → badges shown. Closes it again. */
async function pickerToBadges(frame: Frame): Promise<number> {
  await frame.waitForSelector(NATIVE_PICKER);
  const clickedAt = await frame.evaluate((selector) => {
    const at = performance.now();
    document.querySelector<HTMLButtonElement>(selector)?.click();
    return at;
  }, NATIVE_PICKER);
  const shownAt = await waitForMark(frame, PERF_MARKS.badgesShown, clickedAt);
  await frame.evaluate((selector) => document.querySelector<HTMLButtonElement>(selector)?.click(), NATIVE_PICKER);
  await frame.waitForSelector(`${NATIVE_PICKER}[aria-expanded="false"]`);
  return shownAt - clickedAt;
}

/** Warm: the tab already shows the worker's state; the picker is opened again and again. */
export async function pickerToBadgesWarm(session: BenchSession, tenant: string, runs: number): Promise<Sampled> {
  const frame = await openConsole(session, tenant);
  const samples: number[] = [];
  for (let run = 0; run < runs; run += 1) samples.push(await pickerToBadges(frame));
  await frame.page().close();
  return summarize(samples);
}

/**
 * Cold: the worker was killed and the tab is new; the admin opens the picker as soon as it is
 * there, so the badges wait for the woken worker's answer.
 */
export async function pickerToBadgesCold(session: BenchSession, tenant: string, runs: number): Promise<Sampled> {
  const samples: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    await session.killWorker();
    const page = await session.withExtension.newPage();
    await page.goto(session.ccUrl(tenant));
    samples.push(await pickerToBadges(await appFrame(page, session.sandbox.appOrigin)));
    await page.close();
  }
  await session.reacquireWorker();
  return summarize(samples);
}

/** A new tab, worker killed: the view is recognised → status and summary committed. */
export async function viewToStatusCold(session: BenchSession, tenant: string, runs: number): Promise<Sampled> {
  const samples: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    await session.killWorker();
    const page = await session.withExtension.newPage();
    await page.goto(session.ccUrl(tenant));
    const frame = await appFrame(page, session.sandbox.appOrigin);
    const detected = await waitForMark(frame, PERF_MARKS.viewDetected, 0);
    samples.push((await waitForMark(frame, PERF_MARKS.statusShown, detected)) - detected);
    await page.close();
  }
  await session.reacquireWorker();
  return summarize(samples);
}

/** In our shadow root: click the switcher's opener, or type into its search box. */
/**
 * Acts in our switcher with real (trusted) input, as an admin would: the UI ignores script
 * clicks from the page (components/console/user-input.ts). Answers the event's own time on
 * the frame's clock, recorded by a capture listener, so the input's delivery is not counted.
 */
async function inSwitcher(frame: Frame, action: { kind: 'toggle' } | { kind: 'type'; text: string }): Promise<number> {
  await frame.evaluate(() => {
    const page = window as { benchInputAt?: number; benchListening?: boolean };
    if (page.benchListening) return;
    page.benchListening = true;
    for (const type of ['click', 'input']) {
      document.addEventListener(type, (event) => (page.benchInputAt = event.timeStamp), { capture: true });
    }
  });
  const ui = frame.locator(CONSOLE_UI_TAG);
  if (action.kind === 'toggle') await ui.locator('button[aria-controls="org-switcher"]').click();
  else await ui.locator('#org-search').fill(action.text);
  return frame.evaluate(() => (window as { benchInputAt?: number }).benchInputAt ?? Number.NaN);
}

export interface ManyOrgsResult {
  firstRender: Sampled;
  keystroke: Sampled;
}

/** The 1,000-org console: switcher opened → list committed; one filter keystroke → list committed. */
export async function manyOrgsSwitcher(session: BenchSession, tenant: string, runs: number): Promise<ManyOrgsResult> {
  const frame = await openConsole(session, tenant);
  const render: number[] = [];
  const keystroke: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const openedAt = await inSwitcher(frame, { kind: 'toggle' });
    render.push((await waitForMark(frame, PERF_MARKS.switcherRendered, openedAt)) - openedAt);
    const typedAt = await inSwitcher(frame, { kind: 'type', text: String(run % 10) });
    keystroke.push((await waitForMark(frame, PERF_MARKS.filterApplied, typedAt)) - typedAt);
    const clearedAt = await inSwitcher(frame, { kind: 'type', text: '' });
    await waitForMark(frame, PERF_MARKS.filterApplied, clearedAt);
    await inSwitcher(frame, { kind: 'toggle' });
  }
  await frame.page().close();
  return { firstRender: summarize(render), keystroke: summarize(keystroke) };
}

export interface VirtualizedPickerResult {
  opened: Sampled;
  scrolled: Sampled;
}

const LISTBOX_TRIGGER = '[aria-haspopup="listbox"]';
const SCROLL_STEPS_PER_RUN = 10;

/**
 * React Spectrum's virtualized picker with the 1,000-org console (sandbox/README.md#the-virtualized-picker):
 * opened → badges shown, warm; and, while scrolling a page at a time, the listbox's scroll event
 * (when it reuses its rows for other orgs) → those rows' badges redrawn.
 */
export async function virtualizedPickerBadges(
  session: BenchSession,
  tenant: string,
  runs: number,
): Promise<VirtualizedPickerResult> {
  await session.control('POST', 'console', { picker: 'virtualized' });
  const frame = await openConsole(session, tenant);
  await frame.evaluate(() => {
    // Capture on the document runs before the listbox's own scroll listener (the virtualizer's).
    document.addEventListener(
      'scroll',
      () => {
        (window as { benchScrollAt?: number }).benchScrollAt = performance.now();
      },
      { capture: true },
    );
  });
  const opened: number[] = [];
  const scrolled: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    await frame.waitForSelector(`${LISTBOX_TRIGGER}[aria-expanded="false"]`);
    const clickedAt = await frame.evaluate((selector) => {
      const at = performance.now();
      document.querySelector<HTMLElement>(selector)?.click();
      return at;
    }, LISTBOX_TRIGGER);
    opened.push((await waitForMark(frame, PERF_MARKS.badgesShown, clickedAt)) - clickedAt);
    for (let step = 0; step < SCROLL_STEPS_PER_RUN; step += 1) {
      const before = await frame.evaluate(() => {
        const listbox = document.querySelector<HTMLElement>('[role="listbox"]');
        if (listbox) listbox.scrollTop += listbox.clientHeight;
        return performance.now();
      });
      const updatedAt = await waitForMark(frame, PERF_MARKS.badgesUpdated, before);
      const scrollAt = await frame.evaluate(() => (window as { benchScrollAt?: number }).benchScrollAt ?? Number.NaN);
      scrolled.push(updatedAt - scrollAt);
    }
    await frame.evaluate(() =>
      document
        .querySelector('[role="listbox"]')
        ?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })),
    );
  }
  await frame.page().close();
  await session.control('POST', 'console', { picker: 'classic' });
  return { opened: summarize(opened), scrolled: summarize(scrolled) };
}
