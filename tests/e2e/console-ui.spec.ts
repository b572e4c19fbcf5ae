import type { Frame } from '@playwright/test';
import en from '../../locales/en.json' with { type: 'json' };
import sv from '../../locales/sv.json' with { type: 'json' };
import { SCENARIOS, type Scenario, userOf } from '../../sandbox/scenarios';
import { orgNamed } from '../support/scenario-orgs';
import { expect, type SandboxFixture, test } from './fixtures';
import { consoleUi, shownOrgs } from './support/console-ui';
import { shownState } from './support/entitlement-truth';
import { expectedConsole, type SandboxConnectionTruth } from './support/worker-truth';

// Our UI on the sandbox console, in Chromium: entitlement states, refusals, cancelling, languages,
// 1,000 orgs and the keyboard. Badges per scenario, the switch with Switch back and read-only run in
// both browsers (tests/behaviours/console-ui.ts).

interface SandboxState extends SandboxConnectionTruth {
  appliedChanges: number;
}

const acme = SCENARIOS.default;
const design = orgNamed('Acme Design Studio');
const legacy = orgNamed('Acme Legacy Agency');
const xssOrg = orgNamed('Åsa & Söner AB <img src=x onerror=alert(1)>');
const admin = signedInUser(acme);
/** Orgs of the default scenario whose CC the extension cannot see: one the user holds, one not. */
const unknownCc = (held: boolean) => {
  const org = acme.orgs.find(
    (candidate) =>
      shownState(admin, candidate.id, 'creativeCloud') === 'unknown' && admin.ccOrgIds.includes(candidate.id) === held,
  );
  if (!org)
    throw new Error(`The default scenario has an org with unknown CC that the user ${held ? 'holds' : 'lacks'}`);
  return org;
};

/** Who signs in per scenario: the console's user, except where the point is another user ID. */
function signedInUser(scenario: Scenario) {
  const personal = scenario.users.find((user) => user.accountType === 'type1');
  const user = scenario.name === 'same-email-different-ids' ? personal : userOf(scenario, scenario.consoleUserId);
  if (!user) throw new Error(`No user to sign in with in ${scenario.name}`);
  return user;
}

const sandboxState = (sandbox: SandboxFixture) => sandbox.control<SandboxState>('GET', 'state');

async function openSwitcher(app: Frame) {
  await consoleUi(app).getByRole('button', { name: en.openSwitcher }).click();
  await expect(consoleUi(app).getByRole('combobox', { name: en.search })).toBeFocused();
}

async function search(app: Frame, query: string) {
  await consoleUi(app).getByRole('combobox', { name: en.search }).fill(query);
}

const option = (app: Frame, name: string) =>
  consoleUi(app)
    .getByRole('option')
    .filter({ has: app.getByText(name, { exact: true }) });

const confirmDialog = (app: Frame) => app.getByRole('dialog', { name: en.confirmTitle });

test.describe('entitlements in three states', () => {
  test('each CC state has its own badge and wording; an unknown one is explained in the row and on hover', async ({
    signedInConsole,
  }) => {
    const app = await signedInConsole();
    await openSwitcher(app);
    const badge = (name: string, kind: string) => option(app, name).locator(`[data-badge="${kind}"]`);
    await expect(badge(design.name, 'ccActive')).toHaveText(`✓ ${en.badgeCcActive}`, { useInnerText: true });
    await expect(badge(legacy.name, 'noCcEntitlement')).toHaveText(`✕ ${en.badgeNoCc}`, { useInnerText: true });
    const unknown = unknownCc(true);
    await expect(badge(unknown.name, 'ccUnknown')).toHaveText(`? ${en.badgeCcUnknown}`, { useInnerText: true });
    await expect(badge(unknown.name, 'ccUnknown')).toHaveAttribute('title', en.badgeCcUnknownHelp);
    await expect(badge(unknown.name, 'ccUnknown')).toHaveAccessibleDescription(en.badgeCcUnknownHelp);
    await expect(badge(unknown.name, 'expressUnknown')).toHaveAccessibleDescription(en.badgeExpressUnknownHelp);
    await expect(badge(unknown.name, 'librariesUnknown')).toHaveAccessibleDescription(en.badgeLibrariesUnknownHelp);
    // Selectable, and the row says what the extension cannot see and who decides.
    await expect(option(app, unknown.name)).toHaveAttribute('aria-disabled', 'false');
    await expect(option(app, unknown.name).getByTestId('org-unknowns')).toHaveText(
      `${en.unknownCcEntitlement} ${en.consoleDecides}`,
    );
    await expect(consoleUi(app).locator('[data-badge="noCcEntitlement"]')).toHaveCount(
      acme.orgs.filter((org) => shownState(admin, org.id, 'creativeCloud') === 'none').length,
    );
  });

  test('the confirmation says the console decides; the console switches to an org whose CC it holds', async ({
    sandbox,
    signedInConsole,
  }) => {
    const target = unknownCc(true);
    const app = await signedInConsole();
    await openSwitcher(app);
    await option(app, target.name).click();
    await expect(confirmDialog(app).getByTestId('confirm-unknowns')).toHaveText(
      `${en.unknownCcEntitlement} ${en.consoleDecides}`,
    );
    await confirmDialog(app).getByRole('button', { name: en.confirmSwitch }).click();
    await expect(consoleUi(app).getByRole('status').filter({ hasText: 'Verified' })).toHaveText(
      `Verified: ${target.name} is now the connected Creative Cloud org.`,
    );
    expect((await sandboxState(sandbox)).connectedOrg?.id).toBe(target.id);
  });

  test('the console refuses an org whose CC nobody could see and the user lacks', async ({
    sandbox,
    signedInConsole,
  }) => {
    const target = unknownCc(false);
    const app = await signedInConsole();
    await openSwitcher(app);
    await option(app, target.name).click();
    await confirmDialog(app).getByRole('button', { name: en.confirmSwitch }).click();
    await expect(consoleUi(app).getByTestId('error')).toContainText(en.errorNoCc);
    const state = await sandboxState(sandbox);
    expect(state.appliedChanges).toBe(0);
    expect(state.connectedOrg?.id).toBe(acme.aemOrg.id);
  });

  test('shows the individual Creative Cloud plan as a fact about the user', async ({ signedInConsole }) => {
    const app = await signedInConsole();
    const plan =
      admin.individualCc === 'CS_LVL_2'
        ? en.individualCcPaid
        : admin.individualCc
          ? en.individualCcFree
          : en.individualCcNone;
    await expect(consoleUi(app).getByTestId('individual-cc')).toHaveText(plan);
  });

  test('with the Access Profile API failing, its badges become unknown and the console state still loads', async ({
    sandbox,
    signedInConsole,
    workerClient,
  }) => {
    await sandbox.control('POST', 'faults', {
      method: 'POST',
      path: '/webapps/access_profile/v3',
      status: 503,
      times: 0,
    });
    const app = await signedInConsole();
    await openSwitcher(app);
    await expect(option(app, design.name).locator('[data-badge="ccUnknown"]')).toBeVisible();
    await expect(consoleUi(app).locator('[data-badge="noCcEntitlement"]')).toHaveCount(0);
    // Diagnostics can say why: the worker's state records the source as unavailable.
    const client = await workerClient();
    const state = await client.data({
      type: 'getConsoleState',
      console: sandbox.consoleIdentity(),
      freshness: 'cached',
    });
    expect(state.signedIn && state.console?.model.sources.accessProfile).toBe('unavailable');
  });
});

test.describe('the validated switch', () => {
  test('refuses an ineligible org with its reason, without asking and without a change', async ({
    page,
    sandbox,
    signedInConsole,
  }) => {
    const app = await signedInConsole();
    await openSwitcher(app);
    // Disabled options are still choosable from the keyboard, so their reasons can be read out.
    await search(app, 'Legacy');
    await page.keyboard.press('Enter');
    await expect(consoleUi(app).getByTestId('refusal')).toHaveText(
      `${legacy.name} can't be connected: ${en.reasonNoCc}`,
    );
    await expect(confirmDialog(app)).toHaveCount(0);
    expect((await sandboxState(sandbox)).appliedChanges).toBe(0);
  });

  test('changes nothing when the confirmation is cancelled, by button or Escape', async ({
    page,
    sandbox,
    signedInConsole,
  }) => {
    const app = await signedInConsole();
    await openSwitcher(app);
    await option(app, design.name).click();
    await confirmDialog(app).getByRole('button', { name: en.cancel }).click();
    await expect(confirmDialog(app)).toHaveCount(0);
    await option(app, design.name).click();
    await expect(confirmDialog(app)).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(confirmDialog(app)).toHaveCount(0);
    await expect(consoleUi(app).getByRole('combobox', { name: en.search })).toBeFocused();
    const state = await sandboxState(sandbox);
    expect(state.appliedChanges).toBe(0);
    expect(state.connectedOrg?.id).toBe(acme.aemOrg.id);
  });

  test('says who changed the connection when another admin switched in between', async ({
    sandbox,
    signedInConsole,
  }) => {
    const app = await signedInConsole({ scenario: 'concurrent-admin' });
    // The other admin strikes right after the worker's next read: the one before its PUT.
    await sandbox.control('POST', 'concurrent-change');
    await openSwitcher(app);
    const eligible = (await shownOrgs(app)).find((org) => !org.disabled);
    if (!eligible) throw new Error('concurrent-admin has an eligible org for its admin');
    await option(app, eligible.name).click();
    await confirmDialog(app).getByRole('button', { name: en.confirmSwitch }).click();
    await expect(consoleUi(app).getByTestId('error')).not.toBeEmpty();
    const state = await sandboxState(sandbox);
    const time = new Intl.DateTimeFormat('en', { timeStyle: 'short' }).format(new Date(state.updatedAt));
    await expect(consoleUi(app).getByTestId('error')).toContainText(
      `Another admin changed the connection to ${state.connectedOrg?.name} at ${time} — review and retry.`,
    );
    expect(state.appliedChanges).toBe(0);
  });
});

test('the Swedish console gets the UI in Swedish', async ({ sandbox, signedInConsole }) => {
  const app = await signedInConsole({ lang: 'sv', until: 'app' });
  const ui = consoleUi(app);
  await expect(ui.getByRole('heading', { name: sv.panelTitle })).toBeVisible();
  await expect(ui.getByRole('button', { name: sv.openSwitcher })).toBeVisible();
  const { summary } = expectedConsole(acme, signedInUser(acme), await sandboxState(sandbox));
  await expect(ui.getByTestId('summary')).toHaveText(
    sv.summary.replace('{eligible}', String(summary.eligible)).replace('{total}', String(summary.total)),
  );
});

test('shows an org name with markup literally and creates no element from it', async ({ signedInConsole }) => {
  const app = await signedInConsole();
  await openSwitcher(app);
  await search(app, 'Söner');
  await expect(option(app, xssOrg.name)).toBeVisible();
  const images = await app.evaluate(
    () => document.querySelector('aem-cc-org-switcher')?.shadowRoot?.querySelectorAll('img').length,
  );
  expect(images).toBe(0);
});

test('finds any of 1,000 orgs by name or by id', async ({ signedInConsole }) => {
  const app = await signedInConsole({ scenario: 'many-orgs' });
  const target = orgNamed('Globex Division 0777', SCENARIOS['many-orgs']);
  await openSwitcher(app);
  await expect(consoleUi(app).getByTestId('match-count')).toHaveText('Matching orgs: 1000');
  await expect(consoleUi(app).getByText('950 more — refine the search')).toBeVisible();
  await search(app, 'division 0777');
  expect((await shownOrgs(app)).map((org) => org.orgId)).toEqual([target.id]);
  await search(app, target.id.slice(0, 12).toLowerCase());
  expect((await shownOrgs(app)).map((org) => org.orgId)).toEqual([target.id]);
});

test('works from the keyboard alone: open, search, choose, cancel, confirm, focus back', async ({
  page,
  sandbox,
  signedInConsole,
}) => {
  const app = await signedInConsole();
  const ui = consoleUi(app);
  const opener = ui.getByRole('button', { name: en.openSwitcher });
  const searchBox = ui.getByRole('combobox', { name: en.search });
  await opener.focus();
  await page.keyboard.press('Enter');
  await expect(searchBox).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(searchBox).toHaveCount(0);
  await expect(opener).toBeFocused();

  await page.keyboard.press('Enter');
  await page.keyboard.type('acme');
  // Acme (connected), then Acme Design Studio.
  await page.keyboard.press('ArrowDown');
  await expect(searchBox).toHaveAttribute('aria-activedescendant', 'org-option-1');
  await expect(option(app, design.name)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(confirmDialog(app)).toBeVisible();
  await expect(confirmDialog(app).getByRole('button', { name: en.cancel })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(searchBox).toBeFocused();

  await page.keyboard.press('Enter');
  // Wait for the dialog to take focus, as a keyboard user would, before tabbing on.
  await expect(confirmDialog(app).getByRole('button', { name: en.cancel })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(confirmDialog(app).getByRole('button', { name: en.confirmSwitch })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(ui.getByTestId('progress')).toHaveText(
    `Verified: ${design.name} is now the connected Creative Cloud org.`,
  );
  await expect(opener).toBeFocused();
  expect((await sandboxState(sandbox)).appliedChanges).toBe(1);
});
