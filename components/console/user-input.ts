/**
 * Runs a handler only for the user's own input. Our UI lives in an open shadow root on the
 * console's page, so a script on that page can reach its buttons and call `click()` or
 * `dispatchEvent()`; the browser marks those events untrusted. Anything that signs in,
 * switches, or lets the native switch proceed must come from a real click or key press.
 */
export function fromUser<E extends Event>(handler: (event: E) => void): (event: E) => void {
  return (event) => {
    if (event.isTrusted) handler(event);
  };
}
