import type { Frame, Page } from '@playwright/test';
import { ERROR_MESSAGES } from '../../components/console/messages';
import en from '../../locales/en.json' with { type: 'json' };
import { SCENARIOS, type ScenarioName, type ScenarioUser, userOf } from '../../sandbox/scenarios';
import { matrixCaseStarted } from '../support/matrix';
import { expect, type SandboxFixture, test } from './fixtures';
import { appFrameOf, consoleUi, shownOrgs } from './support/console-ui';
import { FAULT_CASES, type FaultWorld, type Shown } from './support/fault-cases';
import { signIn } from './support/sign-in';
import { watchUnhandledErrors } from './support/unhandled-errors';
import { chooseAccount } from './support/worker-client';
import type { SandboxConnectionTruth } from './support/worker-truth';

// The fault matrix (README "Reliability and security matrix"): every row of FAULT_CASES is one
// admin switching from the console UI while something fails. Each asserts what the admin sees,
// that no context threw, the server's applied changes, and that a reload shows the server's truth.

interface SandboxState extends SandboxConnectionTruth {
  appliedChanges: number;
  /** Changes made by "another admin" (the concurrent-admin scenario). */
  externalChanges: number;
}

const sandboxState = (sandbox: SandboxFixture) => sandbox.control<SandboxState>('GET', 'state');
const fill = (text: string, values: Record<string, string>) =>
  text.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
const timeOf = (iso: string) => new Intl.DateTimeFormat('en', { timeStyle: 'short' }).format(new Date(iso));

/**
 * Opens (or reloads) the console and waits for our UI to show the worker's state. With
 * `signInAs`, the UI first offers "Sign in with Adobe" and the admin signs in from it.
 */
async function consoleShowsState(
  page: Page,
  sandbox: SandboxFixture,
  tenant: string,
  signInAs?: ScenarioUser,
): Promise<Frame> {
  await page.goto(sandbox.creativeCloudUrl(tenant));
  const app = await appFrameOf(page, sandbox);
  if (signInAs) {
    // IMS may still know the browser and answer without showing its login page.
    const pickAccount = (loginPage: Page) =>
      void loginPage
        .waitForURL(/\/ims\/authorize\/v2/)
        .then(() => chooseAccount(loginPage, signInAs))
        .catch(() => {});
    page.context().on('page', pickAccount);
    await consoleUi(app).getByRole('button', { name: en.signIn }).click();
    await expect(consoleUi(app).getByTestId('summary')).toBeVisible({ timeout: 20_000 });
    page.context().off('page', pickAccount);
  }
  // A thousand orgs behind a slow organizations call take a while on a cold start.
  await expect(consoleUi(app).getByTestId('summary')).toBeVisible({ timeout: 20_000 });
  return app;
}

/** The first org the switcher offers as eligible: the one the admin picks. */
async function pickEligible(app: Frame): Promise<{ id: string; name: string }> {
  const ui = consoleUi(app);
  await ui.getByRole('button', { name: en.openSwitcher }).click();
  await expect(ui.getByRole('option').first()).toBeVisible();
  const eligible = (await shownOrgs(app)).find((org) => !org.disabled);
  if (!eligible) throw new Error('The scenario offers no eligible org to switch to');
  await ui
    .getByRole('option')
    .filter({ has: app.getByText(eligible.name, { exact: true }) })
    .click();
  return { id: eligible.orgId, name: eligible.name };
}

async function expectShown(app: Frame, shown: Shown, target: { name: string }, sandbox: SandboxFixture) {
  const ui = consoleUi(app);
  if ('verified' in shown) {
    await expect(ui.getByTestId('progress')).toHaveText(fill(en.verified, { org: target.name }), { timeout: 30_000 });
    return;
  }
  if ('connectedUpdates' in shown) {
    await expect(ui.getByTestId('connected-org')).toContainText(target.name, { timeout: 15_000 });
    return;
  }
  const message = ui.getByTestId('error').locator(`[data-error-code="${shown.error}"]`);
  await expect(message).toBeVisible({ timeout: 30_000 });
  const state = await sandboxState(sandbox);
  const text = fill(en[ERROR_MESSAGES[shown.error]], {
    org: state.connectedOrg?.name ?? en.noConnectedOrg,
    time: timeOf(state.updatedAt),
  });
  await expect(message).toContainText(text);
}

test.describe('fault matrix', () => {
  for (const row of FAULT_CASES) {
    test(row.name, async ({ page, context, extensionId, sandbox, killServiceWorker }) => {
      test.slow(row.slow === true);
      const matrixCase = matrixCaseStarted('fault', row.name);
      const errors = await watchUnhandledErrors(context, (url) =>
        [sandbox.shellUrl, sandbox.appOrigin, `chrome-extension://${extensionId}/`].some((origin) =>
          url.startsWith(origin),
        ),
      );
      const scenarioName: ScenarioName = row.scenario ?? 'default';
      if (scenarioName !== 'default') await sandbox.control('POST', 'scenario', { name: scenarioName });
      const scenario = SCENARIOS[scenarioName];
      const admin = userOf(scenario, scenario.consoleUserId);
      if (!admin) throw new Error(`${scenarioName} names no console user`);
      await signIn(context, extensionId, admin);
      const initial = await sandboxState(sandbox);

      let target: { id: string; name: string } | undefined;
      const world: FaultWorld = {
        sandbox,
        context,
        page,
        extensionId,
        app: () => appFrameOf(page, sandbox),
        async addFaults(...faults) {
          for (const fault of faults) await sandbox.control('POST', 'faults', fault);
        },
        async faultsUsedUp() {
          await expect.poll(() => sandbox.control<unknown[]>('GET', 'faults'), { timeout: 15_000 }).toEqual([]);
        },
        killServiceWorker,
        async confirmSwitch(options = {}) {
          const onPage = options.page ?? page;
          const app =
            onPage === page ? await world.app() : await consoleShowsState(onPage, sandbox, scenario.aemOrg.tenant);
          target = await pickEligible(app);
          const confirm = app
            .getByRole('dialog', { name: en.confirmTitle })
            .getByRole('button', { name: en.confirmSwitch });
          await (options.doubleClick ? confirm.dblclick() : confirm.click());
        },
      };

      await row.beforeOpen?.(world);
      const app = await consoleShowsState(page, sandbox, scenario.aemOrg.tenant);
      await row.arm?.(world);
      await (row.act ?? (() => world.confirmSwitch()))(world);
      await row.during?.(world);
      if (!target) throw new Error('The row never picked an org to switch to');
      await expectShown(row.during ? await world.app() : app, row.shows, target, sandbox);

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
