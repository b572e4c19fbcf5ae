import assert from 'node:assert/strict';
import { ERROR_MESSAGES } from '../../components/shared/messages';
import { ASSETS_PATHS } from '../../lib/assets/schemas';
import en from '../../locales/en.json' with { type: 'json' };
import type { LoggedRequest } from '../../sandbox/request-log';
import { SCENARIOS, type Scenario, type ScenarioUser, userOf } from '../../sandbox/scenarios';
import { byTestId, shownOrgs, uiText } from '../drivers/console-readers';
import { type BrowserDriver, type ConsoleTab, until } from '../drivers/driver';
import { matrixCaseStarted } from '../support/matrix';
import type { Behaviour, BehaviourGroup } from './behaviour';
import { FAULT_CASES, type FaultCase, type FaultSetup, type FaultWorld, type Shown } from './fault-cases';
import { consoleShowsSummary, uiContains, uiShows } from './steps';

// The fault matrix (tests/HARNESS.md "Reliability and security matrix"): every row of FAULT_CASES is one
// admin switching from the console UI while something fails. Each asserts what the admin sees,
// that no watched context threw, the server's applied changes, and that a reload shows the server's truth.

interface FaultState {
  appliedChanges: number;
  connectedOrg: { id: string; name: string } | null;
  updatedAt: string;
  /** Changes made by "another admin" (the concurrent-admin scenario). */
  externalChanges: number;
}

interface Org {
  id: string;
  name: string;
}

const faultState = (driver: BrowserDriver) => driver.sandbox.control<FaultState>('GET', 'state');
const fill = (text: string, values: Record<string, string>) =>
  text.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
const timeOf = (iso: string) => new Intl.DateTimeFormat('en', { timeStyle: 'short' }).format(new Date(iso));

/** A thousand orgs behind a slow organizations call take a while on a cold start. */
const SUMMARY_TIMEOUT_MS = 20_000;
/** The longest a fault keeps the result waiting: three PUT retries, or a Retry-After of a second. */
const RESULT_TIMEOUT_MS = 30_000;

/**
 * Opens the console in a new tab (or loads it again in `tab`) and waits for our UI to show the
 * worker's state. With `signInAs`, the UI first offers "Sign in with Adobe" and the admin signs in from it.
 */
async function consoleShowsState(
  driver: BrowserDriver,
  scenario: Scenario,
  { tab, signInAs }: { tab?: ConsoleTab; signInAs?: ScenarioUser } = {},
): Promise<ConsoleTab> {
  const url = driver.sandbox.creativeCloudUrl(scenario.aemOrg.tenant);
  const shown = tab ?? (await driver.openTab(url));
  if (tab) await tab.goto(url);
  if (signInAs) await signInFromConsole(driver, shown, signInAs);
  await consoleShowsSummary(shown, SUMMARY_TIMEOUT_MS);
  return shown;
}

async function signInFromConsole(driver: BrowserDriver, tab: ConsoleTab, admin: ScenarioUser) {
  const login = driver.answerLoginPages(admin);
  try {
    await (await tab.app()).click({ in: 'ui', css: 'button', text: en.signIn });
    await consoleShowsSummary(tab, SUMMARY_TIMEOUT_MS);
  } finally {
    login.stop();
  }
}

/** Opens our switcher and picks the first org it offers as eligible with CC active (the console accepts it). */
async function pickEligible(tab: ConsoleTab): Promise<Org> {
  await (await tab.app()).click({ in: 'ui', css: 'button', text: en.openSwitcher });
  const eligible = await until(async () => {
    const orgs = await shownOrgs(await tab.app());
    return orgs.find((org) => !org.disabled && org.badges.includes('ccActive'));
  }, 'the switcher offers an eligible org');
  await (await tab.app()).click({ in: 'ui', css: '[role="option"]', text: eligible.name });
  await until(async () => (await uiText(await tab.app(), 'dialog[open]')) !== null, 'our confirmation asks');
  return { id: eligible.orgId, name: eligible.name };
}

/** What the admin sees on `tab` once the switch to `target` settles. */
async function expectShown(driver: BrowserDriver, tab: ConsoleTab, shown: Shown, target: Org) {
  if ('verified' in shown) {
    await uiShows(tab, byTestId('progress'), fill(en.verified, { org: target.name }), RESULT_TIMEOUT_MS);
    return;
  }
  if ('connectedUpdates' in shown) {
    await uiContains(tab, byTestId('connected-org'), target.name);
    return;
  }
  const message = `${byTestId('error')} [data-error-code="${shown.error}"]`;
  // The message names the server's connected org and time; the worker re-reads them after a 412.
  const expected = async () => {
    const state = await faultState(driver);
    return fill(en[ERROR_MESSAGES[shown.error]], {
      org: state.connectedOrg?.name ?? en.noConnectedOrg,
      time: timeOf(state.updatedAt),
    });
  };
  await until(
    async () => (await uiText(await tab.app(), message))?.includes(await expected()),
    `our UI shows the ${shown.error} message`,
    RESULT_TIMEOUT_MS,
  );
}

function faultSetup(driver: BrowserDriver, faultIds: string[]): FaultSetup {
  return {
    driver,
    sandbox: driver.sandbox,
    async addFaults(...faults) {
      for (const fault of faults)
        faultIds.push((await driver.sandbox.control<{ id: string }>('POST', 'faults', fault)).id);
    },
  };
}

/** The world a row acts in; `picked` holds the org the admin picked last. */
function faultWorld(driver: BrowserDriver, setup: FaultSetup, scenario: Scenario, tab: ConsoleTab) {
  const picked: { target?: Org } = {};
  const world: FaultWorld = {
    ...setup,
    tab,
    faultsUsedUp: () =>
      until(
        async () => (await driver.sandbox.control<unknown[]>('GET', 'faults')).length === 0,
        'every injected fault is hit',
      ).then(() => undefined),
    openConsoleTab: () => consoleShowsState(driver, scenario),
    async prepareSwitch(onTab = tab) {
      picked.target = await pickEligible(onTab);
    },
    async confirm(onTab = tab, options = {}) {
      const button = { in: 'ui', css: 'dialog[open] button', text: en.confirmSwitch } as const;
      const app = await onTab.app();
      await (options.doubleClick ? app.doubleClick(button) : app.click(button));
    },
    async confirmSwitch(options) {
      await world.prepareSwitch();
      await world.confirm(tab, options);
    },
    async expectShown(onTab, shown) {
      if (!picked.target) throw new Error('No org was picked yet');
      await expectShown(driver, onTab, shown, picked.target);
    },
  };
  return { world, picked };
}

/** The server saw every injected fault, and one switch used one Idempotency-Key on all its PUTs. */
async function faultsLandedWithOneKey(driver: BrowserDriver, faultIds: string[]) {
  // A held request is logged once the server is done with it, even if its client is gone.
  const requestLog = () => driver.sandbox.control<LoggedRequest[]>('GET', 'requests');
  await until(
    async () => {
      const entries = await requestLog();
      return faultIds.every((id) => entries.some((entry) => entry.faultId === id));
    },
    'the server logs every injected fault',
    10_000,
  );
  const putKeys = new Set(
    (await requestLog()).filter((entry) => entry.method === 'PUT').map((entry) => entry.headers['idempotency-key']),
  );
  assert.ok(putKeys.size <= 1, `one Idempotency-Key for the switch's PUTs, not ${[...putKeys].join(', ')}`);
}

async function runFaultCase(driver: BrowserDriver, row: FaultCase) {
  const matrixCase = matrixCaseStarted('fault', row.name, driver.browser);
  const errors = await driver.watchUnhandledErrors();
  const scenarioName = row.scenario ?? 'default';
  if (scenarioName !== 'default') await driver.sandbox.control('POST', 'scenario', { name: scenarioName });
  const scenario = SCENARIOS[scenarioName];
  const admin = userOf(scenario, scenario.consoleUserId);
  if (!admin) throw new Error(`${scenarioName} names no console user`);
  await driver.signIn(admin);
  const initial = await faultState(driver);

  const faultIds: string[] = [];
  const setup = faultSetup(driver, faultIds);
  await row.beforeOpen?.(setup);
  const tab = await consoleShowsState(driver, scenario);
  const { world, picked } = faultWorld(driver, setup, scenario, tab);
  await row.arm?.(world);
  await (row.act ?? (() => world.confirmSwitch()))(world);
  await row.during?.(world);
  await world.expectShown(tab, row.shows);
  const target = picked.target;
  if (!target) throw new Error('The row never picked an org to switch to');

  await faultsLandedWithOneKey(driver, faultIds);
  await driver.sandbox.control('DELETE', 'faults');
  await driver.setOffline(false);
  if (row.retryAfterwards) {
    await world.confirmSwitch();
    await world.expectShown(tab, { verified: true });
  }
  const expectedApplied = row.retryAfterwards ? 1 : row.applied;
  const state = await faultState(driver);
  assert.equal(state.appliedChanges, expectedApplied);
  if (expectedApplied === 1) assert.equal(state.connectedOrg?.id, target.id);
  else if (state.externalChanges === 0) assert.deepEqual(state.connectedOrg, initial.connectedOrg);

  // A reload shows the server's truth (a stopped background reconciles on its next message).
  await consoleShowsState(driver, scenario, { tab, signInAs: row.signsInAgain ? admin : undefined });
  await uiContains(tab, byTestId('connected-org'), state.connectedOrg?.name ?? en.noConnectedOrg);
  assert.equal((await faultState(driver)).appliedChanges, expectedApplied);
  assert.deepEqual(errors.list(), []);
  await errors.stop();
  matrixCase.passed({ intendedSwitches: 1, appliedSwitches: state.appliedChanges });
}

/** The console's own card "Current Creative Cloud org ID", read from the console page. */
const nativeCurrentOrg = (tab: ConsoleTab) =>
  tab
    .app()
    .then((app) => app.evaluate(() => document.querySelector('[data-testid="current-cc-org"]')?.textContent ?? ''));

const hasOurUi = async (tab: ConsoleTab) => (await uiText(await tab.app(), byTestId('console-ui'))) !== null;

const RELOADED_MID_SWITCH = 'extension reloaded while the console tab is open, mid-switch';

/** The extension reloads (an update, the admin's reload) while the worker waits for the PUT: no dead UI, no errors, one change. */
const extensionReloadedMidSwitch: Behaviour = {
  name: RELOADED_MID_SWITCH,
  only: {
    browser: 'chromium',
    why: 'checks what the reload leaves behind in Chromium, which does not start an unpacked extension again under Playwright; Firefox starts its temporary add-on again, so the case there is another one (a new instance with a lost session), not written yet',
  },
  async run(driver) {
    const matrixCase = matrixCaseStarted('fault', RELOADED_MID_SWITCH, driver.browser);
    const errors = await driver.watchUnhandledErrors();
    const scenario = SCENARIOS.default;
    const admin = userOf(scenario, scenario.consoleUserId);
    if (!admin) throw new Error('The default scenario names no console user');
    await driver.signIn(admin);
    const tab = await consoleShowsState(driver, scenario);
    await driver.sandbox.control('POST', 'faults', { method: 'PUT', path: ASSETS_PATHS.ccConnection, delayMs: 1_000 });
    const target = await pickEligible(tab);
    await (await tab.app()).click({ in: 'ui', css: 'dialog[open] button', text: en.confirmSwitch });
    await until(async () => (await driver.sandbox.control<unknown[]>('GET', 'faults')).length === 0, 'the PUT is held');

    // The background goes away with the extension, so this evaluate may never answer.
    void (await driver.background())
      .evaluate(() => (globalThis as unknown as { chrome: { runtime: { reload(): void } } }).chrome.runtime.reload())
      .catch(() => {});
    // The orphaned content script takes its UI away instead of leaving controls that cannot work.
    await until(async () => !(await hasOurUi(tab)), 'our UI leaves the console', 10_000);

    // The PUT the server already held lands once; the console's own card shows the server's truth.
    const state = await until(async () => {
      const now = await faultState(driver);
      return now.appliedChanges === 1 && now;
    }, 'the held PUT lands');
    assert.equal(state.connectedOrg?.id, target.id);
    await tab.reload();
    await until(async () => (await nativeCurrentOrg(tab)).includes(target.id), "the console's card shows the new org");
    assert.equal(await hasOurUi(tab), false);
    assert.equal((await faultState(driver)).appliedChanges, 1);
    assert.deepEqual(errors.list(), []);
    await errors.stop();
    matrixCase.passed({ intendedSwitches: 1, appliedSwitches: state.appliedChanges });
  },
};

const faultBehaviour = (row: FaultCase): Behaviour => ({
  name: row.name,
  only: row.only,
  slow: row.slow,
  run: (driver) => runFaultCase(driver, row),
});

export const FAULT_MATRIX_BEHAVIOURS: BehaviourGroup = {
  title: 'fault matrix',
  behaviours: [...FAULT_CASES.map(faultBehaviour), extensionReloadedMidSwitch],
};
