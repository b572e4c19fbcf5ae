import { afterAll, describe, it } from 'vitest';
import { BEHAVIOUR_GROUPS } from '../behaviours';
import { runsIn } from '../behaviours/behaviour';
import { firefoxDriver } from '../drivers/firefox';
import { type FirefoxBrowser, launchFirefox } from './harness';

// The shared behaviours (tests/behaviours/), each with the extension installed afresh in one
// firefox-esr and the sandbox reset, as Chromium's fixtures do. After a failure the next
// behaviour gets a new browser, so one failure cannot leave state behind for the others.
let firefox: Promise<FirefoxBrowser> | undefined;
afterAll(async () => (await firefox)?.close());

for (const group of BEHAVIOUR_GROUPS) {
  describe(group.title, () => {
    for (const behaviour of group.behaviours.filter((candidate) => runsIn(candidate, 'firefox'))) {
      it(behaviour.name, { timeout: behaviour.slow ? 180_000 : 60_000 }, async () => {
        firefox ??= launchFirefox();
        const browser = firefox;
        try {
          const harness = await (await browser).fresh();
          try {
            await behaviour.run(firefoxDriver(harness));
          } finally {
            await harness.close();
          }
        } catch (error) {
          firefox = undefined;
          await (await browser.catch(() => undefined))?.close();
          throw error;
        }
      });
    }
  });
}
