import { CONSOLE_UI_TAG } from '../../components/console/ui-tag';
import { BADGE_HOST_ATTRIBUTE } from '../../lib/console-page/markers';
import type { Evaluator } from './driver';

/**
 * What the user sees on a console page, read inside the frame by either driver: our UI's
 * shadow root (open in sandbox builds) and the console's own options with their badge hosts.
 */

export interface ShownOrg {
  orgId: string;
  name: string;
  badges: string[];
  disabled: boolean;
  reasons: string;
}

/** What the switcher's listbox shows right now. */
export function shownOrgs(frame: Evaluator): Promise<ShownOrg[]> {
  return frame.evaluate((tag) => {
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
export function nativeOptions(frame: Evaluator): Promise<NativeOption[]> {
  return frame.evaluate(
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

/** The text of the first element of our UI matching `css` (e.g. `[data-testid="progress"]`), or null when there is none. */
export function uiText(frame: Evaluator, css: string): Promise<string | null> {
  return frame.evaluate(
    ({ tag, css }) => document.querySelector(tag)?.shadowRoot?.querySelector(css)?.textContent ?? null,
    { tag: CONSOLE_UI_TAG, css },
  );
}

/** Our UI's element by test id: `[data-testid="<id>"]`. */
export const byTestId = (id: string) => `[data-testid="${id}"]`;

/** The native picker's trigger, in every form: React Spectrum's and the others' `aria-haspopup="listbox"` button. */
export const NATIVE_PICKER = 'button[aria-haspopup="listbox"], [role="button"][aria-haspopup="listbox"]';

/** The text the native picker's trigger shows (the org picked), in any form (the web component keeps it in its shadow root). */
export function nativePickerText(frame: Evaluator): Promise<string> {
  return frame.evaluate((css) => {
    const find = (root: Document | ShadowRoot): Element | null =>
      root.querySelector(css) ??
      [...root.querySelectorAll('*')].reduce<Element | null>(
        (found, element) => found ?? (element.shadowRoot ? find(element.shadowRoot) : null),
        null,
      );
    return find(document)?.textContent ?? '';
  }, NATIVE_PICKER);
}
