import { idScopeOf } from './open-shadow-roots';

/**
 * Just enough of the accessible-name and role rules to recognise the console's controls the way
 * assistive technology names them: `aria-labelledby`, then `aria-label`, then the text.
 */
export function normalizeText(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

export function accessibleName(element: Element): string {
  const labelledBy = element.getAttribute('aria-labelledby');
  if (labelledBy) {
    // IDREFs resolve in the element's own tree: a web component's label sits in its shadow root.
    const scope = idScopeOf(element);
    const parts = labelledBy
      .split(/\s+/)
      .map((id) => scope.getElementById(id)?.textContent)
      .filter((text): text is string => typeof text === 'string');
    if (parts.length > 0) return normalizeText(parts.join(' '));
  }
  const ariaLabel = normalizeText(element.getAttribute('aria-label'));
  if (ariaLabel) return ariaLabel;
  return normalizeText(element.textContent);
}

const IMPLICIT_ROLES: Record<string, string> = { BUTTON: 'button', OPTION: 'option' };

export function roleOf(element: Element): string | undefined {
  const explicit = element.getAttribute('role')?.trim().split(/\s+/)[0];
  if (explicit) return explicit;
  if (element.tagName === 'INPUT') {
    const type = (element as HTMLInputElement).type;
    return type === 'button' || type === 'submit' ? 'button' : undefined;
  }
  return IMPLICIT_ROLES[element.tagName];
}

/** Elements that may carry `role` by tag or attribute; a selector keeps the scan cheap. */
export function selectorForRole(role: string): string {
  if (role === 'button') return 'button, input[type="button"], input[type="submit"], [role="button"]';
  if (role === 'option') return 'option, [role="option"]';
  return `[role="${role}"]`;
}
