import type { Frame } from '@playwright/test';
import { ASSETS_PATHS } from '../../lib/assets/schemas';
import { orgIdFromOptionText } from '../../lib/console-page/detect';
import { BADGE_HOST_ATTRIBUTE } from '../../lib/console-page/markers';
import { CONSOLE_PROFILE_SOURCE } from '../../lib/console-page/profile';
import en from '../../locales/en.json' with { type: 'json' };
import type { LoggedRequest } from '../../sandbox/request-log';
import type { ScenarioUser } from '../../sandbox/scenario-builders';
import { SCENARIO_NAMES, SCENARIOS, type Scenario, userOf } from '../../sandbox/scenarios';
import { expect, test } from './fixtures';
import { keyboardSwitchIsGuarded, nativeViewReady } from './steps';
import { appliedChanges } from './support/attack-surfaces';
import { appFrameOf, nativeOptionBadges, nativeOptions } from './support/console-ui';
import { expectedBadgesOf, shownState } from './support/entitlement-truth';
import { writeProtectedSetting } from './support/extension-environment';

// The native picker and button, with the extension: badges on every native option, and the
// guard in front of the native "Switch orgs" for an org that cannot work.

const scenario = SCENARIOS.default;
const LABELS = CONSOLE_PROFILE_SOURCE.labels.en;

interface SandboxState {
  appliedChanges: number;
  connectedOrg: { id: string; name: string } | null;
}

function consoleAdminOf(world: Scenario): ScenarioUser {
  const user = userOf(world, world.consoleUserId);
  if (!user) throw new Error(`The ${world.name} scenario has no console user`);
  return user;
}

/** An org the admin can access whose CC a source shows in the given state. */
function orgWithCc(state: 'active' | 'none' | 'unknown', truth?: boolean) {
  const admin = consoleAdminOf(scenario);
  const org = scenario.orgs.find(
    (candidate) =>
      admin.orgIds.includes(candidate.id) &&
      candidate.id !== scenario.initialConnection.orgId &&
      shownState(admin, candidate.id, 'creativeCloud') === state &&
      (truth === undefined || admin.ccOrgIds.includes(candidate.id) === truth),
  );
  if (!org) throw new Error(`The default scenario has an org with CC ${state} for its admin`);
  return org;
}

/** An org the admin can access whose CC a source shows absent: the guard must stop a switch to it. */
const unentitledOrg = () => orgWithCc('none');

/** Opens the native picker and waits until every option carries its badges. */
async function openPickerWithBadges(app: Frame): Promise<void> {
  await app.getByRole('button', { name: LABELS.picker }).click();
  const options = app.getByRole('option');
  await expect(options.first()).toBeVisible();
  await expect(options.locator(`[${BADGE_HOST_ATTRIBUTE}]`)).toHaveCount(await options.count());
}

async function pickNatively(app: Frame, orgId: string): Promise<void> {
  await openPickerWithBadges(app);
  await app.getByRole('option').filter({ hasText: orgId }).click();
}

/** The console's own status line under the view (our UI has live regions of its own). */
const nativeStatus = (app: Frame) => app.locator('[data-view="creative-cloud"] > [role="status"]');

const guardDialog = (app: Frame) => app.getByRole('dialog', { name: en.guardTitle });

test.describe('badges in the native picker', () => {
  for (const name of SCENARIO_NAMES) {
    test(`appear next to every option when it opens, matching the ${name} scenario`, async ({
      sandbox,
      signedInConsole,
    }) => {
      const world = SCENARIOS[name];
      const app = await nativeViewReady(
        await signedInConsole({
          scenario: name,
          // Options that show their org id, so the test can tell them apart (every form: picker-forms.spec.ts).
          arrange: () => sandbox.control('POST', 'console', { picker: 'classic' }),
          until: 'app',
        }),
      );
      await openPickerWithBadges(app);

      const shown = await nativeOptions(app);
      const { connectedOrg } = await sandbox.control<SandboxState>('GET', 'state');
      const user = consoleAdminOf(world);
      expect(shown.map((option) => orgIdFromOptionText(option.text))).toEqual(user.orgIds);
      for (const option of shown) {
        const orgId = orgIdFromOptionText(option.text) ?? '';
        expect(option.badges, option.text).toEqual(expectedBadgesOf(user, orgId, connectedOrg?.id));
      }
      expect(await app.evaluate(() => performance.getEntriesByName('cc-switcher:badges-shown').length)).toBe(1);
    });
  }

  test('come back on the new options each time the picker is opened again', async ({ page, signedInConsole }) => {
    const app = await nativeViewReady(await signedInConsole({ until: 'app' }));
    const picker = app.getByRole('button', { name: LABELS.picker });
    for (let opening = 1; opening <= 3; opening += 1) {
      await openPickerWithBadges(app);
      await page.keyboard.press('Escape');
      await expect(app.getByRole('option')).toHaveCount(0);
      await expect(picker).toBeFocused();
    }
    const marks = await app.evaluate(() => performance.getEntriesByName('cc-switcher:badges-shown').length);
    expect(marks).toBe(3);
  });

  test('say each CC state in words, and explain an unknown one on hover and to screen readers', async ({
    signedInConsole,
  }) => {
    const app = await nativeViewReady(await signedInConsole({ until: 'app' }));
    await openPickerWithBadges(app);
    const badgeOf = (orgId: string, badge: string) =>
      app.getByRole('option').filter({ hasText: orgId }).locator(`[data-badge="${badge}"]`);
    await expect(badgeOf(orgWithCc('active').id, 'ccActive')).toHaveText(`✓ ${en.badgeCcActive}`, {
      useInnerText: true,
    });
    await expect(badgeOf(orgWithCc('none').id, 'noCcEntitlement')).toHaveText(`✕ ${en.badgeNoCc}`, {
      useInnerText: true,
    });
    const unknown = badgeOf(orgWithCc('unknown').id, 'ccUnknown');
    await expect(unknown).toHaveText(`? ${en.badgeCcUnknown}`, { useInnerText: true });
    await expect(unknown).toHaveAttribute('title', en.badgeCcUnknownHelp);
    await expect(unknown).toHaveAccessibleDescription(en.badgeCcUnknownHelp);
    await expect(app.getByRole('option').locator('[data-badge="noCcEntitlement"]')).toHaveCount(
      scenario.orgs.filter((org) => shownState(consoleAdminOf(scenario), org.id, 'creativeCloud') === 'none').length,
    );
    const expressUnknown = app.getByRole('option').locator('[data-badge="expressUnknown"]').first();
    await expect(expressUnknown).toHaveText(`? ${en.badgeExpressUnknown}`, { useInnerText: true });
    await expect(expressUnknown).toHaveAccessibleDescription(en.badgeExpressUnknownHelp);
    await expect(app.getByRole('option').locator('[data-badge="librariesUnknown"]').first()).toHaveAttribute(
      'title',
      en.badgeLibrariesUnknownHelp,
    );
  });

  test('say what they mean in text, not colour alone', async ({ sandbox, signedInConsole }) => {
    const app = await nativeViewReady(await signedInConsole({ until: 'app' }));
    await openPickerWithBadges(app);
    const { connectedOrg } = await sandbox.control<SandboxState>('GET', 'state');
    const badge = app
      .getByRole('option')
      .filter({ hasText: connectedOrg?.id ?? '-' })
      .locator('[data-badge="connected"]');
    await expect(badge).toBeVisible();
    await expect(badge).toContainText(en.badgeConnected);
  });
});

test.describe('the native guard', () => {
  test('shows the reasons for an ineligible org; Cancel means the native switch does not happen', async ({
    sandbox,
    signedInConsole,
  }) => {
    const target = unentitledOrg();
    const app = await nativeViewReady(await signedInConsole({ until: 'app' }));
    const before = await sandbox.control<SandboxState>('GET', 'state');
    await pickNatively(app, target.id);
    await app.getByRole('button', { name: LABELS.switchButton, exact: true }).click();

    const dialog = guardDialog(app);
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText(target.name);
    await expect(dialog).toContainText(en.reasonNoCc);
    await dialog.getByRole('button', { name: en.cancel, exact: true }).click();
    await expect(dialog).toBeHidden();

    const after = await sandbox.control<SandboxState>('GET', 'state');
    expect(after.appliedChanges).toBe(0);
    expect(after.connectedOrg).toEqual(before.connectedOrg);
    await expect(nativeStatus(app)).toHaveText('');
  });

  test('Proceed lets the native switch through: a warned switch to the connected org is made', async ({
    sandbox,
    signedInConsole,
  }) => {
    const before = await sandbox.control<SandboxState>('GET', 'state');
    const connected = before.connectedOrg;
    if (!connected) throw new Error('The default scenario starts with a connected org');
    const app = await nativeViewReady(await signedInConsole({ until: 'app' }));
    await pickNatively(app, connected.id);
    await app.getByRole('button', { name: LABELS.switchButton, exact: true }).click();
    const dialog = guardDialog(app);
    await expect(dialog).toContainText(en.reasonAlreadyConnected);
    await dialog.getByRole('button', { name: en.guardProceed, exact: true }).click();

    await expect(nativeStatus(app)).toContainText(connected.id);
    const after = await sandbox.control<SandboxState>('GET', 'state');
    expect(after.appliedChanges).toBe(1);
    expect(after.connectedOrg).toEqual(connected);
  });

  test('Proceed hands an org without CC to the console, whose API then refuses it', async ({
    sandbox,
    signedInConsole,
  }) => {
    const target = unentitledOrg();
    const app = await nativeViewReady(await signedInConsole({ until: 'app' }));
    await pickNatively(app, target.id);
    await app.getByRole('button', { name: LABELS.switchButton, exact: true }).click();
    await guardDialog(app).getByRole('button', { name: en.guardProceed, exact: true }).click();

    await expect(nativeStatus(app)).toContainText('NO_CC_ENTITLEMENT');
    const puts = (await sandbox.control<LoggedRequest[]>('GET', 'requests')).filter(
      (request) => request.method === 'PUT' && request.path === ASSETS_PATHS.ccConnection,
    );
    expect(puts.map((request) => request.status)).toEqual([422]);
    expect(await appliedChanges(sandbox)).toBe(0);
  });

  test('asks before a native switch to an org whose CC it cannot see; the console then switches', async ({
    sandbox,
    signedInConsole,
  }) => {
    // The extension cannot see this org's CC, but the user holds it: the console accepts.
    const target = orgWithCc('unknown', true);
    const app = await nativeViewReady(await signedInConsole({ until: 'app' }));
    await pickNatively(app, target.id);
    await app.getByRole('button', { name: LABELS.switchButton, exact: true }).click();

    const dialog = app.getByRole('dialog', { name: en.guardUnknownTitle });
    await expect(dialog).toContainText(en.guardUnknowns.replace('{org}', target.name));
    await expect(dialog).toContainText(`${en.unknownCcEntitlement} ${en.consoleDecides}`);
    await expect(dialog).not.toContainText(en.reasonNoCc);
    await dialog.getByRole('button', { name: en.guardProceed, exact: true }).click();

    await expect(app.getByTestId('current-cc-org')).toContainText(target.id);
    expect(await appliedChanges(sandbox)).toBe(1);
  });

  test('an org whose CC it cannot see and the user lacks: the console refuses after Proceed', async ({
    sandbox,
    signedInConsole,
  }) => {
    const target = orgWithCc('unknown', false);
    const app = await nativeViewReady(await signedInConsole({ until: 'app' }));
    await pickNatively(app, target.id);
    await app.getByRole('button', { name: LABELS.switchButton, exact: true }).click();
    await app
      .getByRole('dialog', { name: en.guardUnknownTitle })
      .getByRole('button', { name: en.guardProceed, exact: true })
      .click();

    await expect(nativeStatus(app)).toContainText('NO_CC_ENTITLEMENT');
    expect(await appliedChanges(sandbox)).toBe(0);
  });

  test('in read-only mode, warns before a native switch but leaves the console its own button', async ({
    sandbox,
    serviceWorker,
    signedInConsole,
  }) => {
    const target = orgWithCc('active');
    await writeProtectedSetting(serviceWorker, 'readOnly', true);
    const app = await nativeViewReady(await signedInConsole({ until: 'app' }));
    await pickNatively(app, target.id);
    await app.getByRole('button', { name: LABELS.switchButton, exact: true }).click();
    const dialog = guardDialog(app);
    await expect(dialog).toContainText(en.reasonReadOnly);
    await dialog.getByRole('button', { name: en.guardProceed, exact: true }).click();

    await expect(app.getByTestId('current-cc-org')).toContainText(target.id);
    expect(await appliedChanges(sandbox)).toBe(1);
  });

  test('guards a keyboard-only native switch too; Escape cancels it', async ({ page, sandbox, signedInConsole }) => {
    const target = unentitledOrg();
    const app = await nativeViewReady(await signedInConsole({ until: 'app' }));
    await app.getByRole('button', { name: LABELS.picker }).focus();
    await page.keyboard.press('ArrowDown');
    const listbox = app.getByRole('listbox');
    await expect(listbox).toBeFocused();
    // The worker's state is in once the options carry badges: the guard can then name the reasons.
    await expect.poll(() => nativeOptionBadges(app)).not.toContain(null);
    await page.keyboard.type(target.name.slice(0, 6));
    await page.keyboard.press('Enter');
    await expect(app.getByRole('button', { name: LABELS.picker })).toContainText(target.name);
    await keyboardSwitchIsGuarded(page, app, sandbox);
  });

  test('warns about an org it cannot check when the admin is not signed in', async ({ page, sandbox }) => {
    const target = unentitledOrg();
    await page.goto(sandbox.creativeCloudUrl());
    const app = await nativeViewReady(await appFrameOf(page, sandbox));
    await app.getByRole('button', { name: LABELS.picker }).click();
    await app.getByRole('option').filter({ hasText: target.id }).click();
    await app.getByRole('button', { name: LABELS.switchButton, exact: true }).click();

    // Signed out, the extension has no org list: it says what it cannot check, not that the org is missing.
    const dialog = app.getByRole('dialog', { name: en.guardUnknownTitle });
    await expect(dialog).toContainText(target.id);
    const [before = '', after = ''] = en.guardNoOrgList.split('{org}');
    await expect(dialog).toContainText(before);
    await expect(dialog).toContainText(after);
    await dialog.getByRole('button', { name: en.cancel, exact: true }).click();
    await expect(dialog).toBeHidden();
    expect(await appliedChanges(sandbox)).toBe(0);
  });
});
