/** The attributes that may say which org a native option is (docs/ARCHITECTURE.md#the-consoles-picker-dom). */
const IDENTITY_ATTRIBUTES = ['id', 'data-key', 'value', 'data-value', 'data-org-id', 'aria-labelledby'] as const;

/**
 * What identifies the org a native option shows: its identifying attributes and its text. A
 * virtualized listbox reuses an option element for another org by changing exactly these, so a
 * different signature means the option may show another org now. Our badge hosts add no text
 * (their content is in a shadow root), so they do not change it.
 */
export function optionSignature(option: Element): string {
  const parts = IDENTITY_ATTRIBUTES.map((name) => option.getAttribute(name) ?? '');
  parts.push(option.textContent ?? '');
  return parts.join('\u0000');
}

/** The attribute names a listbox observer must watch to see an option reused. */
export const OPTION_IDENTITY_ATTRIBUTES: readonly string[] = IDENTITY_ATTRIBUTES;
