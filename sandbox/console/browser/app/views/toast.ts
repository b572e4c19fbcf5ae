import { el, uniqueId } from '../../dom';

/**
 * A React Spectrum toast as its `ToastContainer` renders one: a `role="region"` portalled to the
 * end of `<body>`, named by its count ("1 notification."), holding a `role="alertdialog"` with the
 * message in an inner `role="alert"` and a close button. React Aria words the region from its own
 * string catalog, so it stays English here whatever the console's language.
 */
export function showErrorToast(text: string): void {
  const region =
    document.body.querySelector<HTMLElement>(':scope > [data-sandbox-toasts]') ??
    document.body.appendChild(el('div', { role: 'region', 'data-sandbox-toasts': '', class: 'toast-region' }));
  const messageId = uniqueId('toast-message');
  const toast = el(
    'div',
    { role: 'alertdialog', 'aria-labelledby': messageId, class: 'toast negative' },
    el('div', { role: 'alert', id: messageId }, text),
    el('button', { type: 'button', 'aria-label': 'Close' }, '×'),
  );
  toast.querySelector('button')?.addEventListener('click', () => {
    toast.remove();
    label();
  });
  const label = () => {
    const count = region.querySelectorAll('[role="alertdialog"]').length;
    if (count === 0) region.remove();
    else region.setAttribute('aria-label', `${count} notification${count === 1 ? '' : 's'}.`);
  };
  region.append(toast);
  label();
}
