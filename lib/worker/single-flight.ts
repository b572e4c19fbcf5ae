/**
 * Concurrent identical requests share one promise: a console load, the popup and a page event
 * that ask for the same thing while it is on its way get the one answer (issue 13: each call
 * at most once per refresh). Nothing is kept once the promise settles, so the next refresh asks again.
 */
export function singleFlight<T>(): (key: string, run: () => Promise<T>) => Promise<T> {
  const inFlight = new Map<string, Promise<T>>();
  return (key, run) => {
    const pending = inFlight.get(key);
    if (pending) return pending;
    const started = run().finally(() => inFlight.delete(key));
    inFlight.set(key, started);
    return started;
  };
}
