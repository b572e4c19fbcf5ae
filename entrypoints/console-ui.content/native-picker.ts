import { renderBadges } from '@/components/console/Badges';
import type { ConsoleUi } from '@/components/console/mount';
import { listboxOptions, optionOrgId } from '@/lib/console-page/detect';
import { BADGE_HOST_ATTRIBUTE } from '@/lib/console-page/markers';
import { markPerf, PERF_MARKS } from '@/lib/console-page/perf-marks';

interface Decoration {
  host: HTMLElement | undefined;
  /** The store state the badges were drawn from; a newer state redraws them. */
  version: number;
  unmount: () => void;
}

export interface NativePickerBadges {
  /** Decorates the open listbox's options that are new, re-rendered, or drawn from older data. */
  apply(listbox: HTMLElement | undefined): void;
  /** The store changed: every option is redrawn on the next `apply`. */
  markStale(): void;
  dispose(): void;
}

function createBadgeHost(): HTMLElement {
  const host = document.createElement('span');
  host.setAttribute(BADGE_HOST_ATTRIBUTE, '');
  // The console's option lays name and id out in a column; the badges sit below them.
  host.style.display = 'block';
  host.style.marginTop = '4px';
  return host;
}

/**
 * Badges next to every option of the native "Select new Creative Cloud org ID" listbox. The
 * console renders options only while the listbox is open (and again on every re-render), so
 * `apply` runs once per animation frame after DOM changes and touches only options it has not
 * decorated from the current data: opening a 1,000-org list costs one pass.
 */
export function createNativePickerBadges(ui: ConsoleUi, locale: string): NativePickerBadges {
  const decorations = new Map<HTMLElement, Decoration>();
  let version = 0;
  let lastListbox: HTMLElement | undefined;

  function undecorate(option: HTMLElement, decoration: Decoration): void {
    decoration.unmount();
    decoration.host?.remove();
    decorations.delete(option);
  }

  /**
   * Renders the badges into a detached host and returns it for the caller to insert: rendering
   * every host before inserting any keeps a 1,000-option pass from forcing a style recalculation
   * per option (the badge renderer reads the page's computed colour scheme).
   */
  function decorate(option: HTMLElement): HTMLElement | undefined {
    const current = decorations.get(option);
    const hostInPlace = current?.host ? current.host.parentElement === option : true;
    if (current && current.version === version && hostInPlace) return undefined;
    if (current) undecorate(option, current);
    const orgId = optionOrgId(option, ui.store.orgs.value);
    const org = orgId ? ui.store.orgById(orgId) : undefined;
    if (!org) {
      // Unknown until the worker's state arrives (or not in this user's list): nothing to show yet.
      decorations.set(option, { host: undefined, version, unmount: () => {} });
      return undefined;
    }
    const host = createBadgeHost();
    decorations.set(option, { host, version, unmount: renderBadges(host, org, locale) });
    return host;
  }

  function pruneDetached(): void {
    for (const [option, decoration] of decorations) {
      if (!option.isConnected) undecorate(option, decoration);
    }
  }

  return {
    apply(listbox) {
      pruneDetached();
      if (!listbox) {
        lastListbox = undefined;
        return;
      }
      const rendered: [HTMLElement, HTMLElement][] = [];
      for (const option of listboxOptions(listbox)) {
        const host = decorate(option);
        if (host) rendered.push([option, host]);
      }
      for (const [option, host] of rendered) option.append(host);
      if (rendered.length === 0) return;
      if (listbox !== lastListbox) markPerf(PERF_MARKS.badgesShown);
      lastListbox = listbox;
    },
    markStale() {
      version += 1;
    },
    dispose() {
      for (const [option, decoration] of decorations) undecorate(option, decoration);
      lastListbox = undefined;
    },
  };
}
