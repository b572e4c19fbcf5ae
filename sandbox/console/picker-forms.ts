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
 */
export const PICKER_FORMS = ['classic', 'labelledby', 'portalled', 'web-component'] as const;
export type PickerForm = (typeof PICKER_FORMS)[number];
export const DEFAULT_PICKER_FORM: PickerForm = 'classic';

export const isPickerForm = (value: unknown): value is PickerForm => PICKER_FORMS.includes(value as PickerForm);
