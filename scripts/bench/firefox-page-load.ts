import puppeteer, { type Browser } from 'puppeteer-core';
import type { ScenarioUser } from '../../sandbox/scenarios';
import { FIREFOX_PATH } from '../../tests/e2e/support/paths';
import { launchFirefoxHarness } from '../../tests/firefox/harness';
import { signInThroughLoginPage } from '../../tests/firefox/sign-in';
import { CONSOLE_ROUTES, type ConsoleRoute, floorOf, type InjectionFloor } from './page-load';
import { type Sampled, summarize } from './stats';

/**
 * The console's load event in firefox-esr with and without the extension, through the Firefox
 * test harness (puppeteer-core over WebDriver BiDi): the extension installed as a temporary
 * add-on and signed in, against a second Firefox with no add-on. Loads alternate as in Chromium.
 */
export interface FirefoxRouteLoads {
  withExtension: Sampled;
  withoutExtension: Sampled;
  loadRatio: number;
  /** The same loads with an empty content script in place of ours (scripts/bench/injection-floor.ts). */
  injectionFloor?: InjectionFloor;
}

async function loadEventStart(browser: Browser, url: string): Promise<number> {
  const page = await browser.newPage();
  try {
    await page.goto(url, { waitUntil: 'load' });
    return await page.evaluate(
      () => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventStart,
    );
  } finally {
    await page.close();
  }
}

export async function measureFirefoxPageLoads(
  tenant: string,
  user: ScenarioUser,
  pairs: number,
  /** The empty-content-script copy of the Firefox build, measured in the same rounds. */
  floorDir?: string,
): Promise<Record<ConsoleRoute, FirefoxRouteLoads>> {
  const harness = await launchFirefoxHarness();
  const baseline = await puppeteer.launch({ browser: 'firefox', executablePath: FIREFOX_PATH, headless: true });
  const floor = floorDir ? await launchFirefoxHarness({ extensionDir: floorDir }) : undefined;
  try {
    const popup = await harness.openExtensionPage('popup.html');
    const signedIn = await signInThroughLoginPage(harness, popup, user);
    if (!(signedIn as { ok?: boolean }).ok) throw new Error(`Firefox sign-in failed: ${JSON.stringify(signedIn)}`);
    const results = {} as Record<ConsoleRoute, FirefoxRouteLoads>;
    for (const route of Object.keys(CONSOLE_ROUTES) as ConsoleRoute[]) {
      const url = CONSOLE_ROUTES[route](harness.sandbox.shellUrl, tenant);
      const sides = { with: [] as number[], without: [] as number[], floor: [] as number[] };
      const order = [
        async () => sides.with.push(await loadEventStart(harness.browser, url)),
        async () => sides.without.push(await loadEventStart(baseline, url)),
        ...(floor ? [async () => sides.floor.push(await loadEventStart(floor.browser, url))] : []),
      ];
      // Rotates the order every round, as in Chromium (page-load.ts).
      const round = async (index: number) => {
        for (const load of [...order.slice(index % order.length), ...order.slice(0, index % order.length)]) {
          await load();
        }
      };
      // One unmeasured round: caches and the worker's cached state are warm.
      await round(0);
      for (const list of Object.values(sides)) list.length = 0;
      for (let pair = 0; pair < pairs; pair += 1) await round(pair);
      const withExtension = summarize(sides.with);
      const withoutExtension = summarize(sides.without);
      results[route] = {
        withExtension,
        withoutExtension,
        loadRatio: withExtension.median / withoutExtension.median,
        ...(floor && { injectionFloor: floorOf(summarize(sides.floor), withoutExtension) }),
      };
    }
    return results;
  } finally {
    await floor?.close();
    await baseline.close();
    await harness.close();
  }
}
