/**
 * Concurrent identical requests share one promise: a console load, the popup and a page event
 * that ask for the same thing while it is on its way get the one answer (a page load calls each
 * endpoint at most once per refresh). Nothing is kept once the promise settles, so the next refresh asks again.
 */
export interface SingleFlight<T> {
  (key: string, run: () => Promise<T>): Promise<T>;
  /** After sign-in, sign-out or a switch: a call on its way answers for the world before it, so later calls start anew. */
  forgetInFlight(): void;
}

export function singleFlight<T>(): SingleFlight<T> {
  const inFlight = new Map<string, Promise<T>>();
  const shared = (key: string, run: () => Promise<T>) => {
    const pending = inFlight.get(key);
    if (pending) return pending;
    const started = run().finally(() => {
      if (inFlight.get(key) === started) inFlight.delete(key);
    });
    inFlight.set(key, started);
    return started;
  };
  return Object.assign(shared, { forgetInFlight: () => inFlight.clear() });
}
