import type { Frame } from '@playwright/test';
import { ASSETS_PATHS } from '../../lib/assets/schemas';
import type { HistoryEntry } from '../../lib/history/entry';
import en from '../../locales/en.json' with { type: 'json' };
import { en as consoleEn } from '../../sandbox/console/browser/locales/en';
import { type ConsoleErrorForm, PICKER_FORMS, type PickerForm } from '../../sandbox/console/picker-forms';
import { SCENARIOS, type Scenario, type ScenarioName, userOf } from '../../sandbox/scenarios';
import { type ExtensionFixtures, expect, type SandboxFixture, test } from './fixtures';
import { consoleUi, openConsoleApp } from './support/console-ui';
import { readExtensionStorage } from './support/worker-client';

// The switch through the console page, where the console's Assets API refuses the extension's
// client (403 or 404): our confirmation, then the native picker and "Switch orgs", verified on
// the page's "Current Creative Cloud org ID"; cancelled, refused by the console, the page
// changing under us; and the API path unchanged where the API answers. The switch with Switch
// back and the console's toast or inline refusal run in both browsers (tests/behaviours/console-switch.ts).

type ExtensionAccess = 'allowed' | 'forbidden' | 'not-found';

interface SandboxState {
  connectedOrg: { id: string; name: string } | null;
  appliedChanges: number;
  putsByIdempotencyKey: Record<string, number>;
}

const orgNamed = (scenario: Scenario, name: string) => {
  const org = scenario.orgs.find((candidate) => candidate.name === name);
  if (!org) throw new Error(`No org ${name} in ${scenario.name}`);
  return org;
};
const acmeScenario = SCENARIOS.default;
const acme = orgNamed(acmeScenario, 'Acme');
const design = orgNamed(acmeScenario, 'Acme Design Studio');

const sandboxState = (sandbox: SandboxFixture) => sandbox.control<SandboxState>('GET', 'state');
const confirmDialog = (app: Frame) => app.getByRole('dialog', { name: en.confirmTitle });
/** The result line of a switch only the console page vouches for. */
const reportedByConsole = (org: string) => en.reportedByConsole.replace('{org}', org);
const nativeCurrentOrg = (app: Frame) => app.getByTestId('current-cc-org');

/** The console with the extension signed in (as `userId`, else the console's user), on `access`, with the portalled picker. */
function openConsole(
  { sandbox, signedInConsole }: Pick<ExtensionFixtures, 'sandbox' | 'signedInConsole'>,
  access: ExtensionAccess,
  options: {
    scenario?: ScenarioName;
    userId?: string;
    /** The console's picker form (default: portalled), re-created controls, where refusals show. */
    console?: { picker?: PickerForm; recreate?: boolean; errors?: ConsoleErrorForm };
  } = {},
): Promise<Frame> {
  const scenario = SCENARIOS[options.scenario ?? 'default'];
  const user = userOf(scenario, options.userId ?? scenario.consoleUserId);
  if (!user) throw new Error('No such user');
  return signedInConsole({
    scenario: scenario.name,
    arrange: async () => {
      await sandbox.control('POST', 'assets-api', { extensionAccess: access });
      // The most realistic console: React Spectrum's picker, portalled, its options only org names.
      await sandbox.control('POST', 'console', { picker: 'portalled', ...options.console });
    },
    user,
  });
}

async function chooseInSwitcher(app: Frame, orgName: string) {
  const ui = consoleUi(app);
  await ui.getByRole('button', { name: en.openSwitcher }).click();
  await ui.getByRole('combobox', { name: en.search }).fill(orgName);
  await ui
    .getByRole('option')
    .filter({ has: app.getByText(orgName, { exact: true }) })
    .click();
  await expect(confirmDialog(app)).toBeVisible();
}

async function history(workerClient: ExtensionFixtures['workerClient']): Promise<HistoryEntry[]> {
  const client = await workerClient();
  const { entries } = await client.data({ type: 'getHistory' });
  await client.page.close();
  return entries;
}

test("reads the connection from the page's card in each console language", async ({
  page,
  sandbox,
  signedInConsole,
}) => {
  await sandbox.control('POST', 'connection', { orgId: design.id });
  await openConsole({ sandbox, signedInConsole }, 'forbidden');
  for (const lang of ['sv', 'de', 'fr', 'ja']) {
    const app = await openConsoleApp(page, sandbox, { tenant: acmeScenario.aemOrg.tenant, lang });
    await expect(consoleUi(app).getByTestId('connected-org'), lang).toContainText(design.id);
  }
});

test('cancelling our confirmation changes nothing on the console', async ({
  sandbox,
  signedInConsole,
  workerClient,
}) => {
  const app = await openConsole({ sandbox, signedInConsole }, 'forbidden');
  await chooseInSwitcher(app, design.name);
  await confirmDialog(app).getByRole('button', { name: en.cancel }).click();
  await expect(confirmDialog(app)).toHaveCount(0);

  await expect(nativeCurrentOrg(app)).toContainText(acme.id);
  // The native picker was never touched: it still shows its placeholder.
  await expect(app.getByRole('button', { name: consoleEn.pickerLabel })).toContainText(consoleEn.pickerPlaceholder);
  expect((await sandboxState(sandbox)).appliedChanges).toBe(0);
  expect(await history(workerClient)).toEqual([]);
});

test("shows the console's own refusal and records it, with the connection unchanged", async ({
  sandbox,
  signedInConsole,
  workerClient,
}) => {
  // One person, two accounts: the extension is signed in with the personal one, which has CC in
  // Initech Creative; the console's user (the enterprise one) has none there, and the console's
  // real entitlement check refuses. The extension cannot see the console's user: the API refuses it.
  const scenario = SCENARIOS['same-email-different-ids'];
  const personal = scenario.users.find((user) => user.accountType === 'type1');
  const creative = orgNamed(scenario, 'Initech Creative');
  const app = await openConsole({ sandbox, signedInConsole }, 'forbidden', {
    scenario: scenario.name,
    userId: personal?.userId,
  });
  await chooseInSwitcher(app, creative.name);
  await confirmDialog(app).getByRole('button', { name: en.confirmSwitch }).click();

  const error = consoleUi(app).getByTestId('error');
  await expect(error).toContainText('The console refused the switch: Could not switch orgs: NO_CC_ENTITLEMENT');
  await expect(error.locator('[data-error-code]')).toHaveAttribute('data-error-code', 'CONSOLE_REFUSED');
  await expect(consoleUi(app).getByTestId('progress')).not.toContainText('Verified');
  const state = await sandboxState(sandbox);
  expect(state.connectedOrg?.id).toBe(scenario.initialConnection.orgId);
  expect(state.appliedChanges).toBe(0);
  expect(await history(workerClient)).toEqual([
    expect.objectContaining({
      to: { id: creative.id, name: creative.name },
      result: 'failed',
      errorCode: 'CONSOLE_REFUSED',
      path: 'console',
    }),
  ]);
});

test('records a switch whose page went away mid-switch as not verified', async ({
  sandbox,
  serviceWorker,
  signedInConsole,
  workerClient,
}) => {
  const app = await openConsole({ sandbox, signedInConsole }, 'forbidden');
  // The console's PUT takes a while, so the admin can leave the page before the answer.
  await sandbox.control('POST', 'faults', { method: 'PUT', path: ASSETS_PATHS.ccConnection, delayMs: 4_000 });
  await chooseInSwitcher(app, design.name);
  await confirmDialog(app).getByRole('button', { name: en.confirmSwitch }).click();
  await expect(app.getByRole('status').filter({ hasText: consoleEn.switching })).toBeVisible();
  await app.getByRole('link', { name: consoleEn.navGeneralSettings, exact: true }).click();

  await expect
    .poll(async () => (await history(workerClient)).map(({ result, errorCode, path }) => ({ result, errorCode, path })))
    .toEqual([{ result: 'failed', errorCode: 'PAGE_CHANGED', path: 'console' }]);
  expect(await readExtensionStorage(serviceWorker, 'session', 'switchOperations')).toEqual({});
});

test('the popup and the diagnostics say which path each console uses', async ({
  sandbox,
  workerClient,
  consolePopup,
  signedInConsole,
}) => {
  await openConsole({ sandbox, signedInConsole }, 'not-found');
  const popup = await consolePopup();
  await expect(popup.getByTestId('popup-switch-path')).toHaveText(en.switchPathConsole);
  await expect(popup.getByTestId('popup-connected-org')).toHaveText(acme.name);

  const client = await workerClient();
  const report = await client.data({ type: 'getDiagnostics' });
  expect(report.consoles.map((entry) => entry.switchPath)).toEqual(['console']);
});

test('where the API answers, it stays the path: the extension PUTs, the history says api', async ({
  sandbox,
  consolePopup,
  signedInConsole,
  workerClient,
}) => {
  const app = await openConsole({ sandbox, signedInConsole }, 'allowed');
  const ui = consoleUi(app);
  await expect(ui.getByTestId('prerequisites').locator('[data-check="met"]')).toHaveCount(2);
  await chooseInSwitcher(app, design.name);
  await confirmDialog(app).getByRole('button', { name: en.confirmSwitch }).click();
  await expect(ui.getByTestId('progress')).toHaveText(
    `Verified: ${design.name} is now the connected Creative Cloud org.`,
  );

  const [entry] = await history(workerClient);
  expect(entry).toMatchObject({ to: { id: design.id }, result: 'success', path: 'api' });
  // Our own PUT, keyed by the operation id; the native picker was never touched.
  expect((await sandboxState(sandbox)).putsByIdempotencyKey).toEqual({ [entry?.opId ?? '']: 1 });
  await expect(app.getByRole('button', { name: consoleEn.pickerLabel })).toContainText(consoleEn.pickerPlaceholder);

  const popup = await consolePopup();
  await expect(popup.getByTestId('popup-switch-path')).toHaveText(en.switchPathApi);
});

// React Spectrum's traits (sandbox/README.md#console-behaviour): every picker form, with the
// console re-creating its trigger, listbox and "Switch orgs" on every state change.
for (const form of PICKER_FORMS) {
  test(`switches through the ${form} picker while the console re-creates its controls`, async ({
    sandbox,
    signedInConsole,
    workerClient,
  }) => {
    const app = await openConsole({ sandbox, signedInConsole }, 'forbidden', {
      console: { picker: form, recreate: true },
    });
    await chooseInSwitcher(app, design.name);
    await confirmDialog(app).getByRole('button', { name: en.confirmSwitch }).click();
    await expect(consoleUi(app).getByTestId('progress')).toHaveText(reportedByConsole(design.name));
    expect((await sandboxState(sandbox)).connectedOrg?.id).toBe(design.id);
    expect((await history(workerClient)).map(({ result, path }) => ({ result, path }))).toEqual([
      { result: 'success', path: 'console' },
    ]);
  });
}

test('switches to an org far down a 1,000-org virtualized picker the console has not rendered', async ({
  sandbox,
  signedInConsole,
}) => {
  test.slow();
  const scenario = SCENARIOS['many-orgs'];
  const admin = userOf(scenario, scenario.consoleUserId);
  // The console's own check lets an org through only where its user has CC.
  const target = scenario.orgs.filter((org) => admin?.ccOrgIds.includes(org.id)).at(-2);
  if (!target || target.name <= 'Globex Division 0900') throw new Error('many-orgs has CC far down the list');
  const app = await openConsole({ sandbox, signedInConsole }, 'forbidden', {
    scenario: 'many-orgs',
    console: { picker: 'virtualized', recreate: true },
  });
  await chooseInSwitcher(app, target.name);
  await confirmDialog(app).getByRole('button', { name: en.confirmSwitch }).click();
  await expect(consoleUi(app).getByTestId('progress')).toHaveText(reportedByConsole(target.name));
  expect((await sandboxState(sandbox)).connectedOrg?.id).toBe(target.id);
});
