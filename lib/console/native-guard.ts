import type { ConsoleUi } from '@/components/console/mount';
import type { OrgEntitlement } from '../entitlement/schemas';
import { accessibleName, normalizeText, selectorForRole } from './accessible-name';
import { type CreativeCloudView, openListbox, orgIdOfOption } from './detect';
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
export interface NativeGuardOptions {
  ui: ConsoleUi;
  /** The view as detected now (the console re-renders and replaces its nodes). */
  currentView(): CreativeCloudView | undefined;
  /** Aborted when the view is left or the content script is invalidated. */
  signal: AbortSignal;
}

/** The picker's shown value: its accessible name without the label ("… org ID Acme" → "Acme"). */
export function pickedValueText(pickerName: string, pickerLabel: string): string {
  const name = normalizeText(pickerName);
  const label = normalizeText(pickerLabel);
  return name.toLocaleLowerCase().startsWith(label.toLocaleLowerCase()) ? name.slice(label.length).trim() : name;
}

/** The org the admin picked: the option they chose, if its name is still the picker's value; else a unique name match. */
export function resolvePickedOrg(
  chosenOrgId: string | undefined,
  valueText: string,
  orgs: readonly OrgEntitlement[],
): { orgId?: string; org?: OrgEntitlement } {
  const chosen = chosenOrgId ? orgs.find((org) => org.orgId === chosenOrgId) : undefined;
  if (chosen && normalizeText(chosen.orgName) === valueText) return { orgId: chosen.orgId, org: chosen };
  if (chosenOrgId && !chosen) return { orgId: chosenOrgId };
  const byName = orgs.filter((org) => normalizeText(org.orgName) === valueText);
  return byName.length === 1 && byName[0] ? { orgId: byName[0].orgId, org: byName[0] } : {};
}

export function guardNativeSwitch({ ui, currentView, signal }: NativeGuardOptions): void {
  let chosenOrgId: string | undefined;
  let dialogOpen = false;
  let letNextClickThrough = false;

  const optionSelector = selectorForRole(consoleProfile.roles.option);

  function rememberOption(option: Element | null | undefined, view: CreativeCloudView): void {
    if (option && openListbox(view)?.contains(option)) chosenOrgId = orgIdOfOption(option);
  }

  function pickedOrg(view: CreativeCloudView) {
    const valueText = pickedValueText(accessibleName(view.picker), consoleProfile.labels[view.locale].picker);
    const state = ui.store.state.value;
    const orgs = state?.signedIn ? (state.console?.model.orgs ?? []) : [];
    return { ...resolvePickedOrg(chosenOrgId, valueText, orgs), valueText };
  }

  async function confirmAndRepeat(org: OrgEntitlement | undefined, label: string): Promise<void> {
    dialogOpen = true;
    const proceed = await ui.confirmIneligibleNativeSwitch(org, label).finally(() => {
      dialogOpen = false;
    });
    if (!proceed || signal.aborted) return;
    const button = currentView()?.switchButton;
    if (!button || (button as HTMLButtonElement).disabled) return;
    // `click()` dispatches synchronously, so the flag covers exactly this one click.
    letNextClickThrough = true;
    try {
      button.click();
    } finally {
      letNextClickThrough = false;
    }
  }

  function onClick(event: MouseEvent): void {
    const target = event.target instanceof Element ? event.target : null;
    const view = target ? currentView() : undefined;
    if (!target || !view) return;
    if (!view.switchButton.contains(target)) {
      rememberOption(target.closest(optionSelector), view);
      return;
    }
    if (letNextClickThrough) return;
    const { org, orgId, valueText } = pickedOrg(view);
    // Through at once only when the org can work and nothing it depends on is unknown.
    if (org?.eligible && org.unknowns.length === 0) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    if (dialogOpen) return;
    const label = org ? `${org.orgName} (${org.orgId})` : [valueText, orgId].filter(Boolean).join(' ');
    void confirmAndRepeat(org, label);
  }

  // Keyboard choice in the listbox: Enter/Space choose the active descendant.
  function onKeydown(event: KeyboardEvent): void {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    const view = currentView();
    const listbox = view && openListbox(view);
    if (!view || !listbox || !(event.target instanceof Node) || !listbox.contains(event.target)) return;
    const activeId = listbox.getAttribute('aria-activedescendant');
    rememberOption(activeId ? listbox.ownerDocument.getElementById(activeId) : null, view);
  }

  document.addEventListener('click', onClick, { capture: true, signal });
  document.addEventListener('keydown', onKeydown, { capture: true, signal });
}
