import { type Browser, chromium, type FrameLocator, type Page } from '@playwright/test';
import { ACTIVE_STATUS_CODE } from '../../lib/service-codes';
import { PICKER_FORMS } from '../../sandbox/console/picker-forms';
import { SCENARIOS, userOf } from '../../sandbox/scenarios';
import { expect, test as extensionTest } from './fixtures';
import { axeOn, seriousViolationsIn } from './support/axe';
import { CHROMIUM_PATH } from './support/paths';

// The sandbox's native console on its own, without the extension: the page the extension
// later augments must work by itself. A plain Chromium per worker, a fresh context per test.
const test = extensionTest.extend<{ consolePage: Page }, { consoleBrowser: Browser }>({
  consoleBrowser: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads fixture dependencies from the pattern.
    async ({}, use) => {
      const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--no-sandbox', '--disable-gpu'] });
      await use(browser);
      await browser.close();
    },
    { scope: 'worker' },
  ],
  consolePage: async ({ consoleBrowser }, use) => {
    const context = await consoleBrowser.newContext();
    await use(await context.newPage());
    await context.close();
  },
});

const scenario = SCENARIOS.default;
const consoleUser = userOf(scenario, scenario.consoleUserId);
const connectedOrgId = scenario.initialConnection.orgId;
const xssOrg = scenario.orgs.find((org) => org.name.includes('<img'));

/** Ground truth from the scenario: an org where the console user has active Creative Cloud, not the connected one. */
const eligibleOrg = scenario.orgs.find(
  (org) =>
    org.id !== connectedOrgId &&
    consoleUser?.products.some(
      (grant) =>
        grant.orgId === org.id && grant.capability === 'creativeCloud' && grant.statusCode === ACTIVE_STATUS_CODE,
    ),
);
// The console decides by the user's true entitlement, whatever IMS shows.
const unentitledOrg = scenario.orgs.find((org) => !consoleUser?.ccOrgIds.includes(org.id));

const LABELS = {
  en: { title: 'Creative Cloud Settings', picker: 'Select new Creative Cloud org ID', switch: 'Switch orgs' },
  sv: { title: 'Creative Cloud-inställningar', picker: 'Select new Creative Cloud org ID', switch: 'Switch orgs' },
  de: {
    title: 'Creative Cloud-Einstellungen',
    picker: 'Neue Creative Cloud-Organisations-ID auswählen',
    switch: 'Organisationen wechseln',
  },
  ja: { title: 'Creative Cloud 設定', picker: '新しい Creative Cloud 組織 ID を選択', switch: '組織を切り替え' },
} as const;
type Language = keyof typeof LABELS;

/** Opens the shell's deep link and waits until the app in the frame has loaded its data. */
async function openCreativeCloud(page: Page, url: string, language: Language): Promise<FrameLocator> {
  await page.goto(url);
  const app = page.frameLocator('iframe');
  await expect(app.getByRole('heading', { level: 1, name: LABELS[language].title })).toBeVisible();
  await expect(app.getByRole('button', { name: LABELS[language].picker })).toBeVisible();
  return app;
}

async function switchThroughTheShell(app: FrameLocator, language: Language, orgId: string): Promise<void> {
  const labels = LABELS[language];
  const switchButton = app.getByRole('button', { name: labels.switch, exact: true });
  await expect(switchButton).toBeDisabled();
  await app.getByRole('button', { name: labels.picker }).click();
  await app.getByRole('option').filter({ hasText: orgId }).click();
  await expect(switchButton).toBeEnabled();
  await switchButton.click();
}

test.describe('the sandbox console without the extension', () => {
  test.beforeAll(() => {
    expect(eligibleOrg, 'the default scenario has an eligible org besides the connected one').toBeDefined();
    expect(xssOrg, 'the default scenario has an org with markup in its name').toBeDefined();
  });

  for (const language of ['en', 'sv'] as const) {
    test(`switches the CC org natively through the shell (${language})`, async ({ consolePage, sandbox }) => {
      const target = eligibleOrg ?? scenario.orgs[0];
      if (!target) throw new Error('no org to switch to');
      const app = await openCreativeCloud(consolePage, sandbox.creativeCloudUrl(undefined, language), language);
      await expect(app.locator('html')).toHaveAttribute('lang', language);

      await switchThroughTheShell(app, language, target.id);

      await expect(app.getByRole('status')).toContainText(target.name);
      const currentOrg = app.getByTestId('current-cc-org');
      await expect(currentOrg).toContainText(target.id);
      await expect(currentOrg).toContainText(target.name);
      const state = await sandbox.control<{ appliedChanges: number; connectedOrg: { id: string } | null }>(
        'GET',
        'state',
      );
      expect(state.appliedChanges).toBe(1);
      expect(state.connectedOrg?.id).toBe(target.id);
    });
  }

  test('shows the API refusal with its code and changes nothing', async ({ consolePage, sandbox }) => {
    const target = unentitledOrg ?? scenario.orgs[0];
    if (!target) throw new Error('no org to switch to');
    const app = await openCreativeCloud(consolePage, sandbox.creativeCloudUrl(), 'en');

    await switchThroughTheShell(app, 'en', target.id);

    await expect(app.getByRole('status')).toContainText('NO_CC_ENTITLEMENT');
    await expect(app.getByTestId('current-cc-org')).toContainText(connectedOrgId ?? 'No Creative Cloud org');
    expect((await sandbox.control<{ appliedChanges: number }>('GET', 'state')).appliedChanges).toBe(0);
  });

  test('renders the picker options only while the listbox is open', async ({ consolePage, sandbox }) => {
    const app = await openCreativeCloud(consolePage, sandbox.creativeCloudUrl(), 'en');
    const picker = app.getByRole('button', { name: LABELS.en.picker });
    await expect(app.getByRole('option')).toHaveCount(0);

    await picker.click();
    await expect(picker).toHaveAttribute('aria-expanded', 'true');
    await expect(app.getByRole('option')).toHaveCount(consoleUser?.orgIds.length ?? -1);
    await expect(app.getByRole('option', { selected: true })).toHaveCount(0);

    await consolePage.keyboard.press('Escape');
    await expect(app.getByRole('listbox')).toHaveCount(0);
    await expect(app.getByRole('option')).toHaveCount(0);
    await expect(picker).toHaveAttribute('aria-expanded', 'false');
    await expect(picker).toBeFocused();

    // Keyboard: open with ArrowDown (first option active), move once, choose with Enter.
    await consolePage.keyboard.press('ArrowDown');
    await consolePage.keyboard.press('ArrowDown');
    await consolePage.keyboard.press('Enter');
    await expect(app.getByRole('option')).toHaveCount(0);
    const second = scenario.orgs.find((org) => org.id === consoleUser?.orgIds[1]);
    // The trigger's name is the label, then the chosen value (as Spectrum pickers do).
    await expect(picker).toHaveAccessibleName(`${LABELS.en.picker} ${second?.name ?? 'missing'}`);
    await expect(app.getByRole('button', { name: LABELS.en.switch })).toBeEnabled();

    await picker.click();
    await expect(app.getByRole('option', { selected: true })).toContainText(second?.id ?? 'missing');
  });

  test('has no accessibility violations with the picker open', async ({ consolePage, sandbox }) => {
    const app = await openCreativeCloud(consolePage, sandbox.creativeCloudUrl(), 'en');
    await app.getByRole('button', { name: LABELS.en.picker }).click();
    await expect(app.getByRole('option').first()).toBeVisible();
    const results = await axeOn(consolePage);
    expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
  });

  for (const language of ['de', 'ja'] as const) {
    test(`labels the picker and the button in ${language}`, async ({ consolePage, sandbox }) => {
      const app = await openCreativeCloud(consolePage, sandbox.creativeCloudUrl(undefined, language), language);
      await expect(app.locator('html')).toHaveAttribute('lang', language);
      await expect(consolePage.locator('html')).toHaveAttribute('lang', language);
      await expect(app.getByText(LABELS[language].picker, { exact: true })).toBeVisible();
      await expect(app.getByRole('button', { name: LABELS[language].switch, exact: true })).toBeDisabled();
    });
  }

  test('shows an org name with markup as literal text', async ({ consolePage, sandbox }) => {
    const dialogs: string[] = [];
    consolePage.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const app = await openCreativeCloud(consolePage, sandbox.creativeCloudUrl(), 'en');
    await app.getByRole('button', { name: LABELS.en.picker }).click();

    const option = app.getByRole('option').filter({ hasText: xssOrg?.id ?? 'missing' });
    await expect(option.locator('.option-name')).toHaveText(xssOrg?.name ?? 'missing');
    await expect(app.getByRole('listbox').locator('img')).toHaveCount(0);
    expect(dialogs).toEqual([]);
  });

  test('keeps the shell URL and the app route in sync without page loads', async ({ consolePage, sandbox }) => {
    const tenant = scenario.aemOrg.tenant;
    const app = await openCreativeCloud(consolePage, sandbox.creativeCloudUrl(), 'en');
    await expect(consolePage.getByTestId('shell-org-name')).toHaveText(scenario.aemOrg.name);
    // Markers vanish if either document reloads.
    await consolePage.evaluate(() => Object.assign(window, { consoleMarker: 'shell' }));
    const appFrame = consolePage.frames().find((frame) => frame.url().startsWith(`${sandbox.appOrigin}/app/`));
    if (!appFrame) throw new Error('the app frame is not on the second origin');
    await appFrame.evaluate(() => Object.assign(window, { consoleMarker: 'app' }));

    await app.getByRole('link', { name: 'Assets', exact: true }).click();
    await expect(app.getByRole('heading', { level: 1, name: 'Assets' })).toBeVisible();
    await expect(consolePage).toHaveURL(new RegExp(`#/@${tenant}/assets/browse$`));
    await expect(app.getByRole('link', { name: 'Assets', exact: true })).toHaveAttribute('aria-current', 'page');

    await app.getByRole('link', { name: 'Creative Cloud', exact: true }).click();
    await expect(app.getByRole('heading', { level: 1, name: LABELS.en.title })).toBeVisible();
    await expect(consolePage).toHaveURL(new RegExp(`#/@${tenant}/assets/settings/creative-cloud$`));

    // The other way: the shell's URL changes (a typed URL, a bookmark) and the app follows.
    await consolePage.evaluate((hash) => {
      location.hash = hash;
    }, `#/@${tenant}/assets/settings/general`);
    await expect(app.getByRole('heading', { level: 1, name: 'General Settings' })).toBeVisible();
    await expect(app.getByText(scenario.aemOrg.id)).toBeVisible();

    await consolePage.goBack();
    await expect(app.getByRole('heading', { level: 1, name: LABELS.en.title })).toBeVisible();

    expect(await consolePage.evaluate(() => (window as { consoleMarker?: string }).consoleMarker)).toBe('shell');
    expect(await appFrame.evaluate(() => (window as { consoleMarker?: string }).consoleMarker)).toBe('app');
  });

  for (const form of PICKER_FORMS) {
    test(`the ${form} picker works by keyboard and mouse, and "Switch orgs" waits for a pick`, async ({
      consolePage,
      sandbox,
    }) => {
      const target = eligibleOrg ?? scenario.orgs[0];
      const first = scenario.orgs.find((org) => org.id === consoleUser?.orgIds[0]);
      if (!target || !first) throw new Error('no org to switch to');
      await sandbox.control('POST', 'console', { picker: form });
      const app = await openCreativeCloud(consolePage, sandbox.creativeCloudUrl(), 'en');
      const picker = app.getByRole('button', { name: LABELS.en.picker });
      const switchButton = app.getByRole('button', { name: LABELS.en.switch, exact: true });
      await expect(switchButton).toBeDisabled();

      // Keyboard: ArrowDown opens on the first option, Enter chooses it, focus returns to the picker.
      await picker.focus();
      await consolePage.keyboard.press('ArrowDown');
      await expect(app.getByRole('option')).toHaveCount(consoleUser?.orgIds.length ?? -1);
      await consolePage.keyboard.press('Enter');
      await expect(app.getByRole('option')).toHaveCount(0);
      await expect(picker).toHaveAccessibleName(`${LABELS.en.picker} ${first.name}`);
      await expect(picker).toBeFocused();
      await expect(switchButton).toBeEnabled();

      // Mouse: a click outside closes it; a click on an option chooses it.
      // While open, React Spectrum's modal popover hides the rest of the page (trigger included)
      // from assistive technology and makes it inert: find the trigger by its popup, click the
      // title's spot with the mouse (an inert title passes the click on to the page behind it).
      await picker.click();
      await expect(app.locator('[aria-haspopup="listbox"][aria-expanded="true"]')).toHaveCount(1);
      const title = await app.locator('h1').boundingBox();
      if (!title) throw new Error('the view has a title');
      await consolePage.mouse.click(title.x + 4, title.y + title.height / 2);
      await expect(app.getByRole('option')).toHaveCount(0);
      await picker.click();
      await app.getByRole('option', { name: target.name }).first().click();
      await expect(picker).toHaveAccessibleName(`${LABELS.en.picker} ${target.name}`);
      await switchButton.click();

      await expect(app.getByTestId('current-cc-org')).toContainText(target.id);
      expect((await sandbox.control<{ appliedChanges: number }>('GET', 'state')).appliedChanges).toBe(1);
    });

    test(`has no serious accessibility violations with the ${form} picker open`, async ({ consolePage, sandbox }) => {
      await sandbox.control('POST', 'console', { picker: form });
      const app = await openCreativeCloud(consolePage, sandbox.creativeCloudUrl(), 'en');
      await app.getByRole('button', { name: LABELS.en.picker }).click();
      await expect(app.getByRole('option').first()).toBeVisible();
      // Serious and critical ones: a popover portalled to the end of <body> sits outside the page's
      // landmarks by design (that is what portalling libraries do), a moderate best-practice finding.
      expect(seriousViolationsIn(await axeOn(consolePage))).toEqual([]);
    });
  }
});
