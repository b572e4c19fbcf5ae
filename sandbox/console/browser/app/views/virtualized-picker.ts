import { el, uniqueId } from '../../dom';
import type { Translate } from '../../locales';
import type { OrgChoice, OrgPicker } from './org-picker';

/**
 * React Spectrum's Picker as its virtualizer really builds it (sandbox/README.md#the-virtualized-picker):
 *
 * - only the visible rows plus an overscan exist; while scrolling, a row element that leaves the
 *   view is REUSED for another org: it gets a new `data-key`, `id`, `aria-posinset` and text, and
 *   children it did not render itself stay where they are;
 * - the listbox is portalled to the end of `<body>` and exists only while open; the trigger has
 *   `aria-controls` only while open; the rest of the page is `inert` and `aria-hidden` meanwhile;
 * - a visually hidden `<select aria-hidden tabindex=-1>` mirrors every option (value = key) when
 *   there are 300 or fewer, and its `change` selects;
 * - typeahead on the focused, closed trigger selects by prefix (buffer reset after 1 s);
 * - class names are hashed on every load.
 *
 * With `recreate`, the trigger is replaced by a new element on every state change (opening,
 * closing, choosing), as a page re-rendering its controls would.
 */

const ROW_HEIGHT = 32;
const VIEWPORT_ROWS = 10;
/** React Aria's virtualizer renders a third of a screen beyond each edge. */
const OVERSCAN_ROWS = Math.ceil(VIEWPORT_ROWS / 3);
/** `HiddenSelect` mirrors the collection only up to this size. */
const HIDDEN_SELECT_MAX = 300;
const TYPEAHEAD_RESET_MS = 1000;

const HASH = Math.random().toString(36).slice(2, 8);
const hashed = (name: string) => `${name}_${HASH}`;
let styleAdded = false;
function addStyle(): void {
  if (styleAdded) return;
  styleAdded = true;
  const c = hashed;
  document.head.append(
    el(
      'style',
      {},
      `.${c('label')}{display:block;font-size:12px;color:var(--muted);margin-bottom:4px}` +
        `.${c('trigger')}{min-width:320px;height:32px;padding:0 10px;font:inherit;text-align:left;background:#fff;border:1px solid #b3b3b3;border-radius:4px;cursor:pointer}` +
        `.${c('popover')}{position:absolute;z-index:10;background:#fff;border:1px solid #cacaca;border-radius:4px;box-shadow:0 2px 8px rgb(0 0 0 / 15%)}` +
        `.${c('listbox')}{height:${ROW_HEIGHT * VIEWPORT_ROWS}px;overflow:auto;outline:none}` +
        `.${c('row')}{position:absolute;left:0;right:0;box-sizing:border-box;min-height:${ROW_HEIGHT}px;padding:6px 12px;cursor:pointer;outline:none;overflow:hidden}` +
        `.${c('row')}:focus{background:#e8f1fc}.${c('row')}[aria-selected="true"]{font-weight:700}` +
        `.${c('hidden')}{position:absolute;width:1px;height:1px;margin:-1px;padding:0;border:0;overflow:hidden;clip:rect(0 0 0 0);clip-path:inset(50%);white-space:nowrap}`,
    ),
  );
}

let listboxCounter = 0;

export function virtualizedPicker(
  t: Translate,
  choices: readonly OrgChoice[],
  onChange: (choice: OrgChoice) => void,
  options: { recreate: boolean },
): OrgPicker {
  addStyle();
  const labelId = uniqueId('react-aria-label');
  const valueId = uniqueId('react-aria-value');
  const value = el('span', { id: valueId }, t('pickerPlaceholder'));
  const indexByKey = new Map(choices.map((choice, index) => [choice.id, index]));
  let selectedKey: string | undefined;
  let open: OpenList | undefined;
  let typed = '';
  let typedAt = 0;

  function createTrigger(): HTMLButtonElement {
    const button = el('button', {
      type: 'button',
      id: uniqueId('react-aria-trigger'),
      class: hashed('trigger'),
      'aria-haspopup': 'listbox',
      'aria-expanded': String(Boolean(open)),
      'aria-labelledby': `${labelId} ${valueId}`,
      'aria-controls': open?.listbox.id,
    });
    button.append(value);
    button.addEventListener('click', () => (open ? close(true) : show()));
    button.addEventListener('keydown', onTriggerKey);
    return button;
  }

  let trigger = createTrigger();

  /** With `recreate`, a state change puts a new trigger where the old one was. */
  function stateChanged(): void {
    if (!options.recreate) {
      trigger.setAttribute('aria-expanded', String(Boolean(open)));
      if (open) trigger.setAttribute('aria-controls', open.listbox.id);
      else trigger.removeAttribute('aria-controls');
      return;
    }
    const hadFocus = document.activeElement === trigger;
    const next = createTrigger();
    trigger.replaceWith(next);
    trigger = next;
    if (hadFocus) next.focus();
  }

  const hiddenSelect = choices.length <= HIDDEN_SELECT_MAX ? createHiddenSelect() : undefined;

  function createHiddenSelect(): HTMLSelectElement {
    const select = el(
      'select',
      { tabindex: '-1', size: String(choices.length) },
      ...choices.map((choice) => el('option', { value: choice.id }, choice.name)),
    );
    select.value = '';
    select.addEventListener('change', () => choose(select.value));
    return select;
  }

  const element = el(
    'div',
    {},
    el('span', { id: labelId, class: hashed('label') }, t('pickerLabel')),
    hiddenSelect &&
      el('div', { class: hashed('hidden'), 'aria-hidden': 'true' }, el('label', {}, t('pickerLabel'), hiddenSelect)),
    trigger,
  );

  function choose(key: string): void {
    const index = indexByKey.get(key);
    const choice = index === undefined ? undefined : choices[index];
    if (!choice) return;
    selectedKey = key;
    value.textContent = choice.name;
    if (hiddenSelect) hiddenSelect.value = key;
    const wasOpen = Boolean(open);
    if (open) close(false);
    else stateChanged();
    if (wasOpen) trigger.focus();
    onChange(choice);
  }

  function onTriggerKey(event: KeyboardEvent): void {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      show();
      return;
    }
    if (open || event.key.length !== 1 || event.ctrlKey || event.metaKey || event.altKey) return;
    // Typeahead on the closed trigger selects the first org whose name starts with what was typed.
    const now = Date.now();
    typed = now - typedAt > TYPEAHEAD_RESET_MS ? event.key : typed + event.key;
    typedAt = now;
    const needle = typed.toLocaleLowerCase();
    const match = choices.find((choice) => choice.name.toLocaleLowerCase().startsWith(needle));
    if (match) {
      event.preventDefault();
      choose(match.id);
    }
  }

  function show(): void {
    if (open) return;
    open = openList();
    stateChanged();
  }

  function close(returnFocus: boolean): void {
    if (!open) return;
    open.dispose();
    open = undefined;
    stateChanged();
    if (returnFocus) trigger.focus();
  }

  interface OpenList {
    listbox: HTMLElement;
    dispose(): void;
  }

  function openList(): OpenList {
    listboxCounter += 1;
    const listboxId = `react-aria${listboxCounter}-:r${listboxCounter.toString(36)}:`;
    const sizer = el('div', {
      role: 'presentation',
      style: `position:relative;height:${choices.length * ROW_HEIGHT}px`,
    });
    const listbox = el(
      'div',
      { id: listboxId, role: 'listbox', class: hashed('listbox'), tabindex: '-1', 'aria-labelledby': labelId },
      sizer,
    );
    const rect = trigger.getBoundingClientRect();
    const popover = el(
      'div',
      {
        class: hashed('popover'),
        role: 'presentation',
        style: `top:${rect.bottom + window.scrollY + 4}px;left:${rect.left + window.scrollX}px;min-width:${rect.width}px`,
      },
      listbox,
    );
    const rowsByKey = new Map<string, HTMLElement>();
    let focusedKey = selectedKey ?? choices[0]?.id;

    const rowKey = (row: Element) => (row as HTMLElement).dataset.key ?? '';

    function createRow(): HTMLElement {
      const label = el('span', {});
      return el('div', { role: 'option', class: hashed('row'), tabindex: '-1' }, label);
    }

    /** Gives a (new or reused) row the org at `index`; only its own label child is touched. */
    function fill(row: HTMLElement, index: number): void {
      const choice = choices[index] as OrgChoice;
      const id = `${listboxId}-option-${choice.id.replace(/\s+/g, '')}`;
      row.dataset.key = choice.id;
      row.id = id;
      row.setAttribute('aria-posinset', String(index + 1));
      row.setAttribute('aria-setsize', String(choices.length));
      row.setAttribute('aria-selected', String(choice.id === selectedKey));
      row.setAttribute('aria-labelledby', `${id}-label`);
      row.style.top = `${index * ROW_HEIGHT}px`;
      const label = row.firstElementChild as HTMLElement;
      label.id = `${id}-label`;
      label.textContent = choice.name;
    }

    /** Renders the visible range; rows whose org left it are reused for the orgs that entered. */
    function render(): void {
      const first = Math.max(0, Math.floor(listbox.scrollTop / ROW_HEIGHT) - OVERSCAN_ROWS);
      const last = Math.min(choices.length, Math.ceil(listbox.scrollTop / ROW_HEIGHT) + VIEWPORT_ROWS + OVERSCAN_ROWS);
      const wanted = new Set(choices.slice(first, last).map((choice) => choice.id));
      const free: HTMLElement[] = [];
      for (const [key, row] of rowsByKey) {
        // The focused row stays, out of view, as React Aria keeps the focused item rendered.
        if (wanted.has(key) || row === document.activeElement) continue;
        rowsByKey.delete(key);
        free.push(row);
      }
      for (let index = first; index < last; index += 1) {
        const key = (choices[index] as OrgChoice).id;
        if (rowsByKey.has(key)) continue;
        const row = free.pop() ?? sizer.appendChild(createRow());
        fill(row, index);
        rowsByKey.set(key, row);
      }
      for (const row of free) row.remove();
    }

    function focusKey(key: string | undefined): void {
      const index = key === undefined ? undefined : indexByKey.get(key);
      if (index === undefined) return;
      focusedKey = key;
      const top = index * ROW_HEIGHT;
      if (top < listbox.scrollTop) listbox.scrollTop = top;
      else if (top + ROW_HEIGHT > listbox.scrollTop + listbox.clientHeight)
        listbox.scrollTop = top + ROW_HEIGHT - listbox.clientHeight;
      render();
      rowsByKey.get(key as string)?.focus({ preventScroll: true });
    }

    let listTyped = '';
    let listTypedAt = 0;
    /** Typeahead in the open list moves focus to the first org whose name starts with what was typed. */
    function typeAhead(key: string): boolean {
      const now = Date.now();
      listTyped = now - listTypedAt > TYPEAHEAD_RESET_MS ? key : listTyped + key;
      listTypedAt = now;
      const needle = listTyped.toLocaleLowerCase();
      const match = choices.find((choice) => choice.name.toLocaleLowerCase().startsWith(needle));
      if (match) focusKey(match.id);
      return true;
    }

    function onKey(event: KeyboardEvent): void {
      const typing = Date.now() - listTypedAt <= TYPEAHEAD_RESET_MS;
      const printable = event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey;
      const index = focusedKey === undefined ? 0 : (indexByKey.get(focusedKey) ?? 0);
      const moves: Record<string, number> = {
        ArrowDown: index + 1,
        ArrowUp: index - 1,
        PageDown: index + VIEWPORT_ROWS,
        PageUp: index - VIEWPORT_ROWS,
        Home: 0,
        End: choices.length - 1,
      };
      const target = moves[event.key];
      if (target !== undefined) focusKey(choices[Math.max(0, Math.min(choices.length - 1, target))]?.id);
      else if (printable && (event.key !== ' ' || typing)) typeAhead(event.key);
      else if ((event.key === 'Enter' || event.key === ' ') && focusedKey) choose(focusedKey);
      else if (event.key === 'Escape') close(true);
      else return;
      event.preventDefault();
    }

    listbox.addEventListener('scroll', render);
    listbox.addEventListener('keydown', onKey);
    // The key is read from the row at the moment it is pressed: a reused row is another org now.
    listbox.addEventListener('click', (event) => {
      const row = (event.target as Element).closest('[role="option"]');
      if (row && listbox.contains(row)) choose(rowKey(row));
    });
    listbox.addEventListener('mousedown', (event) => event.preventDefault());

    // The rest of the page is hidden from pointer, focus and assistive technology while open.
    const hidden = [...document.body.children].filter((child) => !child.hasAttribute('inert'));
    for (const child of hidden) {
      child.setAttribute('inert', '');
      child.setAttribute('aria-hidden', 'true');
    }
    document.body.append(popover);
    const selectedIndex = selectedKey === undefined ? 0 : (indexByKey.get(selectedKey) ?? 0);
    listbox.scrollTop = Math.max(0, selectedIndex * ROW_HEIGHT - ROW_HEIGHT * 2);
    render();
    if (choices.length === 0) listbox.focus();
    else focusKey(focusedKey);

    const onOutside = (event: PointerEvent) => {
      if (!popover.contains(event.target as Node)) close(false);
    };
    document.addEventListener('pointerdown', onOutside, true);
    return {
      listbox,
      dispose() {
        document.removeEventListener('pointerdown', onOutside, true);
        popover.remove();
        for (const child of hidden) {
          child.removeAttribute('inert');
          child.removeAttribute('aria-hidden');
        }
      },
    };
  }

  return {
    element,
    dispose: () => close(false),
  };
}
