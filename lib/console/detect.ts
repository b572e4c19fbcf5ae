import { accessibleName, normalizeText, roleOf, selectorForRole } from './accessible-name';
import { type ConsoleProfile, consoleProfile, PROFILE_LOCALES, type ProfileLocale } from './profile';

/**
 * Recognises Settings > Creative Cloud by structure and accessible names: a listbox picker named
 * "Select new Creative Cloud org ID" (in any profile language) with a "Switch orgs" button in the
 * same section. Pure over the given document; no state.
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
  const selector = `[aria-haspopup="${profile.pickerPopup}"]`;
  return [...doc.querySelectorAll<HTMLElement>(selector)].filter((element) => roleOf(element) === profile.roles.picker);
}

/** Walks up from the picker to the first ancestor that also holds a matching switch button. */
function switchButtonNear(picker: HTMLElement, locales: readonly ProfileLocale[], profile: ConsoleProfile) {
  const selector = selectorForRole(profile.roles.switchButton);
  for (let container = picker.parentElement; container; container = container.parentElement) {
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

/** The picker's listbox while it is open (the console renders it only then). */
export function openListbox(
  view: CreativeCloudView,
  profile: ConsoleProfile = consoleProfile,
): HTMLElement | undefined {
  const doc = view.picker.ownerDocument;
  const controlled = view.picker.getAttribute('aria-controls');
  const byId = controlled ? doc.getElementById(controlled) : null;
  if (byId && roleOf(byId) === profile.roles.listbox) return byId;
  const nearby = view.controls.querySelector<HTMLElement>(selectorForRole(profile.roles.listbox));
  return nearby ?? undefined;
}

export function listboxOptions(listbox: HTMLElement, profile: ConsoleProfile = consoleProfile): HTMLElement[] {
  return [...listbox.querySelectorAll<HTMLElement>(selectorForRole(profile.roles.option))];
}

/** The org id of a native option (from its text, as the console shows name and id). */
export function orgIdOfOption(option: Element, profile: ConsoleProfile = consoleProfile): string | undefined {
  return orgIdFromOptionText(option.textContent, profile);
}
