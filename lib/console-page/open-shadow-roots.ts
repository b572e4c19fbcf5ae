import { BADGE_HOST_ATTRIBUTE, UI_SLOT_ATTRIBUTE } from './markers';

/**
 * The console may build its controls from web components whose parts live in open shadow roots
 * (Spectrum Web Components does). Detection searches the document and every open shadow root
 * below it; closed roots are invisible to a content script by design, and our own UI's and
 * badges' roots are left out so the extension never recognises itself.
 */
export type SearchRoot = Document | ShadowRoot;

export function searchRoots(doc: Document): SearchRoot[] {
  const roots: SearchRoot[] = [doc];
  for (const root of roots) {
    for (const element of root.querySelectorAll('*')) {
      const shadow = element.shadowRoot;
      if (shadow && !element.hasAttribute(BADGE_HOST_ATTRIBUTE) && !element.closest(`[${UI_SLOT_ATTRIBUTE}]`)) {
        roots.push(shadow);
      }
    }
  }
  return roots;
}

export function queryAllDeep<E extends Element = HTMLElement>(doc: Document, selector: string): E[] {
  return searchRoots(doc).flatMap((root) => [...root.querySelectorAll<E>(selector)]);
}

/** The root whose ids an element's IDREFs (`aria-labelledby`, `aria-controls`) refer to. */
export const idScopeOf = (element: Element): SearchRoot => element.getRootNode() as SearchRoot;

/** The parent element, stepping out of a shadow root to its host. */
export const composedParent = (element: Element): Element | null =>
  element.parentElement ?? (element.parentNode as ShadowRoot | null)?.host ?? null;
