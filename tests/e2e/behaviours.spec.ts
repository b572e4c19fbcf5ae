import { BEHAVIOUR_GROUPS } from '../behaviours';
import { runsIn } from '../behaviours/behaviour';
import { chromiumDriver } from '../drivers/chromium';
import { test } from './fixtures';

// The shared behaviours (tests/behaviours/), each with the extension installed afresh and a reset sandbox.
for (const group of BEHAVIOUR_GROUPS) {
  test.describe(group.title, () => {
    for (const behaviour of group.behaviours.filter((candidate) => runsIn(candidate, 'chromium'))) {
      test(behaviour.name, async ({ context, extensionId, sandbox }) => {
        test.slow(behaviour.slow === true);
        await behaviour.run(chromiumDriver({ context, extensionId, sandbox }));
      });
    }
  });
}
