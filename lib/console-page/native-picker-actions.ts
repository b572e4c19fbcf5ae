import { accessibleName, normalizeText } from './accessible-name';
import {
  type CreativeCloudView,
  detectCreativeCloudView,
  listboxOptions,
  type OrgNameRef,
  openListbox,
  optionOrgId,
} from './detect';
import { pickedValueText } from './native-guard';

/**
 * Selecting an org in the console's own picker, as the admin would: open it, wait for its
 * listbox, click the org's option, and check that the picker now shows that org. Works for every
 * form the console may take (plain, portalled, web component, name-only options).
 */

/** How long the console may take to render its listbox or show the new value. */
export const NATIVE_PICKER_WAIT_MS = 3000;

/**
 * Resolves with `find()`'s first defined answer, re-checked on every DOM change under `roots`
 * (a document observer does not see inside shadow roots, so those are observed too), or with
 * undefined after `timeoutMs`.
 */
export function whenFound<T>(
  roots: readonly Node[],
  find: () => T | undefined,
  timeoutMs: number,
): Promise<T | undefined> {
  const now = find();
  if (now !== undefined) return Promise.resolve(now);
  return new Promise((resolve) => {
    const finish = (value: T | undefined) => {
      observer.disconnect();
      clearTimeout(timer);
      resolve(value);
    };
    const observer = new MutationObserver(() => {
      const found = find();
      if (found !== undefined) finish(found);
    });
    const timer = setTimeout(() => finish(undefined), timeoutMs);
    for (const root of roots)
      observer.observe(root, { childList: true, subtree: true, attributes: true, characterData: true });
  });
}

/**
 * Chooses `orgId` in the native picker. `orgs` is the worker's org list (names map name-only
 * options to ids, and tell what the picker must show afterwards). False when the picker has no
 * option for the org (or only an ambiguous name), or does not show it after the click.
 */
export async function chooseNativeOption(
  view: CreativeCloudView,
  orgId: string,
  orgs: readonly OrgNameRef[],
): Promise<boolean> {
  const org = orgs.find((candidate) => candidate.orgId === orgId);
  if (!org) return false;
  const roots = [...new Set([view.picker.ownerDocument, view.picker.getRootNode()])];
  // A listbox kept in the page while closed (web components may) does not make the picker open.
  const expanded = view.picker.getAttribute('aria-expanded');
  if (expanded === 'false' || (expanded === null && !openListbox(view))) view.picker.click();
  const options = await whenFound(
    roots,
    () => {
      const listbox = openListbox(view);
      const shown = listbox && listboxOptions(listbox);
      return shown?.length ? shown : undefined;
    },
    NATIVE_PICKER_WAIT_MS,
  );
  const option = options?.find((candidate) => optionOrgId(candidate, orgs) === orgId);
  if (!option) return false;
  option.click();
  const label = view.pickerLabel;
  const expected = normalizeText(org.orgName);
  const showsOrg = () => {
    // The console may re-render the view on a choice; read the picker that is there now.
    const picker = view.picker.isConnected ? view.picker : detectCreativeCloudView(view.picker.ownerDocument)?.picker;
    return picker && pickedValueText(accessibleName(picker), label) === expected ? true : undefined;
  };
  return (await whenFound(roots, showsOrg, NATIVE_PICKER_WAIT_MS)) ?? false;
}
