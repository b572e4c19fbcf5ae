import { accessibleName, normalizeText, roleOf, selectorForRole } from './accessible-name';
import { composedParent, idScopeOf, queryAllDeep } from './open-shadow-roots';
import { type ConsoleProfile, consoleProfile, PROFILE_LOCALES, type ProfileLocale } from './profile';

/**
 * Recognises Settings > Creative Cloud by structure and accessible names: a listbox picker named
 * "Select new Creative Cloud org ID" (in any profile language) with a "Switch orgs" button in the
 * same section, in the page or in open shadow roots. Pure over the given document; no state.
 */
export interface CreativeCloudView {
  picker: HTMLElement;
  switchButton: HTMLElement;
  /** The nearest element holding both controls: the UI is anchored next to it. */
  controls: Element;
  /** The language whose labels matched (the document's own when several share the labels). */
  locale: ProfileLocale;
}

type LabelKind = 'picker' | 'switchButton';

const fold = (text: string) => normalizeText(text).toLocaleLowerCase();

/**
 * The profile languages whose label names this control. A picker's name is its label followed by
 * its current value ("Select new Creative Cloud org ID Acme"), so the picker matches by prefix.
 */
export function localesMatching(name: string, kind: LabelKind, profile: ConsoleProfile = consoleProfile) {
  const folded = fold(name);
  return PROFILE_LOCALES.filter((locale) => {
    const expected = fold(profile.labels[locale][kind]);
    return kind === 'picker' ? folded === expected || folded.startsWith(`${expected} `) : folded === expected;
  });
}

/** Of the matching languages, the document's own (`sv` uses English labels), else the first. */
export function preferredLocale(
  matches: readonly ProfileLocale[],
  documentLang: string | null | undefined,
): ProfileLocale | undefined {
  const language = documentLang?.trim().toLowerCase().split(/[-_]/)[0];
  return matches.find((locale) => locale === language) ?? matches[0];
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
function switchButtonNear(picker: HTMLElement, locales: readonly ProfileLocale[], profile: ConsoleProfile) {
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
  for (const picker of pickerCandidates(doc, profile)) {
    const pickerLocales = localesMatching(accessibleName(picker), 'picker', profile);
    if (pickerLocales.length === 0) continue;
    const found = switchButtonNear(picker, pickerLocales, profile);
    if (!found) continue;
    const locale = preferredLocale(found.locales, doc.documentElement.lang);
    if (locale) return { picker, switchButton: found.switchButton, controls: found.controls, locale };
  }
  return undefined;
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
