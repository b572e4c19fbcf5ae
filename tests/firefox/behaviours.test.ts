import { afterAll, describe, it } from 'vitest';
import { BEHAVIOUR_GROUPS } from '../behaviours';
import { runsIn } from '../behaviours/behaviour';
import { firefoxDriver } from '../drivers/firefox';
import { launchAhead } from '../support/launch-ahead';
import { launchFirefoxHarness } from './harness';

// The shared behaviours (tests/behaviours/), each in a fresh firefox-esr profile with its own
// sandbox, as Chromium's fixtures give every test a fresh profile. The next one starts while
// a behaviour runs (tests/support/launch-ahead.ts).
const harnesses = launchAhead(launchFirefoxHarness, (harness) => harness.close());
afterAll(() => harnesses.close());

for (const group of BEHAVIOUR_GROUPS) {
  describe(group.title, () => {
    for (const behaviour of group.behaviours.filter((candidate) => runsIn(candidate, 'firefox'))) {
      it(behaviour.name, { timeout: behaviour.slow ? 180_000 : 60_000 }, async () => {
        const harness = await harnesses.take();
        try {
          await behaviour.run(firefoxDriver(harness));
        } finally {
          await harness.close();
        }
      });
    }
  });
}
