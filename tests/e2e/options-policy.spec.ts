import type { Frame } from '@playwright/test';
import { BADGE_HOST_ATTRIBUTE } from '../../lib/console-page/markers';
import { CONSOLE_PROFILE_SOURCE } from '../../lib/console-page/profile';
import { SANDBOX_CLIENT_ID } from '../../lib/environment';
import en from '../../locales/en.json' with { type: 'json' };
import { SCENARIOS, userOf } from '../../sandbox/scenarios';
import { orgNamed } from '../support/scenario-orgs';
import { expect, test } from './fixtures';
import { openSwitcherList, switchFromExtensionPage } from './steps';
import { appliedChanges } from './support/attack-surfaces';
import { consoleUi, nativeOptions, shownOrgs } from './support/console-ui';
import { shownState } from './support/entitlement-truth';
import { clientIdField, environmentSelect, injectPolicy, readOnlyCheckbox } from './support/options-page';

// Enterprise policy, injected the documented way for the sandbox build (tests/HARNESS.md "Options
// and enterprise policy in tests"): locked fields in options, the CC org allowlist through the shared entitlement
// model (switcher, native picker, worker), a partly invalid policy, and a change applied live.

const acme = SCENARIOS.default;
const ada = userOf(acme, acme.consoleUserId);
const design = orgNamed('Acme Design Studio');
const odd = orgNamed('Åsa & Söner AB <img src=x onerror=alert(1)>');
if (!ada) throw new Error('The default scenario has a console admin');

test('policy locks its fields: disabled, marked "Set by your organization", and the worker refuses them', async ({
  sandbox,
  serviceWorker,
  workerClient,
  optionsPage,
}) => {
  await injectPolicy(serviceWorker, {
    environment: { name: 'sandbox', imsBaseUrl: sandbox.apiBaseUrl, assetsBaseUrl: sandbox.apiBaseUrl },
    clientId: SANDBOX_CLIENT_ID,
    readOnly: true,
    consoleHosts: ['https://aem.policy-example.test/*'],
  });
  const options = await optionsPage();
  // A console host the policy names is listed as set by the organization, with no Remove, and
  // waits for the browser's grant like an added one.
  const policyHost = options.getByTestId('hosts-policy').getByRole('listitem');
  await expect(policyHost).toContainText('https://aem.policy-example.test');
  await expect(policyHost).toContainText(en.optionsLockedByPolicy);
  await expect(policyHost.getByTestId('host-status')).toHaveText(en.hostsStatusPermissionMissing);
  await expect(policyHost.getByRole('button', { name: /remove/i })).toHaveCount(0);
  await expect(options.getByTestId('policy-active')).toHaveText(en.optionsPolicyActive);
  for (const id of ['environment-locked', 'client-id-locked', 'read-only-locked']) {
    await expect(options.getByTestId(id)).toContainText(en.optionsLockedByPolicy);
  }
  await expect(environmentSelect(options)).toBeDisabled();
  await expect(environmentSelect(options)).toHaveAccessibleDescription(new RegExp(en.optionsLockedByPolicy));
  await expect(clientIdField(options)).toBeDisabled();
  await expect(readOnlyCheckbox(options)).toBeDisabled();
  await expect(readOnlyCheckbox(options)).toBeChecked();
  await expect(options.getByRole('button', { name: en.optionsSave })).toBeDisabled();

  const client = await workerClient();
  expect(await client.send({ type: 'saveSettings', readOnly: false })).toMatchObject({
    ok: false,
    error: { code: 'POLICY_LOCKED' },
  });
  expect(await client.send({ type: 'saveSettings', clientId: 'someone-else' })).toMatchObject({
    ok: false,
    error: { code: 'POLICY_LOCKED' },
  });
  await expect(readOnlyCheckbox(options)).toBeChecked();
});

/** The badges of each native picker option, by org id text. */
async function nativeBadges(app: Frame) {
  const labels = CONSOLE_PROFILE_SOURCE.labels.en;
  await app.getByRole('button', { name: labels.picker }).click();
  const options = app.getByRole('option');
  await expect(options.first()).toBeVisible();
  await expect(options.locator(`[${BADGE_HOST_ATTRIBUTE}]`)).toHaveCount(await options.count());
  return nativeOptions(app);
}

test('the CC org allowlist blocks every other org: badge and reason in the switcher and the native picker, and the worker refuses', async ({
  sandbox,
  serviceWorker,
  signedInConsole,
  workerClient,
  optionsPage,
}) => {
  await injectPolicy(serviceWorker, { allowedCcOrgIds: [acme.initialConnection.orgId, odd.id].filter(Boolean) });
  const app = await signedInConsole();
  const ui = consoleUi(app);
  await openSwitcherList(app);

  const shown = await shownOrgs(app);
  const blocked = shown.find((org) => org.orgId === design.id);
  expect(blocked).toMatchObject({ disabled: true, badges: expect.arrayContaining(['blockedByPolicy']) });
  expect(blocked?.reasons).toContain(en.reasonBlocked);
  await expect(ui.getByRole('option', { name: new RegExp(design.name) })).toContainText(en.badgeBlocked);
  const allowed = shown.find((org) => org.orgId === odd.id);
  expect(allowed?.badges).not.toContain('blockedByPolicy');
  expect(allowed?.disabled).toBe(false);

  await ui.getByRole('button', { name: en.close }).click();
  const native = await nativeBadges(app);
  expect(native.find((option) => option.text.includes(design.id))?.badges).toContain('blockedByPolicy');
  expect(native.find((option) => option.text.includes(odd.id))?.badges).not.toContain('blockedByPolicy');

  const answer = await switchFromExtensionPage(await workerClient(), sandbox, design.id);
  expect(answer).toMatchObject({ ok: false, error: { code: 'NOT_ELIGIBLE', message: /BLOCKED_BY_POLICY/ } });
  expect(await appliedChanges(sandbox)).toBe(0);

  const options = await optionsPage();
  await expect(options.getByTestId('policy-allowlist')).toHaveText(en.optionsAllowlist.replace('{count}', '2'));
});

test('a partly invalid policy applies its good fields, fails closed on the bad restrictions and says so', async ({
  serviceWorker,
  optionsPage,
}) => {
  await injectPolicy(serviceWorker, {
    readOnly: 'true',
    allowedCcOrgIds: ['not-an-org'],
    clientId: 'no spaces allowed',
    consoleHosts: ['https://*.com/*', 'https://aem.policy-example.test/*'],
  });
  const options = await optionsPage();
  await expect(options.getByTestId('policy-invalid')).toHaveText(
    en.optionsPolicyInvalid.replace('{fields}', 'clientId'),
  );
  await expect(options.getByTestId('policy-refused-allowlist')).toHaveText(
    en.optionsPolicyRefusedAllowlistEntries.replace('{entries}', 'not-an-org').replace('{count}', '0'),
  );
  await expect(options.getByTestId('policy-unreadable-readOnly')).toHaveText(en.optionsPolicyUnreadableReadOnly);
  // A wildcard host is refused; the one valid host still applies.
  await expect(options.getByTestId('policy-refused-hosts')).toHaveText(
    en.optionsPolicyRefusedHosts.replace('{entries}', 'https://*.com/*').replace('{count}', '1'),
  );
  // An unreadable readOnly means read-only, and an allowlist with no valid entry blocks every org.
  await expect(readOnlyCheckbox(options)).toBeDisabled();
  await expect(readOnlyCheckbox(options)).toBeChecked();
  await expect(options.getByTestId('policy-allowlist')).toHaveText(en.optionsAllowlist.replace('{count}', '0'));
  // The invalid client ID is ignored: the user's own stays in force and editable.
  await expect(clientIdField(options)).toBeEnabled();
  await expect(clientIdField(options)).toHaveValue(SANDBOX_CLIENT_ID);
});

test('policy can refuse orgs whose CC the extension cannot see: shown locked, refused in the switcher and worker', async ({
  sandbox,
  serviceWorker,
  signedInConsole,
  workerClient,
  optionsPage,
}) => {
  if (!ada) throw new Error('The default scenario has a console admin');
  const unknown = acme.orgs.find((org) => shownState(ada, org.id, 'creativeCloud') === 'unknown');
  if (!unknown) throw new Error('The default scenario has an org whose CC no source shows');
  await injectPolicy(serviceWorker, { blockUnknownEntitlements: true });
  const options = await optionsPage();
  await expect(options.getByTestId('block-unknown-locked')).toContainText(en.optionsLockedByPolicy);
  await expect(options.getByTestId('block-unknown-entitlements')).toBeDisabled();
  await expect(options.getByTestId('block-unknown-entitlements')).toBeChecked();

  const app = await signedInConsole();
  await openSwitcherList(app);
  const shown = (await shownOrgs(app)).find((org) => org.orgId === unknown.id);
  expect(shown).toMatchObject({ disabled: true, badges: expect.arrayContaining(['ccUnknown']) });
  expect(shown?.reasons).toContain(en.reasonCcUnknown);
  const refused = await switchFromExtensionPage(await workerClient(), sandbox, unknown.id);
  expect(refused).toMatchObject({ ok: false, error: { code: 'NOT_ELIGIBLE' } });
  expect(await appliedChanges(sandbox)).toBe(0);
});
