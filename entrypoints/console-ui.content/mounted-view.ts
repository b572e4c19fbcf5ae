import { mountConsoleUi } from '@/components/console/mount';
import { type CreativeCloudView, detectCreativeCloudView, openListbox } from '@/lib/console-page/detect';
import { readConsoleIdentity } from '@/lib/console-page/identity';
import { UI_SLOT_ATTRIBUTE } from '@/lib/console-page/markers';
import { guardNativeSwitch } from '@/lib/console-page/native-guard';
import { markPerf, PERF_MARKS } from '@/lib/console-page/perf-marks';
import type { ContentScriptLifetime } from '@/lib/console-page/quiet-context';
import { createViewConfirmation } from '@/lib/console-page/view-confirmation';
import { resolveLocale } from '@/lib/i18n';
import { createNativePickerBadges } from './native-picker';

/**
 * Everything that exists only while Settings > Creative Cloud is shown: the UI, the native
 * picker's badges, the native guard and their listeners. `remove` takes all of it away.
 */
export interface MountedView {
  /** The view is (still, or again) on the page: keep the UI next to its controls, refresh badges. */
  update(view: CreativeCloudView): void;
  remove(): void;
}

// Chrome does not tell an orphaned content script that its extension was reloaded; while our UI
// is shown, look once a second so a reloaded extension's UI goes away on its own.
const INVALIDATION_POLL_MS = 1000;

/**
 * The UI's shadow host lives in a slot we own, placed right after the native controls. The
 * console re-renders by replacing its nodes (the slot goes with them); moving the slot back
 * re-anchors the same UI, with its state, instead of mounting a second one.
 */
function createSlot(): { slot: HTMLElement; anchor: HTMLElement } {
  const slot = document.createElement('div');
  slot.setAttribute(UI_SLOT_ATTRIBUTE, '');
  const anchor = document.createElement('span');
  anchor.hidden = true;
  slot.append(anchor);
  return { slot, anchor };
}

function placeSlot(slot: HTMLElement, view: CreativeCloudView): void {
  const { controls } = view;
  if (controls === controls.ownerDocument.body) {
    if (slot.parentElement !== controls) controls.append(slot);
  } else if (controls.nextElementSibling !== slot) {
    controls.after(slot);
  }
}

export function mountView(ctx: ContentScriptLifetime, view: CreativeCloudView, onDataChanged: () => void): MountedView {
  const { slot, anchor } = createSlot();
  placeSlot(slot, view);
  const locale = resolveLocale(document.documentElement.lang, navigator.language);
  const ui = mountConsoleUi({ ctx, anchor, position: 'after', console: readConsoleIdentity(window), locale });
  markPerf(PERF_MARKS.viewDetected);

  const viewListeners = new AbortController();
  const badges = createNativePickerBadges(ui, locale);
  // A view found by structure shows nothing (no panel, badges or guard) until its options are the user's orgs.
  const confirmation = createViewConfirmation();
  let latest = view;
  function confirmed(current: CreativeCloudView): boolean {
    const yes = confirmation.check(current, ui.store.orgs.value);
    slot.hidden = !yes && ui.store.state.value?.signedIn !== false;
    return yes;
  }
  confirmed(view);
  const unsubscribe = ui.store.state.subscribe(() => {
    badges.markStale();
    confirmed(latest);
    onDataChanged();
  });
  guardNativeSwitch({
    ui,
    currentView: () => (confirmation.confirmed ? detectCreativeCloudView(document) : undefined),
    signal: viewListeners.signal,
  });
  // Reading `isInvalid` is what notices an orphaned script (and aborts the context).
  const poll = setInterval(() => ctx.isInvalid, INVALIDATION_POLL_MS);

  let removed = false;
  return {
    update(current) {
      if (removed) return;
      latest = current;
      placeSlot(slot, current);
      badges.apply(confirmed(current) ? openListbox(current) : undefined);
    },
    remove() {
      if (removed) return;
      removed = true;
      clearInterval(poll);
      viewListeners.abort();
      unsubscribe();
      badges.dispose();
      ui.remove();
      slot.remove();
    },
  };
}
