import type { ReadonlySignal } from '@preact/signals';
import type { OrgEntitlement } from '../entitlement/schemas';
import { accessibleName, selectorForRole } from './accessible-name';
import { type CreativeCloudView, openListbox, optionOrgId } from './detect';
import { idScopeOf } from './open-shadow-roots';
import { pickedValueText, resolvePickedOrg } from './picked-org';
import { consoleProfile } from './profile';

/**
 * The native guard: the console's own "Switch orgs" button switches to whatever org is picked,
 * eligible or not. A capture-phase listener on the document runs before the console's listener
 * on the button; for an ineligible org, one not in the user's list, or one with an entitlement
 * or prerequisite the extension cannot see, it stops the click, shows why and,
 * when the admin proceeds, clicks the button again and lets that one click through.
 *
 * Read-only mode hides the extension's own switch controls; it does not disable the console's
 * button (that is Adobe's page, not ours to lock). The guard warns with the same dialog there too
 * (the org's reasons then include READ_ONLY) and the admin decides.
 */
/**
 * What the guard needs of the mounted UI (components/console/mount.tsx hands it over): the
 * user's orgs, and the dialog that asks before an ineligible switch. The shape is declared here:
 * the store sits above the console switch, which presses past this guard.
 */
export interface GuardingUi {
  store: { orgs: ReadonlySignal<readonly OrgEntitlement[]> };
  /** Asks before the native switch goes to an org that cannot work: true = proceed, false = cancel. */
  confirmIneligibleNativeSwitch(org: OrgEntitlement | undefined, orgLabel: string): Promise<boolean>;
}

export interface NativeGuardOptions {
  ui: GuardingUi;
  /** The view as detected now (the console re-renders and replaces its nodes). */
  currentView(): CreativeCloudView | undefined;
  /** Aborted when the view is left or the content script is invalidated. */
  signal: AbortSignal;
}

// Set only while our own confirmed click is being dispatched (`click()` is synchronous).
let letNextClickThrough = false;

/**
 * Presses the native "Switch orgs" past the guard: for a switch the admin already confirmed in
 * our own dialog (the guard's Proceed, or a switch through the console page).
 */
export function clickPastGuard(button: HTMLElement): void {
  letNextClickThrough = true;
  try {
    button.click();
  } finally {
    letNextClickThrough = false;
  }
}

export function guardNativeSwitch({ ui, currentView, signal }: NativeGuardOptions): void {
  let chosenOrgId: string | undefined;
  let dialogOpen = false;

  const optionSelector = selectorForRole(consoleProfile.roles.option);

  /**
   * Remembers the option the admin chose in the open listbox. Events are read along their
   * composed path: the picker may sit in a web component's shadow root, its options slotted in.
   */
  function rememberOption(option: Element | null | undefined, path: EventTarget[], view: CreativeCloudView): void {
    const listbox = openListbox(view);
    if (option && listbox && path.includes(listbox)) chosenOrgId = optionOrgId(option, ui.store.orgs.value);
  }

  const optionOnPath = (path: EventTarget[]) =>
    path.find((node): node is Element => node instanceof Element && node.matches(optionSelector));

  function pickedOrg(view: CreativeCloudView) {
    const valueText = pickedValueText(accessibleName(view.picker), view.pickerLabel);
    return { ...resolvePickedOrg(chosenOrgId, valueText, ui.store.orgs.value), valueText };
  }

  /** A `<button disabled>` gets no clicks; a custom element saying `aria-disabled` still does. */
  const isDisabled = (button: HTMLElement) =>
    (button as HTMLButtonElement).disabled === true || button.getAttribute('aria-disabled') === 'true';

  async function confirmAndRepeat(org: OrgEntitlement | undefined, label: string): Promise<void> {
    dialogOpen = true;
    const proceed = await ui.confirmIneligibleNativeSwitch(org, label).finally(() => {
      dialogOpen = false;
    });
    if (!proceed || signal.aborted) return;
    const button = currentView()?.switchButton;
    if (!button || isDisabled(button)) return;
    clickPastGuard(button);
  }

  function onClick(event: MouseEvent): void {
    const view = currentView();
    if (!view) return;
    const path = event.composedPath();
    if (!path.includes(view.switchButton)) {
      rememberOption(optionOnPath(path), path, view);
      return;
    }
    if (letNextClickThrough || isDisabled(view.switchButton)) return;
    const { org, orgId, valueText } = pickedOrg(view);
    // Through at once only when the org can work and nothing it depends on is unknown.
    if (org?.eligible && org.unknowns.length === 0) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    if (dialogOpen) return;
    const label = org ? `${org.orgName} (${org.orgId})` : [valueText, orgId].filter(Boolean).join(' ');
    void confirmAndRepeat(org, label);
  }

  // Keyboard choice in the listbox: Enter/Space choose the active descendant, or the focused option.
  function onKeydown(event: KeyboardEvent): void {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    const view = currentView();
    const listbox = view && openListbox(view);
    const path = event.composedPath();
    if (!view || !listbox || !path.includes(listbox)) return;
    const activeId = listbox.getAttribute('aria-activedescendant');
    rememberOption(activeId ? idScopeOf(listbox).getElementById(activeId) : optionOnPath(path), path, view);
  }

  document.addEventListener('click', onClick, { capture: true, signal });
  document.addEventListener('keydown', onKeydown, { capture: true, signal });
}
