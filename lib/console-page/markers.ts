/**
 * Attributes that mark the few light-DOM nodes the content script adds to the console's page,
 * so re-renders, tests and the page side itself can tell them from the console's own nodes.
 */

/** The slot that holds our UI's shadow host, right after the native controls (one per document). */
export const UI_SLOT_ATTRIBUTE = 'data-cc-switcher-slot';

/** A small shadow-root host with one org's badges, inside a native picker option. */
export const BADGE_HOST_ATTRIBUTE = 'data-cc-switcher-badges';
