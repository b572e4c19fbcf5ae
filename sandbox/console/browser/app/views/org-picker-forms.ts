import type { PickerForm } from '../../../picker-forms';
import { el, uniqueId } from '../../dom';
import type { Translate } from '../../locales';
import {
  classicPicker,
  labelledListbox,
  type OrgChoice,
  type OrgPicker,
  type PickerParts,
  pickerBehaviour,
} from './org-picker';
import { virtualizedPicker } from './virtualized-picker';

/**
 * The other forms of the native picker (`../../../picker-forms.ts`). Each renders its own markup
 * and shares the keyboard and mouse behaviour of `pickerBehaviour`.
 */

/** Places a popover at the end of `<body>`, under its trigger, as portalling libraries do. */
function portal(popover: HTMLElement, anchor: HTMLElement): void {
  const rect = anchor.getBoundingClientRect();
  Object.assign(popover.style, {
    position: 'absolute',
    top: `${rect.bottom + window.scrollY + 4}px`,
    left: `${rect.left + window.scrollX}px`,
    minWidth: `${rect.width}px`,
  });
  document.body.append(popover);
}

function trigger(labelId: string, placeholder: string, className?: string) {
  const valueId = uniqueId('picker-value');
  const value = el('span', { id: valueId, 'data-placeholder': '' }, placeholder);
  const button = el(
    'button',
    {
      type: 'button',
      id: uniqueId('picker-trigger'),
      class: className,
      'aria-haspopup': 'listbox',
      'aria-expanded': 'false',
      'aria-labelledby': `${labelId} ${valueId}`,
    },
    value,
  );
  return { button, value };
}

/** No `aria-controls`: the listbox, portalled out of the controls, names the picker's label. */
function labelledByPicker(t: Translate): PickerParts {
  const labelId = uniqueId('picker-label');
  const { button, value } = trigger(labelId, t('pickerPlaceholder'), 'picker-button');
  value.className = 'picker-value';
  button.append(el('span', { class: 'chevron', 'aria-hidden': 'true' }));
  const element = el(
    'div',
    { class: 'picker' },
    el('span', { id: labelId, class: 'field-label' }, t('pickerLabel')),
    button,
  );
  let open: HTMLElement | undefined;
  return {
    element,
    button,
    value,
    createListbox: () => labelledListbox(labelId),
    attach(listbox) {
      open = listbox;
      portal(listbox, button);
    },
    detach(listbox) {
      listbox.remove();
      open = undefined;
    },
    // The name only; the org id rides in an attribute.
    renderOption: (choice, id, selected) =>
      el(
        'li',
        { id, role: 'option', class: 'picker-option', 'data-value': choice.id, 'aria-selected': String(selected) },
        el('span', { class: 'option-name' }, choice.name),
      ),
    renderEmpty: () => el('li', { class: 'picker-empty' }, t('pickerEmpty')),
    owns: (node) => element.contains(node) || Boolean(open?.contains(node)),
    focusModel: 'activedescendant',
    linksListbox: false,
  };
}

/**
 * Class names as a CSS-modules build makes them: different on every load, so nothing may rely on
 * them. The matching rules go into one `<style>` element.
 */
const MODULE_SUFFIX = Math.random().toString(36).slice(2, 8);
const moduleClass = (name: string) => `${name}_${MODULE_SUFFIX}`;
let moduleStyleAdded = false;
function addModuleStyle(): void {
  if (moduleStyleAdded) return;
  moduleStyleAdded = true;
  const c = moduleClass;
  document.head.append(
    el(
      'style',
      {},
      `.${c('label')}{display:block;font-size:12px;color:var(--muted);margin-bottom:4px}` +
        `.${c('trigger')}{min-width:320px;height:32px;padding:0 10px;font:inherit;text-align:left;background:#fff;border:1px solid #b3b3b3;border-radius:4px;cursor:pointer}` +
        `.${c('popover')}{z-index:10;max-height:320px;overflow:auto;padding:4px 0;background:#fff;border:1px solid #cacaca;border-radius:4px;box-shadow:0 2px 8px rgb(0 0 0 / 15%)}` +
        `.${c('option')}{padding:6px 12px;cursor:pointer;outline:none}` +
        `.${c('option')}[data-active]{background:#e8f1fc}.${c('option')}[aria-selected="true"]{font-weight:700}`,
    ),
  );
}

/**
 * React Spectrum's shape: the trigger is named by label + value and links nothing; the listbox
 * lives in a popover portalled to the end of `<body>`; options show only the name; focus moves
 * onto the options.
 */
function portalledPicker(t: Translate): PickerParts {
  addModuleStyle();
  const labelId = uniqueId('react-aria-label');
  const { button, value } = trigger(labelId, t('pickerPlaceholder'), moduleClass('trigger'));
  const element = el('div', {}, el('span', { id: labelId, class: moduleClass('label') }, t('pickerLabel')), button);
  let popover: HTMLElement | undefined;
  return {
    element,
    button,
    value,
    createListbox() {
      const listbox = el('div', { role: 'listbox', tabindex: '-1', 'aria-label': t('pickerLabel') });
      return { listbox, optionParent: listbox };
    },
    attach(listbox) {
      popover = el('div', { class: moduleClass('popover'), role: 'presentation' }, listbox);
      portal(popover, button);
    },
    detach() {
      popover?.remove();
      popover = undefined;
    },
    renderOption(choice, id, selected) {
      const nameId = `${id}-name`;
      return el(
        'div',
        {
          id,
          role: 'option',
          class: moduleClass('option'),
          tabindex: '-1',
          'aria-selected': String(selected),
          'aria-labelledby': nameId,
        },
        el('span', { id: nameId }, choice.name),
      );
    },
    renderEmpty: () => el('div', { class: moduleClass('option') }, t('pickerEmpty')),
    owns: (node) => element.contains(node) || Boolean(popover?.contains(node)),
    focusModel: 'roving',
    linksListbox: false,
  };
}

const PICKER_TAG = 'sandbox-picker';
const MENU_ITEM_TAG = 'sandbox-menu-item';
const BUTTON_TAG = 'sandbox-button';

function defineElements(): void {
  for (const tag of [PICKER_TAG, MENU_ITEM_TAG, BUTTON_TAG]) {
    if (!customElements.get(tag)) customElements.define(tag, class extends HTMLElement {});
  }
}

const PICKER_SHADOW_STYLE =
  ':host{display:inline-block}' +
  '.label{display:block;font-size:12px;color:#6e6e6e;margin-bottom:4px}' +
  'button{min-width:320px;height:32px;padding:0 10px;font:inherit;text-align:left;background:#fff;border:1px solid #b3b3b3;border-radius:4px;cursor:pointer}' +
  '[role=listbox]{position:absolute;z-index:10;max-height:320px;overflow:auto;min-width:320px;padding:4px 0;background:#fff;border:1px solid #cacaca;border-radius:4px;box-shadow:0 2px 8px rgb(0 0 0 / 15%)}' +
  '::slotted([role=option]){display:block;padding:6px 12px;cursor:pointer;outline:none}' +
  '::slotted([data-active]){background:#e8f1fc}';

/**
 * Spectrum Web Components' shape: a picker element whose label and button live in its open
 * shadow root; the options are its light-DOM children (org id in `value`), always there but shown
 * only while the listbox in its shadow root slots them; focus moves onto the options.
 */
function webComponentPicker(t: Translate): PickerParts {
  defineElements();
  const host = document.createElement(PICKER_TAG);
  const shadow = host.attachShadow({ mode: 'open' });
  const { button, value } = trigger('label', t('pickerPlaceholder'));
  shadow.append(
    el('style', {}, PICKER_SHADOW_STYLE),
    el('span', { id: 'label', class: 'label' }, t('pickerLabel')),
    button,
  );
  return {
    element: host,
    button,
    value,
    createListbox() {
      const listbox = el('div', { role: 'listbox', tabindex: '-1', 'aria-labelledby': 'label' }, el('slot'));
      return { listbox, optionParent: host };
    },
    attach: (listbox) => shadow.append(listbox),
    detach: (listbox) => listbox.remove(),
    renderOption(choice, id, selected) {
      const option = document.createElement(MENU_ITEM_TAG);
      const attributes = { id, role: 'option', value: choice.id, tabindex: '-1', 'aria-selected': String(selected) };
      for (const [name, attribute] of Object.entries(attributes)) option.setAttribute(name, attribute);
      option.textContent = choice.name;
      return option;
    },
    renderEmpty: () => el('span', {}, t('pickerEmpty')),
    owns: (node) => host.contains(node) || shadow.contains(node),
    focusModel: 'roving',
    linksListbox: false,
    // Opening changes only the shadow root: the page's light DOM stays as it was.
    persistentOptionParent: host,
  };
}

const FORMS: Record<Exclude<PickerForm, 'virtualized'>, (t: Translate) => PickerParts> = {
  classic: classicPicker,
  labelledby: labelledByPicker,
  portalled: portalledPicker,
  'web-component': webComponentPicker,
};

export function orgPicker(
  form: PickerForm,
  t: Translate,
  choices: readonly OrgChoice[],
  onChange: (choice: OrgChoice) => void,
  options: { recreate: boolean } = { recreate: false },
): OrgPicker {
  if (form === 'virtualized') return virtualizedPicker(t, choices, onChange, options);
  return pickerBehaviour(FORMS[form](t), choices, onChange);
}

export interface SwitchControl {
  element: HTMLElement;
  setDisabled(disabled: boolean): void;
}

/**
 * "Switch orgs": a `<button>`, or in the web-component form a custom element with
 * `role="button"` that answers Enter and Space itself and ignores presses while `aria-disabled`.
 */
export function switchControl(form: PickerForm, t: Translate, onPress: () => void): SwitchControl {
  if (form !== 'web-component') {
    const button = el('button', { type: 'button', class: 'button primary', disabled: true }, t('switchButton'));
    button.addEventListener('click', onPress);
    return { element: button, setDisabled: (disabled) => (button.disabled = disabled) };
  }
  defineElements();
  const element = document.createElement(BUTTON_TAG);
  element.className = 'button primary';
  element.setAttribute('role', 'button');
  element.setAttribute('tabindex', '0');
  element.textContent = t('switchButton');
  const disabled = () => element.getAttribute('aria-disabled') === 'true';
  element.addEventListener('click', () => {
    if (!disabled()) onPress();
  });
  element.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    event.preventDefault();
    element.click();
  });
  const setDisabled = (value: boolean) => element.setAttribute('aria-disabled', String(value));
  setDisabled(true);
  return { element, setDisabled };
}
