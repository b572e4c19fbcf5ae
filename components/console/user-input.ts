/**
 * Runs a handler only for the user's own input. Our UI lives in a shadow root on the console's
 * page: open in sandbox builds, so a script on that page can reach our controls and call
 * `click()` or `dispatchEvent()` (the browser marks those events untrusted); closed in
 * production, which keeps page scripts out, with this check as a second wall. Every control of
 * the UI takes its input through it.
 */
export function fromUser<E extends Event>(handler: (event: E) => void): (event: E) => void {
  return (event) => {
    if (event.isTrusted) handler(event);
  };
}
