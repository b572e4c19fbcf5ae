import { ASSETS_PATHS } from '../../lib/assets/schemas';
import en from '../../locales/en.json' with { type: 'json' };
import type { LoggedRequest } from '../../sandbox/request-log';
import { SCENARIOS, type ScenarioName, userOf } from '../../sandbox/scenarios';
import { matrixCaseStarted } from '../support/matrix';
import { expect, test } from './fixtures';
import { appFrameOf, consoleUi } from './support/console-ui';
import { FAULT_CASES, type FaultWorld } from './support/fault-cases';
import {
  consoleShowsState,
  expectShown,
  pickEligible,
  sandboxState,
  watchConsoleAndWorker,
} from './support/fault-world';
import { signIn } from './support/sign-in';

// The fault matrix (tests/HARNESS.md "Reliability and security matrix"): every row of FAULT_CASES is one
// admin switching from the console UI while something fails. Each asserts what the admin sees,
// that no context threw, the server's applied changes, and that a reload shows the server's truth.

test.describe('fault matrix', () => {
  for (const row of FAULT_CASES) {
    test(row.name, async ({ page, context, extensionId, sandbox, killServiceWorker }) => {
      test.slow(row.slow === true);
      const matrixCase = matrixCaseStarted('fault', row.name);
      const errors = await watchConsoleAndWorker(context, sandbox, extensionId);
      const scenarioName: ScenarioName = row.scenario ?? 'default';
      if (scenarioName !== 'default') await sandbox.control('POST', 'scenario', { name: scenarioName });
      const scenario = SCENARIOS[scenarioName];
      const admin = userOf(scenario, scenario.consoleUserId);
      if (!admin) throw new Error(`${scenarioName} names no console user`);
      await signIn(context, extensionId, admin);
      const initial = await sandboxState(sandbox);

      let target: { id: string; name: string } | undefined;
      const faultIds: string[] = [];
      const world: FaultWorld = {
        sandbox,
        context,
        page,
        extensionId,
        app: () => appFrameOf(page, sandbox),
        async addFaults(...faults) {
          for (const fault of faults)
            faultIds.push((await sandbox.control<{ id: string }>('POST', 'faults', fault)).id);
        },
        async faultsUsedUp() {
          await expect.poll(() => sandbox.control<unknown[]>('GET', 'faults'), { timeout: 15_000 }).toEqual([]);
        },
        killServiceWorker,
        async prepareSwitch(onPage = page) {
          const app =
            onPage === page ? await world.app() : await consoleShowsState(onPage, sandbox, scenario.aemOrg.tenant);
          target = await pickEligible(app);
          return app.getByRole('dialog', { name: en.confirmTitle }).getByRole('button', { name: en.confirmSwitch });
        },
        async confirmSwitch(options = {}) {
          const confirm = await world.prepareSwitch();
          await (options.doubleClick ? confirm.dblclick() : confirm.click());
        },
        async expectShown(onPage, shown) {
          if (!target) throw new Error('No org was picked yet');
          await expectShown(await appFrameOf(onPage, sandbox), shown, target, sandbox);
        },
      };

      await row.beforeOpen?.(world);
      const app = await consoleShowsState(page, sandbox, scenario.aemOrg.tenant);
      await row.arm?.(world);
      await (row.act ?? (() => world.confirmSwitch()))(world);
      await row.during?.(world);
      if (!target) throw new Error('The row never picked an org to switch to');
      await expectShown(row.during ? await world.app() : app, row.shows, target, sandbox);

      // The server saw every injected fault, and one switch used one Idempotency-Key on all its PUTs.
      // A held request is logged once the server is done with it, even if its client is gone.
      const requestLog = () => sandbox.control<LoggedRequest[]>('GET', 'requests');
      const unseenFaults = async () => {
        const entries = await requestLog();
        return faultIds.filter((id) => !entries.some((entry) => entry.faultId === id));
      };
      await expect.poll(unseenFaults, { timeout: 10_000 }).toEqual([]);
      const log = await requestLog();
      const putKeys = new Set(
        log.filter((entry) => entry.method === 'PUT').map((entry) => entry.headers['idempotency-key']),
      );
      expect(putKeys.size).toBeLessThanOrEqual(1);
      await sandbox.control('DELETE', 'faults');
      await context.setOffline(false);
      if (row.retryAfterwards) {
        await world.confirmSwitch();
        await expectShown(await world.app(), { verified: true }, target, sandbox);
      }
      const expectedApplied = row.retryAfterwards ? 1 : row.applied;
      const state = await sandboxState(sandbox);
      expect(state.appliedChanges).toBe(expectedApplied);
      if (expectedApplied === 1) expect(state.connectedOrg?.id).toBe(target.id);
      else if (state.externalChanges === 0) expect(state.connectedOrg).toEqual(initial.connectedOrg);

      // A reload shows the server's truth (a killed worker reconciles on its next message).
      const reloaded = await consoleShowsState(
        page,
        sandbox,
        scenario.aemOrg.tenant,
        row.signsInAgain ? admin : undefined,
      );
      await expect(consoleUi(reloaded).getByTestId('connected-org')).toContainText(
        state.connectedOrg?.name ?? en.noConnectedOrg,
      );
      expect((await sandboxState(sandbox)).appliedChanges).toBe(expectedApplied);
      expect(errors.list()).toEqual([]);
      await errors.stop();
      matrixCase.passed({ intendedSwitches: 1, appliedSwitches: state.appliedChanges });
    });
  }
});

// Headless Chromium under Playwright does not start an unpacked extension again after
// `runtime.reload()`, so this case checks what is left behind: no dead UI, no errors, one change.
test('fault matrix: extension reloaded while the console tab is open, mid-switch', async ({
  page,
  context,
  extensionId,
  sandbox,
  serviceWorker,
}) => {
  const matrixCase = matrixCaseStarted('fault', 'extension reloaded while the console tab is open, mid-switch');
  const errors = await watchConsoleAndWorker(context, sandbox, extensionId);
  const scenario = SCENARIOS.default;
  const admin = userOf(scenario, scenario.consoleUserId);
  if (!admin) throw new Error('The default scenario names no console user');
  await signIn(context, extensionId, admin);
  const app = await consoleShowsState(page, sandbox, scenario.aemOrg.tenant);
  await sandbox.control('POST', 'faults', { method: 'PUT', path: ASSETS_PATHS.ccConnection, delayMs: 1_000 });
  const target = await pickEligible(app);
  await app.getByRole('dialog', { name: en.confirmTitle }).getByRole('button', { name: en.confirmSwitch }).click();
  await expect.poll(() => sandbox.control<unknown[]>('GET', 'faults')).toEqual([]);

  // The worker goes away with the extension, so this evaluate may never answer.
  void serviceWorker
    .evaluate(() => (globalThis as unknown as { chrome: { runtime: { reload(): void } } }).chrome.runtime.reload())
    .catch(() => {});
  // The orphaned content script takes its UI away instead of leaving controls that cannot work.
  await expect(consoleUi(app)).toHaveCount(0, { timeout: 10_000 });

  // The PUT the server already held lands once; the console's own card shows the server's truth.
  await expect.poll(async () => (await sandboxState(sandbox)).appliedChanges).toBe(1);
  const state = await sandboxState(sandbox);
  expect(state.connectedOrg?.id).toBe(target.id);
  await page.reload();
  const reloaded = await appFrameOf(page, sandbox);
  await expect(reloaded.getByTestId('current-cc-org')).toContainText(target.id);
  await expect(consoleUi(reloaded)).toHaveCount(0);
  expect((await sandboxState(sandbox)).appliedChanges).toBe(1);
  expect(errors.list()).toEqual([]);
  await errors.stop();
  matrixCase.passed({ intendedSwitches: 1, appliedSwitches: state.appliedChanges });
});
