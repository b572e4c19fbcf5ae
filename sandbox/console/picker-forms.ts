/**
 * The forms the console's native org picker can take (docs/ARCHITECTURE.md#console-hosts-and-detection): the real console's design
 * system is not documented, so the sandbox renders each plausible one and the e2e suite covers
 * them all. Chosen per sandbox with `POST /__sandbox/console { picker }` or per page with `?picker=`.
 *
 * - `classic`: a button and a listbox it links with `aria-controls`; options show name and id.
 * - `labelledby`: no `aria-controls`; the listbox, outside the controls, is labelled by the picker's
 *   label; options show the name, the id is in `data-value`.
 * - `portalled`: React Spectrum's shape: no link at all, the listbox in a popover at the end of
 *   `<body>`, options show only the name, class names change on every load.
 * - `web-component`: Spectrum Web Components' shape: button and label in the picker element's open
 *   shadow root, options its light-DOM children (id in `value`), "Switch orgs" a `role="button"` element.
 * - `virtualized`: React Spectrum's picker as its virtualizer builds it (sandbox/README.md#the-virtualized-picker):
 *   only the visible rows exist, row elements are reused for other orgs while scrolling, a hidden
 *   `<select>` mirrors up to 300 options, the rest of the page is inert while the list is open.
 */
export const PICKER_FORMS = ['classic', 'labelledby', 'portalled', 'web-component', 'virtualized'] as const;
export type PickerForm = (typeof PICKER_FORMS)[number];
export const DEFAULT_PICKER_FORM: PickerForm = 'classic';

export const isPickerForm = (value: unknown): value is PickerForm => PICKER_FORMS.includes(value as PickerForm);

/**
 * How the console reports a refused switch: `status` in its polite status line; `toast` in a
 * React Spectrum toast (a portalled `role="region"` "1 notification." holding `role="alertdialog"`
 * and an inner `role="alert"`), added after a short delay; `inline` in an inline `role="alert"`.
 */
export const CONSOLE_ERROR_FORMS = ['status', 'toast', 'inline'] as const;
export type ConsoleErrorForm = (typeof CONSOLE_ERROR_FORMS)[number];

/** How the console page behaves besides its picker's form (`POST /__sandbox/console`, `?recreate=&errors=`). */
export interface ConsoleBehaviour {
  /** Re-create the picker's trigger, its listbox and "Switch orgs" on every state change. */
  recreate: boolean;
  errors: ConsoleErrorForm;
}
export const DEFAULT_CONSOLE_BEHAVIOUR: ConsoleBehaviour = { recreate: false, errors: 'status' };
export const isConsoleErrorForm = (value: unknown): value is ConsoleErrorForm =>
  CONSOLE_ERROR_FORMS.includes(value as ConsoleErrorForm);
