import { renderBadges } from '@/components/console/Badges';
import type { ConsoleUi } from '@/components/console/mount';
import { listboxOptions, optionOrgId } from '@/lib/console-page/detect';
import { BADGE_HOST_ATTRIBUTE } from '@/lib/console-page/markers';
import { OPTION_IDENTITY_ATTRIBUTES, optionSignature } from '@/lib/console-page/option-signature';
import { markPerf, PERF_MARKS } from '@/lib/console-page/perf-marks';

/** What one option's badges were drawn for: a reused option shows another org, and is redrawn. */
interface Decoration {
  host: HTMLElement | undefined;
  /** The org the badges show (undefined: none, the option's org is not known). */
  orgId: string | undefined;
  /** The option's identifying attributes and text when it was decorated. */
  signature: string;
  /** The store state the badges were drawn from; a newer state redraws them. */
  version: number;
  unmount: () => void;
}

export interface NativePickerBadges {
  /** Decorates the open listbox's options that are new, re-rendered, reused, or drawn from older data. */
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
 * Badges next to every option of the native "Select new Creative Cloud org ID" listbox
 * (docs/ARCHITECTURE.md#the-consoles-picker-dom). The console renders options only while the
 * listbox is open, and a virtualized listbox REUSES an option element for another org while
 * scrolling. So a decoration is keyed on the org the option shows now, not on the element: when
 * an option's key, id or text changes, its badges are redrawn for its new org (or removed) before
 * the next paint, by an observer on the open listbox whose callback runs in the same task.
 * `apply` also runs once per animation frame after other DOM changes; both touch only options
 * whose identity or data changed, so opening a 1,000-org list costs one pass.
 */
export function createNativePickerBadges(ui: ConsoleUi, locale: string): NativePickerBadges {
  const decorations = new Map<HTMLElement, Decoration>();
  let version = 0;
  let lastListbox: HTMLElement | undefined;
  let observed: HTMLElement | undefined;
  const observer = new MutationObserver(() => {
    if (observed?.isConnected) decorateListbox(observed, true);
  });

  function undecorate(option: HTMLElement, decoration: Decoration): void {
    decoration.unmount();
    decoration.host?.remove();
    decorations.delete(option);
  }

  /** Our hosts in `option` other than `keep`: a framework that cloned a row may have copied one. */
  function removeStrayHosts(option: HTMLElement, keep: HTMLElement | undefined): void {
    for (const host of option.querySelectorAll<HTMLElement>(`:scope > [${BADGE_HOST_ATTRIBUTE}]`)) {
      if (host !== keep) host.remove();
    }
  }

  /** A host to insert: appended to its option, or in place of the host that showed the option's previous org. */
  interface Insertion {
    option: HTMLElement;
    host: HTMLElement;
    replaces: HTMLElement | undefined;
  }

  /**
   * Renders the badges of the org the option shows now into a new detached host and returns it
   * for the caller to insert: inserting every host after rendering all keeps a 1,000-option pass
   * from forcing a style recalculation per option (the badge renderer reads the computed colour
   * scheme). A host that showed another org is replaced in place, not moved: the framework leaves
   * children it did not render where they are.
   */
  function decorate(option: HTMLElement): { insertion?: Insertion; removed: boolean } {
    const current = decorations.get(option);
    const signature = optionSignature(option);
    const hostInPlace = current?.host ? current.host.parentElement === option : true;
    if (current && current.version === version && current.signature === signature && hostInPlace) {
      return { removed: false };
    }
    const orgId = optionOrgId(option, ui.store.orgs.value);
    const org = orgId ? ui.store.orgById(orgId) : undefined;
    if (current && current.version === version && current.orgId === org?.orgId && hostInPlace) {
      // The same org in new words (a re-render): the badges stand.
      current.signature = signature;
      return { removed: false };
    }
    const previous = current?.host && hostInPlace ? current.host : undefined;
    current?.unmount();
    if (current?.host && !previous) current.host.remove();
    if (!org) {
      // Unknown until the worker's state arrives, or not in this user's list: no badges at all,
      // never those of the org this option showed before.
      previous?.remove();
      removeStrayHosts(option, undefined);
      decorations.set(option, { host: undefined, orgId: undefined, signature, version, unmount: () => {} });
      return { removed: Boolean(previous) };
    }
    const host = createBadgeHost();
    decorations.set(option, { host, orgId: org.orgId, signature, version, unmount: renderBadges(host, org, locale) });
    return { insertion: { option, host, replaces: previous }, removed: false };
  }

  function pruneDetached(): void {
    for (const [option, decoration] of decorations) {
      if (!option.isConnected) undecorate(option, decoration);
    }
  }

  function decorateListbox(listbox: HTMLElement, fromObserver: boolean): void {
    const inserted: Insertion[] = [];
    let redrawn = false;
    for (const option of listboxOptions(listbox)) {
      const { insertion, removed } = decorate(option);
      if (insertion) inserted.push(insertion);
      redrawn ||= removed || Boolean(insertion?.replaces);
    }
    for (const { option, host, replaces } of inserted) {
      if (replaces) replaces.replaceWith(host);
      else option.append(host);
      removeStrayHosts(option, host);
    }
    // Our own insertions are not news to the observer.
    if (fromObserver) observer.takeRecords();
    if (listbox !== lastListbox && inserted.length > 0) {
      lastListbox = listbox;
      markPerf(PERF_MARKS.badgesShown);
    } else if (listbox === lastListbox && (redrawn || inserted.length > 0)) {
      markPerf(PERF_MARKS.badgesUpdated);
    }
  }

  function observe(listbox: HTMLElement | undefined): void {
    if (listbox === observed) return;
    observer.disconnect();
    observed = listbox;
    if (!listbox) return;
    observer.observe(listbox, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
      attributeFilter: [...OPTION_IDENTITY_ATTRIBUTES],
    });
  }

  return {
    apply(listbox) {
      pruneDetached();
      observe(listbox);
      if (!listbox) {
        lastListbox = undefined;
        return;
      }
      decorateListbox(listbox, false);
      observer.takeRecords();
    },
    markStale() {
      version += 1;
    },
    dispose() {
      observe(undefined);
      for (const [option, decoration] of decorations) undecorate(option, decoration);
      lastListbox = undefined;
    },
  };
}
