/**
 * Launches the next test's browser while the current test runs, for the runner that gives each
 * test a fresh browser (Firefox's shared behaviours; Chromium's fixtures reinstall the extension
 * in one browser instead). Firefox spends seconds starting; launched ahead, that time passes in
 * the background. A browser launched ahead shares nothing with the test before it (its own
 * profile and its own sandbox); whatever is the taking test's own, that test sets.
 */
export interface LaunchAhead<T> {
  /** A browser launched for this test: the one launched ahead, and the next one starts. */
  take(): Promise<T>;
  /** Closes the browser launched ahead and not taken (the runner is done). */
  close(): Promise<void>;
}

/** With `ahead: false`, each `take` launches then: for runs that must see every browser start inside its test. */
export function launchAhead<T>(
  launch: () => Promise<T>,
  dispose: (launched: T) => Promise<void>,
  { ahead = true }: { ahead?: boolean } = {},
): LaunchAhead<T> {
  let next: Promise<T> | undefined;
  return {
    take() {
      const taken = next ?? launch();
      if (!ahead) return taken;
      next = launch();
      // Handled here so a failed launch nobody takes is not an unhandled rejection; `take` still sees it.
      next.catch(() => undefined);
      return taken;
    },
    async close() {
      const pending = next;
      next = undefined;
      if (!pending) return;
      const launched = await pending.then(
        (value) => ({ value }),
        () => undefined,
      );
      if (launched) await dispose(launched.value);
    },
  };
}
