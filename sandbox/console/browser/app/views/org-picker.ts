import { el, uniqueId } from '../../dom';
import type { Translate } from '../../locales';

export interface OrgChoice {
  id: string;
  name: string;
}

export interface OrgPicker {
  element: HTMLElement;
  dispose(): void;
}

/**
 * What one form of the picker (`../../../picker-forms.ts`) renders; the behaviour they share
 * (opening, keyboard, type-ahead, choosing, closing) is `pickerBehaviour`'s.
 */
export interface PickerParts {
  /** What goes into the switch row next to "Switch orgs". */
  element: HTMLElement;
  /** The trigger: a button with `aria-haspopup="listbox"`. */
  button: HTMLElement;
  /** Shows the picked org's name (the placeholder until then). */
  value: HTMLElement;
  /** A new, empty listbox for an opening (the caller adds the options). */
  createListbox(): { listbox: HTMLElement; optionParent: HTMLElement };
  /** Puts the listbox on the page, and takes it away. */
  attach(listbox: HTMLElement): void;
  detach(listbox: HTMLElement): void;
  renderOption(choice: OrgChoice, id: string, selected: boolean): HTMLElement;
  renderEmpty(): HTMLElement;
  /** Whether `node` is part of the picker (trigger or open listbox): a pointer elsewhere closes it. */
  owns(node: Node | null): boolean;
  /**
   * `activedescendant`: focus stays on the listbox, which points at the active option (APG);
   * `roving`: focus moves onto the options themselves (React Aria, Spectrum Web Components).
   */
  focusModel: 'activedescendant' | 'roving';
  /** Link the open listbox from the trigger with `aria-controls` (only the classic form does). */
  linksListbox: boolean;
  /**
   * Where options live for good, rendered once (a web component's light-DOM children, shown only
   * while its shadow listbox slots them); without it they are rendered on every opening.
   */
  persistentOptionParent?: HTMLElement;
}

const TYPE_AHEAD_RESET_MS = 600;
const ACTIVE_ATTRIBUTE = 'data-active';

/**
 * The behaviour every form shares. Like the real console, the options exist in the DOM only
 * while the popover is open.
 */
export function pickerBehaviour(
  parts: PickerParts,
  choices: readonly OrgChoice[],
  onChange: (choice: OrgChoice) => void,
): OrgPicker {
  const { button, value } = parts;
  const listboxId = uniqueId('org-picker-listbox');
  let selected: OrgChoice | undefined;
  let listbox: HTMLElement | undefined;
  let options: HTMLElement[] = [];
  let activeIndex = 0;
  let typed = '';
  let typedAt = 0;

  const optionId = (index: number) => `${listboxId}-option-${index}`;

  function renderOptions(parent: HTMLElement): void {
    options = choices.map((choice, index) => {
      const option = parts.renderOption(choice, optionId(index), choice.id === selected?.id);
      option.addEventListener('click', () => choose(index));
      return option;
    });
    parent.append(...(choices.length === 0 ? [parts.renderEmpty()] : options));
  }

  function setActive(index: number): void {
    if (!listbox || choices.length === 0) return;
    activeIndex = Math.max(0, Math.min(choices.length - 1, index));
    for (const option of options) option.removeAttribute(ACTIVE_ATTRIBUTE);
    const option = options[activeIndex];
    if (!option) return;
    option.setAttribute(ACTIVE_ATTRIBUTE, '');
    if (parts.focusModel === 'roving') {
      option.focus({ preventScroll: true });
    } else {
      listbox.setAttribute('aria-activedescendant', option.id);
    }
    keepInView(listbox, option);
  }

  /** Scrolls the listbox only; `scrollIntoView` would scroll the whole page too. */
  function keepInView(container: HTMLElement, option: HTMLElement): void {
    const top = option.offsetTop;
    const bottom = top + option.offsetHeight;
    if (top < container.scrollTop) container.scrollTop = top;
    else if (bottom > container.scrollTop + container.clientHeight)
      container.scrollTop = bottom - container.clientHeight;
  }

  function open(startAt: 'selected' | 'first' | 'last'): void {
    if (listbox) return;
    const created = parts.createListbox();
    listbox = created.listbox;
    listbox.id ||= listboxId;
    if (!parts.persistentOptionParent) renderOptions(created.optionParent);
    // Keep focus where it is while clicking an option, or focusout would close the listbox first.
    listbox.addEventListener('mousedown', (event) => event.preventDefault());
    listbox.addEventListener('keydown', onListboxKey);
    listbox.addEventListener('focusout', (event) => {
      if (!parts.owns(event.relatedTarget as Node | null)) close(false);
    });
    parts.attach(listbox);
    button.setAttribute('aria-expanded', 'true');
    if (parts.linksListbox) button.setAttribute('aria-controls', listbox.id);
    document.addEventListener('pointerdown', onOutsidePointer, true);
    if (parts.focusModel === 'activedescendant' || choices.length === 0) listbox.focus();
    const selectedIndex = choices.findIndex((choice) => choice.id === selected?.id);
    setActive(
      startAt === 'last' ? choices.length - 1 : startAt === 'selected' && selectedIndex >= 0 ? selectedIndex : 0,
    );
  }

  function close(returnFocus: boolean): void {
    if (!listbox) return;
    const closing = listbox;
    listbox = undefined;
    parts.detach(closing);
    if (!parts.persistentOptionParent) options = [];
    button.setAttribute('aria-expanded', 'false');
    button.removeAttribute('aria-controls');
    document.removeEventListener('pointerdown', onOutsidePointer, true);
    if (returnFocus) button.focus();
  }

  function choose(index: number): void {
    const choice = choices[index];
    if (!choice) return;
    selected = choice;
    for (const [optionIndex, option] of options.entries()) {
      option.setAttribute('aria-selected', String(optionIndex === index));
    }
    value.textContent = choice.name;
    value.removeAttribute('data-placeholder');
    close(true);
    onChange(choice);
  }

  function typeAhead(key: string): void {
    const now = Date.now();
    typed = now - typedAt > TYPE_AHEAD_RESET_MS ? key : typed + key;
    typedAt = now;
    const needle = typed.toLocaleLowerCase();
    const match = choices.findIndex((choice) => choice.name.toLocaleLowerCase().startsWith(needle));
    if (match >= 0) setActive(match);
  }

  /** Keys a listbox answers (APG); returns false for keys it leaves to the browser. */
  function handleListboxKey(event: KeyboardEvent): boolean {
    const moves: Record<string, number> = {
      ArrowDown: activeIndex + 1,
      ArrowUp: activeIndex - 1,
      PageDown: activeIndex + 10,
      PageUp: activeIndex - 10,
      Home: 0,
      End: choices.length - 1,
    };
    const target = moves[event.key];
    // While the user is typing a name, a space is part of it rather than "choose".
    const typing = Date.now() - typedAt <= TYPE_AHEAD_RESET_MS;
    if (target !== undefined) setActive(target);
    else if (event.key === ' ' && typing) typeAhead(event.key);
    else if (event.key === 'Enter' || event.key === ' ') choose(activeIndex);
    else if (event.key === 'Escape') close(true);
    else if (event.key === 'Tab') close(false);
    else if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) typeAhead(event.key);
    else return false;
    // Tab still moves focus on; every other handled key is ours alone.
    return event.key !== 'Tab';
  }

  function onListboxKey(event: KeyboardEvent): void {
    if (handleListboxKey(event)) event.preventDefault();
  }

  function onOutsidePointer(event: PointerEvent): void {
    if (!parts.owns(event.target as Node)) close(false);
  }

  if (parts.persistentOptionParent) renderOptions(parts.persistentOptionParent);
  button.addEventListener('click', () => (listbox ? close(true) : open('selected')));
  button.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    open(event.key === 'ArrowUp' ? 'last' : 'selected');
  });

  return {
    element: parts.element,
    dispose() {
      close(false);
    },
  };
}

/** The popover listbox the plain forms open, named by the picker's label. */
export function labelledListbox(labelId: string): { listbox: HTMLElement; optionParent: HTMLElement } {
  const listbox = el('ul', { role: 'listbox', class: 'picker-popover', tabindex: '-1', 'aria-labelledby': labelId });
  return { listbox, optionParent: listbox };
}

/**
 * The classic form: a button that opens a listbox popover inside the picker, linked with
 * `aria-controls`; options show the org's name and id.
 */
export function classicPicker(t: Translate): PickerParts {
  const labelId = uniqueId('org-picker-label');
  const valueId = uniqueId('org-picker-value');
  const label = el('span', { id: labelId, class: 'field-label' }, t('pickerLabel'));
  const value = el('span', { id: valueId, class: 'picker-value', 'data-placeholder': '' }, t('pickerPlaceholder'));
  const button = el(
    'button',
    {
      type: 'button',
      class: 'picker-button',
      'aria-haspopup': 'listbox',
      'aria-expanded': 'false',
      // Label, then the current value, as Spectrum pickers name their trigger (and WCAG 2.5.3 wants
      // the visible value in the name): "Select new Creative Cloud org ID Acme Design Studio".
      'aria-labelledby': `${labelId} ${valueId}`,
    },
    value,
    el('span', { class: 'chevron', 'aria-hidden': 'true' }),
  );
  const element = el('div', { class: 'picker' }, label, button);
  return {
    element,
    button,
    value,
    createListbox: () => labelledListbox(labelId),
    attach: (listbox) => element.append(listbox),
    detach: (listbox) => listbox.remove(),
    renderOption: (choice, id, selected) =>
      el(
        'li',
        { id, role: 'option', class: 'picker-option', 'aria-selected': String(selected) },
        el('span', { class: 'option-name' }, choice.name),
        el('span', { class: 'option-id' }, choice.id),
      ),
    renderEmpty: () => el('li', { class: 'picker-empty' }, t('pickerEmpty')),
    owns: (node) => element.contains(node),
    focusModel: 'activedescendant',
    linksListbox: true,
  };
}
