import { expect, type Frame, type Locator, type Page } from '@playwright/test';
import { CONSOLE_UI_TAG } from '../../../components/console/ui-tag';
import { BADGE_HOST_ATTRIBUTE } from '../../../lib/console-page/markers';
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

export interface ShownOrg {
  orgId: string;
  name: string;
  badges: string[];
  disabled: boolean;
  reasons: string;
}

/** What the switcher's listbox shows right now, read from our shadow root. */
export function shownOrgs(app: Frame): Promise<ShownOrg[]> {
  return app.evaluate((tag) => {
    const root = document.querySelector(tag)?.shadowRoot;
    return [...(root?.querySelectorAll('[role="option"]') ?? [])].map((option) => ({
      orgId: option.getAttribute('data-org-id') ?? '',
      name: option.querySelector('.option-name')?.textContent ?? '',
      badges: [...option.querySelectorAll('[data-badge]')].map((badge) => badge.getAttribute('data-badge') ?? ''),
      disabled: option.getAttribute('aria-disabled') === 'true',
      reasons: option.querySelector('.reasons')?.textContent ?? '',
    }));
  }, CONSOLE_UI_TAG);
}

export interface NativeOption {
  /** The option's text as the console renders it (its org name, and the org id where it shows one). */
  text: string;
  /** The badges in its badge host, in display order; null for an option without a badge host. */
  badges: string[] | null;
}

/**
 * Each native option, in the order the console shows them. Every form keeps its options in the
 * light DOM (a web component slots them); the badges sit in each badge host's shadow root.
 */
export function nativeOptions(app: Frame): Promise<NativeOption[]> {
  return app.evaluate(
    (badgeHost) =>
      [...document.querySelectorAll('[role="option"]')].map((option) => {
        const host = option.querySelector(`[${badgeHost}]`);
        const badges = host
          ? [...(host.shadowRoot?.querySelectorAll('[data-badge]') ?? [])].map(
              (badge) => badge.getAttribute('data-badge') ?? '',
            )
          : null;
        return { text: option.textContent ?? '', badges };
      }),
    BADGE_HOST_ATTRIBUTE,
  );
}

/** The badges in each native option; null for an option without a badge host. */
export async function nativeOptionBadges(app: Frame): Promise<(string[] | null)[]> {
  return (await nativeOptions(app)).map((option) => option.badges);
}
