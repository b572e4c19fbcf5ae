import { accessibleName, normalizeText } from './accessible-name';
import {
  type CreativeCloudView,
  detectCreativeCloudView,
  listboxOptions,
  type OrgNameRef,
  openListbox,
  optionOrgId,
} from './detect';
import { pickedValueText } from './picked-org';

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

/** Whether the picker, as it is now, shows `orgName` as its value. */
export function pickerShowsOrg(view: CreativeCloudView, orgName: string): boolean {
  return pickedValueText(accessibleName(view.picker), view.pickerLabel) === normalizeText(orgName);
}

/** A `<button disabled>` gets no clicks; a custom element saying `aria-disabled` ignores them. */
export const isPressable = (button: HTMLElement) =>
  (button as HTMLButtonElement).disabled !== true && button.getAttribute('aria-disabled') !== 'true';

/** How long one scroll step may take to render the rows it brings into view. */
const SCROLL_STEP_WAIT_MS = 1000;
/** A bound on scroll steps: 1,000 orgs in a ten-row listbox take about a hundred. */
const MAX_SCROLL_STEPS = 400;

/** What is on the page now: every step re-finds it, the console re-creates its controls at will. */
interface PickerNow {
  view: CreativeCloudView;
  listbox: HTMLElement | undefined;
}

function pickerNow(doc: Document): PickerNow | undefined {
  const view = detectCreativeCloudView(doc);
  return view && { view, listbox: openListbox(view) };
}

/** Observed for changes: the document, and the shadow root the picker sits in, if any. */
export function rootsOf(doc: Document): Node[] {
  const picker = detectCreativeCloudView(doc)?.picker;
  return [...new Set<Node>([doc, ...(picker ? [picker.getRootNode()] : [])])];
}

function isOpen(now: PickerNow): boolean {
  // A listbox kept in the page while closed (web components may) does not make the picker open.
  const expanded = now.view.picker.getAttribute('aria-expanded');
  return expanded === 'true' || (expanded === null && Boolean(now.listbox));
}

/** The rendered option for the org in the open listbox, if the listbox shows it now. */
function renderedOption(now: PickerNow | undefined, orgId: string, orgs: readonly OrgNameRef[]) {
  const options = now?.listbox ? listboxOptions(now.listbox) : [];
  return options.find((option) => optionOrgId(option, orgs) === orgId);
}

/** Which rows the listbox renders now: a virtualized listbox changes them as it scrolls. */
const renderedRows = (listbox: HTMLElement | undefined) =>
  listbox
    ? listboxOptions(listbox)
        .map((option) => `${option.id}|${option.getAttribute('data-key') ?? ''}|${option.textContent ?? ''}`)
        .join('\n')
    : '';

/** What scrolls the listbox: itself, or the popover around it (the nearest scrollable ancestor). */
function scrollContainerOf(listbox: HTMLElement): HTMLElement | undefined {
  const body = listbox.ownerDocument.body;
  for (let element: HTMLElement | null = listbox; element && element !== body; element = element.parentElement) {
    if (element.scrollHeight > element.clientHeight + 1) return element;
  }
  return undefined;
}

/** The console's own hidden `<select>` next to the picker (React Spectrum renders one up to 300 options). */
function hiddenSelectOption(now: PickerNow, orgId: string, orgs: readonly OrgNameRef[]) {
  for (const select of now.view.controls.querySelectorAll('select')) {
    const option = [...select.options].find((candidate) => optionOrgId(candidate, orgs) === orgId);
    if (option) return { select, option };
  }
  return undefined;
}

/**
 * Chooses `orgId` in the native picker (docs/ARCHITECTURE.md#the-consoles-picker-dom). `orgs` is
 * the worker's org list (names map name-only options to ids, and tell what the picker must show
 * afterwards). `view` is only where to start: the picker, its listbox, the option and the button
 * are found again after every wait, never held across one.
 *
 * In order: the option as rendered, clicked; else the listbox scrolled page by page until a
 * virtualized list renders the option; else the console's hidden `<select>`. False when none of
 * them offers the org (or only an ambiguous name), or the picker does not show it afterwards.
 */
export async function chooseNativeOption(
  view: CreativeCloudView,
  orgId: string,
  orgs: readonly OrgNameRef[],
): Promise<boolean> {
  const org = orgs.find((candidate) => candidate.orgId === orgId);
  if (!org) return false;
  const doc = view.picker.ownerDocument;
  const showsOrg = () => {
    const now = detectCreativeCloudView(doc);
    return now && pickerShowsOrg(now, org.orgName) ? true : undefined;
  };

  const opening = pickerNow(doc);
  if (!opening) return false;
  if (!isOpen(opening)) opening.view.picker.click();
  const listed = await whenFound(
    rootsOf(doc),
    () => {
      const now = pickerNow(doc);
      return now?.listbox && listboxOptions(now.listbox).length > 0 ? true : undefined;
    },
    NATIVE_PICKER_WAIT_MS,
  );

  if (listed && (await pressRenderedOption(doc, orgId, orgs))) {
    return (await whenFound(rootsOf(doc), showsOrg, NATIVE_PICKER_WAIT_MS)) ?? false;
  }

  const now = pickerNow(doc);
  const hidden = now && hiddenSelectOption(now, orgId, orgs);
  if (!hidden) return false;
  // The same change a browser's autofill makes; the console selects the option's key.
  hidden.select.value = hidden.option.value;
  hidden.select.dispatchEvent(new Event('change', { bubbles: true }));
  return (await whenFound(rootsOf(doc), showsOrg, NATIVE_PICKER_WAIT_MS)) ?? false;
}

/**
 * Clicks the org's option in the open listbox, scrolling it from the top a page at a time while
 * the option is not rendered. False when the listbox ends (or stops changing) without it.
 */
async function pressRenderedOption(doc: Document, orgId: string, orgs: readonly OrgNameRef[]): Promise<boolean> {
  for (let step = 0; step <= MAX_SCROLL_STEPS; step += 1) {
    const now = pickerNow(doc);
    const option = renderedOption(now, orgId, orgs);
    if (option) {
      option.click();
      return true;
    }
    const listbox = now?.listbox && scrollContainerOf(now.listbox);
    if (!listbox) return false;
    // From the top first (the list may open at the picked org, below the one wanted), then a page at a time.
    const target =
      step === 0
        ? 0
        : Math.min(
            listbox.scrollTop + Math.max(1, listbox.clientHeight - 1),
            listbox.scrollHeight - listbox.clientHeight,
          );
    if (step === 0 ? listbox.scrollTop === 0 : target <= listbox.scrollTop) {
      if (step === 0) continue;
      return false;
    }
    const before = renderedRows(now?.listbox);
    listbox.scrollTop = target;
    const changed = await whenFound(
      rootsOf(doc),
      () =>
        renderedRows(pickerNow(doc)?.listbox) !== before || renderedOption(pickerNow(doc), orgId, orgs)
          ? true
          : undefined,
      SCROLL_STEP_WAIT_MS,
    );
    // A list that renders every row: scrolling brings nothing new.
    if (!changed && step > 0) return false;
  }
  return false;
}
