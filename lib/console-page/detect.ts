import { accessibleName, normalizeText, roleOf, selectorForRole } from './accessible-name';
import { composedParent, idScopeOf, queryAllDeep } from './open-shadow-roots';
import { type ConsoleProfile, consoleProfile } from './profile';

/**
 * Recognises Settings > Creative Cloud (docs/ARCHITECTURE.md#console-hosts-and-detection), in the
 * page or in open shadow roots. Pure over the given document; no state.
 * - By labels, the fast path: a listbox picker named "Select new Creative Cloud org ID" (in any
 *   profile language) with a "Switch orgs" button in the same section.
 * - By structure, for a console language the profile does not know: a listbox picker with a button
 *   in the same section, and an IMS org id shown in that section or in a section beside it (the
 *   current-org card). A page that merely has a picker shows no org id; one that shows an org id
 *   elsewhere is told apart later, when the picker's options are matched against the user's orgs
 *   (`optionsConfirmView`), before any badge or switch control appears.
 */
export type DetectionSignal = 'labels' | 'structure';

export interface CreativeCloudView {
  picker: HTMLElement;
  switchButton: HTMLElement;
  /** The nearest element holding both controls: the UI is anchored next to it. */
  controls: Element;
  /** The language whose labels matched (the document's own when several share the labels); none by structure. */
  locale: string | undefined;
  signal: DetectionSignal;
  /** The picker's label, which its accessible name carries before the picked value. */
  pickerLabel: string;
}

type LabelKind = 'picker' | 'switchButton';

const fold = (text: string) => normalizeText(text).toLocaleLowerCase();

/**
 * The profile languages whose label names this control. A picker's name is its label followed by
 * its current value ("Select new Creative Cloud org ID Acme"), so the picker matches by prefix.
 */
export function localesMatching(name: string, kind: LabelKind, profile: ConsoleProfile = consoleProfile) {
  const folded = fold(name);
  return Object.entries(profile.labels).flatMap(([locale, labels]) => {
    const expected = fold(labels[kind]);
    const matches = kind === 'picker' ? folded === expected || folded.startsWith(`${expected} `) : folded === expected;
    return matches ? [locale] : [];
  });
}

/** Of the matching languages, the document's own (`sv` uses English labels), else the first. */
export function preferredLocale(
  matches: readonly string[],
  documentLang: string | null | undefined,
): string | undefined {
  const tag = documentLang?.trim().toLowerCase().replace('_', '-');
  const language = tag?.split('-')[0];
  return (
    matches.find((locale) => locale.toLowerCase() === tag) ??
    matches.find((locale) => locale.toLowerCase() === language) ??
    matches[0]
  );
}

/** The org id an option's text carries: the last one, since the console shows the name first. */
export function orgIdFromOptionText(text: string | null | undefined, profile: ConsoleProfile = consoleProfile) {
  const matches = [...(text ?? '').matchAll(new RegExp(profile.orgIdInOptionText, 'g'))];
  return matches.at(-1)?.[0];
}

function pickerCandidates(doc: Document, profile: ConsoleProfile): HTMLElement[] {
  return queryAllDeep(doc, `[aria-haspopup="${profile.pickerPopup}"]`).filter(
    (element) => roleOf(element) === profile.roles.picker,
  );
}

/**
 * Walks up from the picker (out of a web component's shadow root into the page) to the first
 * ancestor that also holds a matching switch button.
 */
function switchButtonNear(picker: HTMLElement, locales: readonly string[], profile: ConsoleProfile) {
  const selector = selectorForRole(profile.roles.switchButton);
  for (let container = composedParent(picker); container; container = composedParent(container)) {
    for (const candidate of container.querySelectorAll<HTMLElement>(selector)) {
      if (candidate === picker || roleOf(candidate) !== profile.roles.switchButton) continue;
      const matches = localesMatching(accessibleName(candidate), 'switchButton', profile);
      const shared = matches.filter((locale) => locales.includes(locale));
      if (shared.length > 0) return { switchButton: candidate, controls: container, locales: shared };
    }
    if (container === picker.ownerDocument.body) break;
  }
  return undefined;
}

export function detectCreativeCloudView(
  doc: Document,
  profile: ConsoleProfile = consoleProfile,
): CreativeCloudView | undefined {
  return findView(doc, profile).view;
}

/** The view, and whether the page has a listbox picker at all (the detector asks for policy labels only then). */
export function findView(
  doc: Document,
  profile: ConsoleProfile = consoleProfile,
): { view?: CreativeCloudView; pickerSeen: boolean } {
  const pickers = pickerCandidates(doc, profile);
  for (const picker of pickers) {
    const pickerLocales = localesMatching(accessibleName(picker), 'picker', profile);
    if (pickerLocales.length === 0) continue;
    const found = switchButtonNear(picker, pickerLocales, profile);
    if (!found) continue;
    const locale = preferredLocale(found.locales, doc.documentElement.lang);
    if (!locale) continue;
    const pickerLabel = profile.labels[locale]?.picker ?? '';
    const { switchButton, controls } = found;
    return { view: { picker, switchButton, controls, locale, signal: 'labels', pickerLabel }, pickerSeen: true };
  }
  for (const picker of pickers) {
    const view = viewByStructure(picker, profile);
    if (view) return { view, pickerSeen: true };
  }
  return { pickerSeen: pickers.length > 0 };
}

const SECTION_SELECTOR = 'section, article, form, [role="region"], [role="group"], [role="form"]';

/** The section holding the controls (out of a web component's shadow root), else their parent. */
export function sectionOf(controls: Element): Element | undefined {
  for (let element: Element | null = controls; element; element = composedParent(element)) {
    if (element.matches(SECTION_SELECTOR)) return element;
    if (element === element.ownerDocument.body) break;
  }
  return composedParent(controls) ?? undefined;
}

/** The picker's label: what its `aria-labelledby` names outside the picker (its value is inside). */
function externalLabel(picker: HTMLElement): string {
  const scope = idScopeOf(picker);
  return normalizeText(
    idRefs(picker, 'aria-labelledby')
      .map((id) => scope.getElementById(id))
      .filter((element) => element && !picker.contains(element))
      .map((element) => element?.textContent)
      .join(' '),
  );
}

const showsOrgId = (element: Element, profile: ConsoleProfile) =>
  new RegExp(profile.orgIdInOptionText).test(element.textContent ?? '');

/**
 * The structural fallback: the first button after the picker in the nearest container holding
 * another button, and an org id in the controls' section or a section beside it.
 */
function viewByStructure(picker: HTMLElement, profile: ConsoleProfile): CreativeCloudView | undefined {
  const selector = selectorForRole(profile.roles.switchButton);
  for (let container = composedParent(picker); container; container = composedParent(container)) {
    const buttons = [...container.querySelectorAll<HTMLElement>(selector)].filter(
      (candidate) =>
        candidate !== picker &&
        !candidate.contains(picker) &&
        !picker.contains(candidate) &&
        roleOf(candidate) === profile.roles.switchButton,
    );
    const after = (button: HTMLElement) =>
      (picker.compareDocumentPosition(button) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
    const switchButton = buttons.find(after) ?? buttons[0];
    if (switchButton) {
      const section = sectionOf(container);
      const beside = section?.parentElement ? [...section.parentElement.children] : [];
      const shown = [section, ...beside].some((element) => element && showsOrgId(element, profile));
      if (!shown) return undefined;
      return {
        picker,
        switchButton,
        controls: container,
        locale: undefined,
        signal: 'structure',
        pickerLabel: externalLabel(picker),
      };
    }
    if (container === picker.ownerDocument.body) break;
  }
  return undefined;
}

/**
 * Whether the picker's options are the user's orgs (the worker's list is the oracle): at least one
 * option is shown and at least four in five map to one of the user's orgs by id or exact name. A
 * little slack, because the list IMS gave the worker may lag behind the console's.
 */
export function optionsConfirmView(options: readonly Element[], orgs: readonly OrgNameRef[]): boolean {
  const named = options.filter((option) => accessibleName(option) !== '');
  if (named.length === 0 || orgs.length === 0) return false;
  const known = new Set(orgs.map((org) => org.orgId));
  const matched = named.filter((option) => {
    const orgId = optionOrgId(option, orgs);
    return orgId !== undefined && known.has(orgId);
  }).length;
  return matched * 5 >= named.length * 4;
}

const idRefs = (element: Element, attribute: string) => element.getAttribute(attribute)?.split(/\s+/) ?? [];

/** Not hidden from the user (a closed popover some libraries keep in the DOM is). */
const isShown = (element: HTMLElement) =>
  !element.closest('[hidden], [aria-hidden="true"]') && (element.checkVisibility?.() ?? true);

/**
 * The picker's listbox while it is open (consoles render it only then), however it is linked:
 * by the picker's `aria-controls`; inside the controls; by an `aria-labelledby` naming the picker
 * or its label; or, while the picker says it is expanded, the one visible unlabelled listbox in the
 * page or the picker's shadow root (a popover portalled to the end of `<body>` with no link at all).
 */
export function openListbox(
  view: CreativeCloudView,
  profile: ConsoleProfile = consoleProfile,
): HTMLElement | undefined {
  const { picker } = view;
  const scope = idScopeOf(picker);
  const isListbox = (element: Element | null | undefined): element is HTMLElement =>
    !!element && roleOf(element) === profile.roles.listbox;
  const controlled = idRefs(picker, 'aria-controls')
    .map((id) => scope.getElementById(id))
    .find(isListbox);
  if (controlled) return controlled;
  const selector = selectorForRole(profile.roles.listbox);
  const nearby = view.controls.querySelector(selector);
  if (isListbox(nearby)) return nearby;
  const candidates = [
    ...new Set([...scope.querySelectorAll(selector), ...picker.ownerDocument.querySelectorAll(selector)]),
  ].filter(isListbox);
  const names = new Set([picker.id, ...idRefs(picker, 'aria-labelledby')].filter(Boolean));
  const labelled = candidates.find(
    (listbox) => idScopeOf(listbox) === scope && idRefs(listbox, 'aria-labelledby').some((id) => names.has(id)),
  );
  if (labelled) return labelled;
  if (picker.getAttribute('aria-expanded') !== 'true') return undefined;
  // A listbox labelled by some other element belongs to another control.
  const shown = candidates.filter((listbox) => isShown(listbox) && !listbox.hasAttribute('aria-labelledby'));
  return shown.length === 1 ? shown[0] : undefined;
}

/** The listbox's options, including a web component's light-DOM options slotted into it. */
export function listboxOptions(listbox: HTMLElement, profile: ConsoleProfile = consoleProfile): HTMLElement[] {
  const selector = selectorForRole(profile.roles.option);
  const options = [...listbox.querySelectorAll<HTMLElement>(selector)];
  for (const slot of listbox.querySelectorAll('slot')) {
    for (const element of slot.assignedElements({ flatten: true })) {
      if (element.matches(selector)) options.push(element as HTMLElement);
      options.push(...element.querySelectorAll<HTMLElement>(selector));
    }
  }
  return options;
}

/** What the content script knows of an org to map an option to it: the worker's org list. */
export interface OrgNameRef {
  orgId: string;
  orgName: string;
}

/** Normalised name → org id, or null when two orgs share the name; built once per org list. */
const nameIndexes = new WeakMap<readonly OrgNameRef[], Map<string, string | null>>();

function orgIdByName(name: string, orgs: readonly OrgNameRef[]): string | undefined {
  let index = nameIndexes.get(orgs);
  if (!index) {
    index = new Map();
    for (const { orgId, orgName } of orgs) {
      const key = normalizeText(orgName);
      index.set(key, index.has(key) ? null : orgId);
    }
    nameIndexes.set(orgs, index);
  }
  return index.get(normalizeText(name)) ?? undefined;
}

/**
 * The org id of a native option: from its text (name and id), else from an attribute that
 * carries one (`value`, `data-value`…), else its name matched exactly against the user's orgs.
 * An ambiguous name maps to nothing: no badge is better than a wrong one.
 */
export function optionOrgId(
  option: Element,
  orgs: readonly OrgNameRef[],
  profile: ConsoleProfile = consoleProfile,
): string | undefined {
  for (const text of [option.textContent, ...profile.orgIdAttributes.map((name) => option.getAttribute(name))]) {
    const orgId = orgIdFromOptionText(text, profile);
    if (orgId) return orgId;
  }
  return orgIdByName(accessibleName(option), orgs);
}
