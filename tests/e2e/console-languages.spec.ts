import type { Frame } from '@playwright/test';
import { UI_SLOT_ATTRIBUTE } from '../../lib/console-page/markers';
import en from '../../locales/en.json' with { type: 'json' };
import { translatorFor } from '../../sandbox/console/browser/locales';
import type { ConsoleLanguage } from '../../sandbox/console/browser/locales/languages';
import { SCENARIOS, userOf } from '../../sandbox/scenarios';
import { type ExtensionFixtures, expect, test } from './fixtures';
import { consoleUi, nativeOptionBadges } from './support/console-ui';
import { consoleTabId } from './support/extension-pages';
import { injectPolicy } from './support/options-page';

// A console in a language the console profile has no labels for (es, ko, zh-TW): the extension
// finds the view by structure, shows nothing until the picker's options prove they are the
// user's orgs, then puts its badges on them and switches through the console page.

const scenario = SCENARIOS.default;
const orgNamed = (name: string) => {
  const org = scenario.orgs.find((candidate) => candidate.name === name);
  if (!org) throw new Error(`No org ${name}`);
  return org;
};
const acme = orgNamed('Acme');
const design = orgNamed('Acme Design Studio');
const admin = userOf(scenario, scenario.consoleUserId);

/** Signed in as the console's admin, on the console in `lang` with React Spectrum's portalled picker. */
async function openConsoleIn(
  { sandbox, signedInConsole }: Pick<ExtensionFixtures, 'sandbox' | 'signedInConsole'>,
  lang: ConsoleLanguage,
): Promise<Frame> {
  const app = await signedInConsole({
    lang,
    until: 'app',
    user: admin,
    arrange: async () => {
      await sandbox.control('POST', 'assets-api', { extensionAccess: 'forbidden' });
      await sandbox.control('POST', 'console', { picker: 'portalled' });
    },
  });
  await expect(app.getByRole('button', { name: translatorFor(lang)('switchButton'), exact: true })).toBeVisible();
  return app;
}

for (const lang of ['es', 'ko', 'zh-TW'] as const) {
  test(`on a ${lang} console, the UI waits for the picker's options to be the user's orgs, then badges them`, async ({
    sandbox,
    signedInConsole,
  }) => {
    const app = await openConsoleIn({ sandbox, signedInConsole }, lang);
    // Recognised by structure and injected, but hidden: nothing is confirmed yet.
    await expect(app.locator(`[${UI_SLOT_ATTRIBUTE}]`)).toBeAttached();
    await expect(consoleUi(app)).toBeHidden();

    await app.getByRole('button', { name: translatorFor(lang)('pickerLabel') }).click();
    await expect(app.getByRole('option').first()).toBeVisible();
    await expect(consoleUi(app)).toBeVisible();
    await expect(consoleUi(app).getByTestId('connected-org')).toContainText(acme.name);
    await expect.poll(() => nativeOptionBadges(app)).not.toContain(null);
    expect((await nativeOptionBadges(app)).every((badges) => (badges?.length ?? 0) > 0)).toBe(true);
  });
}

test('on an es console, switches through the console page, reported by the console from the card found by structure', async ({
  page,
  sandbox,
  signedInConsole,
}) => {
  const app = await openConsoleIn({ sandbox, signedInConsole }, 'es');
  await app.getByRole('button', { name: translatorFor('es')('pickerLabel') }).click();
  await expect(consoleUi(app)).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(app.getByRole('option')).toHaveCount(0);

  const ui = consoleUi(app);
  await ui.getByRole('button', { name: en.openSwitcher }).click();
  await ui.getByRole('combobox', { name: en.search }).fill(design.name);
  await ui
    .getByRole('option')
    .filter({ has: app.getByText(design.name, { exact: true }) })
    .click();
  const dialog = app.getByRole('dialog', { name: en.confirmTitle });
  await dialog.getByRole('button', { name: en.confirmSwitch }).click();
  // Through the console page: only its card vouches for the switch.
  await expect(ui.getByTestId('progress')).toHaveText(en.reportedByConsole.replace('{org}', design.name));
  await expect(app.getByTestId('current-cc-org')).toContainText(design.id);
  const state = await sandbox.control<{ connectedOrg: { id: string } | null; appliedChanges: number }>('GET', 'state');
  expect(state.connectedOrg?.id).toBe(design.id);
  expect(state.appliedChanges).toBe(1);
});

test('labels IT gives by policy make an es console recognised by its labels: the UI shows at once; a refused entry is named', async ({
  sandbox,
  serviceWorker,
  signedInConsole,
  optionsPage,
}) => {
  const t = translatorFor('es');
  await injectPolicy(serviceWorker, {
    consoleProfile: {
      labels: {
        es: { picker: t('pickerLabel'), switchButton: t('switchButton'), currentOrgHeading: t('ccCurrentOrgHeading') },
        ko: { picker: '', switchButton: '조직 전환' },
      },
    },
  });
  const app = await openConsoleIn({ sandbox, signedInConsole }, 'es');
  // No picker opened: only a view recognised by labels shows the UI before its options are seen.
  await expect(consoleUi(app)).toBeVisible();
  await expect(consoleUi(app).getByTestId('connected-org')).toContainText(acme.name);
  await expect(app.getByRole('option')).toHaveCount(0);

  const options = await optionsPage();
  await expect(options.getByTestId('policy-refused-console-profile')).toContainText('labels.ko');
});

test('diagnostics for the es console tab carry its page shape: found by structure, no org name, id or user name', async ({
  sandbox,
  serviceWorker,
  signedInConsole,
  workerClient,
}) => {
  const app = await openConsoleIn({ sandbox, signedInConsole }, 'es');
  await expect(app.locator(`[${UI_SLOT_ATTRIBUTE}]`)).toBeAttached();
  const client = await workerClient();
  const report = await client.data({ type: 'getDiagnostics', tabId: await consoleTabId(serviceWorker, sandbox) });
  await client.page.close();
  const t = translatorFor('es');
  const appFrame = report.pageShape?.frames.find((frame) => !frame.topFrame);
  expect(appFrame).toMatchObject({
    lang: 'es',
    detection: { signal: 'structure' },
    orgIdShown: { section: false, beside: true },
    headings: [t('ccCurrentOrgHeading'), t('ccOrgSectionHeading'), t('ccIntegrationHeading')],
  });
  expect(appFrame?.pickers[0]?.picker).toMatchObject({ name: t('pickerLabel'), popup: 'listbox' });
  expect(appFrame?.pickers[0]?.nearby.map(({ name }) => name)).toEqual([t('switchButton')]);
  const shape = JSON.stringify(report.pageShape);
  for (const org of scenario.orgs) {
    expect(shape).not.toContain(org.id);
    expect(shape).not.toContain(org.name);
  }
  expect(shape).not.toContain(admin?.name ?? 'no admin');
});

test('on an es console whose picker lists orgs the signed-in user mostly does not have, the UI stays hidden', async ({
  sandbox,
  signedInConsole,
}) => {
  // Alan sees three of the six orgs the console's own user (Ada) is offered in the native picker.
  const alan = scenario.users.find((user) => user.email === 'alan@acme.example');
  if (!alan) throw new Error('The default scenario lacks alan@acme.example');
  const app = await signedInConsole({
    lang: 'es',
    until: 'app',
    user: alan,
    arrange: () => sandbox.control('POST', 'console', { picker: 'portalled' }),
  });
  // The worker's state has arrived in the (hidden) UI: the oracle is there.
  await expect(consoleUi(app).getByTestId('summary')).toBeAttached();
  await app.getByRole('button', { name: translatorFor('es')('pickerLabel') }).click();
  await expect(app.getByRole('option')).toHaveCount(scenario.orgs.length);
  // Let the content script's mutation → animation-frame check run on the open list.
  await app.evaluate(
    () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))),
  );
  await expect(consoleUi(app)).toBeHidden();
  expect(await nativeOptionBadges(app)).toEqual(scenario.orgs.map(() => null));
});
