import { afterAll, beforeAll, expect } from 'vitest';
import { SCENARIOS, type ScenarioName, userOf } from '../../sandbox/scenarios';
import { type FirefoxHarness, launchFirefoxHarness } from './harness';
import { signInThroughLoginPage } from './sign-in';

/**
 * One Firefox for the tests of the describe block that calls this: launched before them and
 * closed after them. Inside a test, `harness()` is the running one. `arrange` sets the sandbox
 * up once Firefox runs; `signedIn` then signs the console user of `scenario` (default: the
 * default scenario, which `arrange` must have loaded otherwise) in through the sandbox login
 * page, from the popup.
 */
export function firefoxForSuite(
  options: {
    arrange?: (harness: FirefoxHarness) => Promise<unknown>;
    signedIn?: boolean;
    scenario?: ScenarioName;
  } = {},
): () => FirefoxHarness {
  let harness: FirefoxHarness | undefined;
  beforeAll(async () => {
    harness = await launchFirefoxHarness();
    await options.arrange?.(harness);
    if (!options.signedIn) return;
    const scenario = SCENARIOS[options.scenario ?? 'default'];
    const admin = userOf(scenario, scenario.consoleUserId);
    if (!admin) throw new Error(`The ${scenario.name} scenario lacks its console user`);
    const popup = await harness.openExtensionPage('popup.html');
    expect(await signInThroughLoginPage(harness, popup, admin)).toMatchObject({ ok: true });
  });
  afterAll(async () => {
    await harness?.close();
  });
  return () => {
    if (!harness) throw new Error('Firefox did not start for this suite');
    return harness;
  };
}
