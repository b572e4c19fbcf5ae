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

const TYPE_AHEAD_RESET_MS = 600;

/**
 * The native "Select new Creative Cloud org ID" picker: a button that opens a listbox popover.
 * Like the real console, the options exist in the DOM only while the popover is open.
 */
export function orgPicker(
  t: Translate,
  choices: readonly OrgChoice[],
  onChange: (choice: OrgChoice) => void,
): OrgPicker {
  const labelId = uniqueId('org-picker-label');
  const valueId = uniqueId('org-picker-value');
  const listboxId = uniqueId('org-picker-listbox');
  const label = el('span', { id: labelId, class: 'field-label' }, t('pickerLabel'));
  const value = el('span', { id: valueId, class: 'picker-value placeholder' }, t('pickerPlaceholder'));
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

  let selected: OrgChoice | undefined;
  let listbox: HTMLUListElement | undefined;
  let activeIndex = 0;
  let typed = '';
  let typedAt = 0;

  const optionId = (index: number) => `${listboxId}-option-${index}`;

  function setActive(index: number): void {
    if (!listbox || choices.length === 0) return;
    activeIndex = Math.max(0, Math.min(choices.length - 1, index));
    for (const option of listbox.querySelectorAll('.active')) option.classList.remove('active');
    const option = listbox.querySelector<HTMLElement>(`#${optionId(activeIndex)}`);
    option?.classList.add('active');
    if (option) keepInView(listbox, option);
    listbox.setAttribute('aria-activedescendant', optionId(activeIndex));
  }

  /** Scrolls the listbox only; `scrollIntoView` would scroll the whole page too. */
  function keepInView(container: HTMLElement, option: HTMLElement): void {
    const top = option.offsetTop;
    const bottom = top + option.offsetHeight;
    if (top < container.scrollTop) container.scrollTop = top;
    else if (bottom > container.scrollTop + container.clientHeight)
      container.scrollTop = bottom - container.clientHeight;
  }

  function renderOption(choice: OrgChoice, index: number): HTMLLIElement {
    const option = el(
      'li',
      {
        id: optionId(index),
        role: 'option',
        class: 'picker-option',
        'aria-selected': String(choice.id === selected?.id),
      },
      el('span', { class: 'option-name' }, choice.name),
      el('span', { class: 'option-id' }, choice.id),
    );
    option.addEventListener('click', () => choose(index));
    return option;
  }

  function open(startAt: 'selected' | 'first' | 'last'): void {
    if (listbox) return;
    listbox = el('ul', {
      id: listboxId,
      role: 'listbox',
      class: 'picker-popover',
      tabindex: '-1',
      'aria-labelledby': labelId,
    });
    if (choices.length === 0) listbox.append(el('li', { class: 'picker-empty' }, t('pickerEmpty')));
    listbox.append(...choices.map(renderOption));
    // Keep focus on the listbox while clicking an option, or focusout would close it first.
    listbox.addEventListener('mousedown', (event) => event.preventDefault());
    listbox.addEventListener('keydown', onListboxKey);
    listbox.addEventListener('focusout', (event) => {
      if (!element.contains(event.relatedTarget as Node | null)) close(false);
    });
    element.append(listbox);
    button.setAttribute('aria-expanded', 'true');
    button.setAttribute('aria-controls', listboxId);
    document.addEventListener('pointerdown', onOutsidePointer, true);
    listbox.focus();
    const selectedIndex = choices.findIndex((choice) => choice.id === selected?.id);
    setActive(
      startAt === 'last' ? choices.length - 1 : startAt === 'selected' && selectedIndex >= 0 ? selectedIndex : 0,
    );
  }

  function close(returnFocus: boolean): void {
    if (!listbox) return;
    const closing = listbox;
    listbox = undefined;
    closing.remove();
    button.setAttribute('aria-expanded', 'false');
    button.removeAttribute('aria-controls');
    document.removeEventListener('pointerdown', onOutsidePointer, true);
    if (returnFocus) button.focus();
  }

  function choose(index: number): void {
    const choice = choices[index];
    if (!choice) return;
    selected = choice;
    value.textContent = choice.name;
    value.classList.remove('placeholder');
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
    if (!element.contains(event.target as Node)) close(false);
  }

  button.addEventListener('click', () => (listbox ? close(true) : open('selected')));
  button.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    open(event.key === 'ArrowUp' ? 'last' : 'selected');
  });

  return {
    element,
    dispose() {
      close(false);
    },
  };
}
