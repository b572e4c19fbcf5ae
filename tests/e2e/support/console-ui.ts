import { expect, type Frame, type Locator, type Page } from '@playwright/test';
import type { SandboxFixture } from './sandbox-fixture';

/**
 * Driving our console UI from a test: find the app frame, wait for the UI to show the
 * worker's state, read what the switcher shows for each org.
 */

/** Settings > Creative Cloud of the scenario's console (`tenant`), in `lang`; resolves to the app frame. */
export async function openConsoleApp(
  page: Page,
  sandbox: SandboxFixture,
  options: { tenant?: string; lang?: string } = {},
): Promise<Frame> {
  await page.goto(sandbox.creativeCloudUrl(options.tenant, options.lang));
  return appFrameOf(page, sandbox);
}

/** The Assets app's frame (the second origin) once the shell has loaded it. */
export function appFrameOf(page: Page, sandbox: SandboxFixture): Promise<Frame> {
  return frameAt(page, sandbox.appOrigin);
}

/** The first frame of `page` whose URL starts with `urlStart`, once it has loaded. */
export async function frameAt(page: Page, urlStart: string): Promise<Frame> {
  let frame: Frame | undefined;
  await expect
    .poll(() => {
      frame = page.frames().find((candidate) => candidate.url().startsWith(urlStart));
      return Boolean(frame);
    })
    .toBe(true);
  if (!frame) throw new Error(`No frame at ${urlStart} loaded`);
  return frame;
}

export const consoleUi = (app: Frame): Locator => app.getByTestId('console-ui');

import { nativeOptions } from '../../drivers/console-readers';

export { type NativeOption, nativeOptions, type ShownOrg, shownOrgs } from '../../drivers/console-readers';

/** The badges in each native option; null for an option without a badge host. */
export async function nativeOptionBadges(app: Frame): Promise<(string[] | null)[]> {
  return (await nativeOptions(app)).map((option) => option.badges);
}
