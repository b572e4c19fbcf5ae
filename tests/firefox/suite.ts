import { afterAll, beforeAll } from 'vitest';
import { type FirefoxHarness, launchFirefoxHarness } from './harness';

/**
 * One Firefox for the tests of the describe block that calls this: launched before them and
 * closed after them. Inside a test, `harness()` is the running one.
 */
export function firefoxForSuite(): () => FirefoxHarness {
  let harness: FirefoxHarness | undefined;
  beforeAll(async () => {
    harness = await launchFirefoxHarness();
  });
  afterAll(async () => {
    await harness?.close();
  });
  return () => {
    if (!harness) throw new Error('Firefox did not start for this suite');
    return harness;
  };
}
