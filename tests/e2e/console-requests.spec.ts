import { PERF_MARKS } from '../../lib/console-page/perf-marks';
import { countPerEndpoint, type LoggedRequest, settledExtensionRequests } from '../../sandbox/request-log';
import { SCENARIOS, type ScenarioName, userOf } from '../../sandbox/scenarios';
import { expect, test } from './fixtures';
import { appFrameOf, consoleUi } from './support/console-ui';
import { signIn } from './support/sign-in';

// Issue 13: one console load asks each thing once. The page's cached-then-fresh load, the card
// it watches and the worker's own refreshes all share one request per endpoint.

const CASES: { scenario: ScenarioName; note: string }[] = [
  { scenario: 'default', note: 'the Assets API answers the extension' },
  { scenario: 'extension-refused', note: 'the Assets API refuses the extension, the page shows the connection' },
];

for (const { scenario, note } of CASES) {
  test(`a console load calls each extension endpoint exactly once (${note})`, async ({
    context,
    extensionId,
    page,
    sandbox,
  }) => {
    const world = SCENARIOS[scenario];
    const admin = userOf(world, world.consoleUserId);
    if (!admin) throw new Error(`The ${scenario} scenario has a console admin`);
    if (scenario !== 'default') await sandbox.control('POST', 'scenario', { name: scenario });
    await signIn(context, extensionId, admin);
    // The sign-in page's own refresh after sign-in is not the console's load: let it finish first.
    const requestLog = () => sandbox.control<LoggedRequest[]>('GET', 'requests');
    await settledExtensionRequests(requestLog);
    await sandbox.control('DELETE', 'requests');

    await page.goto(sandbox.creativeCloudUrl(world.aemOrg.tenant));
    const app = await appFrameOf(page, sandbox);
    await expect(consoleUi(app).getByTestId('connected-org')).toBeVisible();
    await app.waitForFunction((mark) => performance.getEntriesByName(mark, 'mark').length > 0, PERF_MARKS.statusShown);

    const counts = countPerEndpoint(await settledExtensionRequests(requestLog));
    // The state needs the profile, the orgs, the console user and the connection; each once.
    expect(Object.keys(counts)).toEqual(
      expect.arrayContaining(['GET /ims/organizations/v6', 'GET /adobe/assets/settings/creative-cloud']),
    );
    expect(Object.entries(counts).filter(([, count]) => count !== 1)).toEqual([]);
  });
}
