import type { Frame } from '@playwright/test';
import { BADGE_HOST_ATTRIBUTE } from '../../lib/console-page/markers';
import { CONSOLE_PROFILE_SOURCE } from '../../lib/console-page/profile';
import { ACTIVE_STATUS_CODE } from '../../lib/service-codes';
import { SCENARIOS, userOf } from '../../sandbox/scenarios';
import { afterContentScriptCheck } from '../drivers/driver';
import { expect, test } from './fixtures';
import { appFrameOf, consoleUi } from './support/console-ui';
import { signInAs } from './support/worker-client';

// The page side of the console content script: where the UI appears, that it appears once
// when the console re-renders, and that an extension reload leaves no trace. Route changes
// away and back run in both browsers (tests/behaviours/lifecycle.ts).

const scenario = SCENARIOS.default;
const LABELS = CONSOLE_PROFILE_SOURCE.labels;
const VIEW_TITLES = { en: 'Creative Cloud Settings', general: 'General Settings', assets: 'Assets' };

/** Our UI instances in a frame: every shadow host except the small per-option badge hosts. */
function uiInstances(frame: Frame): Promise<number> {
  return frame.evaluate(
    (badgeAttribute) =>
      [...document.querySelectorAll('*')].filter(
        (element) => element.shadowRoot !== null && !element.hasAttribute(badgeAttribute),
      ).length,
    BADGE_HOST_ATTRIBUTE,
  );
}

async function showsView(frame: Frame, title: string): Promise<void> {
  await expect(frame.getByRole('heading', { level: 1, name: title, exact: true })).toBeVisible();
}

/** The Creative Cloud view with its data loaded (the picker only exists then). */
async function showsCreativeCloud(frame: Frame, language: keyof typeof LABELS = 'en'): Promise<void> {
  await expect(frame.getByRole('button', { name: LABELS[language].switchButton, exact: true })).toBeVisible();
}

async function navigate(frame: Frame, linkName: string): Promise<void> {
  await frame.getByRole('navigation').getByRole('link', { name: linkName, exact: true }).click();
}

test.describe('where the console UI appears', () => {
  test("appears once on Settings > Creative Cloud inside the shell's app frame, next to the native controls", async ({
    page,
    sandbox,
  }) => {
    await page.goto(sandbox.creativeCloudUrl());
    const app = await appFrameOf(page, sandbox);
    await showsCreativeCloud(app);
    await expect.poll(() => uiInstances(app)).toBe(1);
    const anchoredAfterSwitchButton = await app.evaluate((label) => {
      const slot = document.querySelector('[data-cc-switcher-slot]');
      const controls = slot?.previousElementSibling;
      return [...(controls?.querySelectorAll('button') ?? [])].some((button) => button.textContent === label);
    }, LABELS.en.switchButton);
    expect(anchoredAfterSwitchButton).toBe(true);
    expect(await app.evaluate(() => performance.getEntriesByName('cc-switcher:view-detected').length)).toBe(1);
    expect(await uiInstances(page.mainFrame()), 'nothing in the shell around the frame').toBe(0);
  });

  test('sends the worker nothing on other views, and asks it once the view appears', async ({
    page,
    sandbox,
    serviceWorker,
  }) => {
    // A second listener in the worker counts what content scripts send (it answers nothing).
    await serviceWorker.evaluate(() => {
      const worker = globalThis as typeof globalThis & {
        contentScriptMessages: unknown[];
        chrome: {
          runtime: {
            onMessage: { addListener(listener: (message: unknown, sender: { tab?: unknown }) => void): void };
          };
        };
      };
      worker.contentScriptMessages = [];
      worker.chrome.runtime.onMessage.addListener((message, sender) => {
        if (sender.tab) worker.contentScriptMessages.push(message);
      });
    });
    const messagesFromPages = () =>
      serviceWorker.evaluate(
        () => (globalThis as typeof globalThis & { contentScriptMessages: unknown[] }).contentScriptMessages.length,
      );

    await page.goto(sandbox.shellUrl);
    const app = await appFrameOf(page, sandbox);
    await showsView(app, VIEW_TITLES.assets);
    await navigate(app, VIEW_TITLES.general);
    await showsView(app, VIEW_TITLES.general);
    await afterContentScriptCheck(app);
    await afterContentScriptCheck(page.mainFrame());
    expect(await messagesFromPages()).toBe(0);

    await navigate(app, 'Creative Cloud');
    await showsCreativeCloud(app);
    await expect.poll(messagesFromPages).toBeGreaterThan(0);
  });

  // The Assets app opened on its own, outside the shell, is no console: tests/e2e/console-urls.spec.ts.

  for (const language of ['sv', 'de', 'ja'] as const) {
    test(`recognises the ${language} console by its localized labels`, async ({ page, sandbox }) => {
      await page.goto(sandbox.creativeCloudUrl(undefined, language));
      const app = await appFrameOf(page, sandbox);
      await showsCreativeCloud(app, language);
      await expect.poll(() => uiInstances(app)).toBe(1);
    });
  }
});

test.describe('one UI however the console changes', () => {
  test('keeps one UI, re-anchored, when the console re-renders the view after a native switch', async ({
    page,
    sandbox,
    workerClient,
  }) => {
    const admin = userOf(scenario, scenario.consoleUserId);
    const target = scenario.orgs.find(
      (org) =>
        org.id !== scenario.initialConnection.orgId &&
        admin?.products.some(
          (grant) =>
            grant.orgId === org.id && grant.capability === 'creativeCloud' && grant.statusCode === ACTIVE_STATUS_CODE,
        ),
    );
    if (!admin || !target) throw new Error('The default scenario has an eligible org besides the connected one');
    const client = await workerClient();
    expect((await signInAs(client, admin)).ok).toBe(true);

    await page.goto(sandbox.creativeCloudUrl());
    const app = await appFrameOf(page, sandbox);
    await showsCreativeCloud(app);
    await expect.poll(() => uiInstances(app)).toBe(1);
    const slotBeforeSwitch = await app.evaluateHandle(() => document.querySelector('[data-cc-switcher-slot]'));

    // Our summary, then badges on the option: the worker's state is in, the guard knows the org is eligible.
    await expect(consoleUi(app).getByTestId('summary')).toBeVisible();
    const picker = app.getByRole('button', { name: LABELS.en.picker });
    await picker.click();
    await expect(picker).toHaveAttribute('aria-expanded', 'true');
    const option = app.getByRole('option').filter({ hasText: target.id });
    await expect(option.locator(`[${BADGE_HOST_ATTRIBUTE}]`)).toHaveCount(1);
    await option.click();
    await app.getByRole('button', { name: LABELS.en.switchButton, exact: true }).click();
    await expect(app.getByTestId('current-cc-org')).toContainText(target.id);

    await afterContentScriptCheck(app);
    expect(await uiInstances(app)).toBe(1);
    const sameSlotBackInPlace = await slotBeforeSwitch.evaluate((slot) => {
      const switchRow = slot?.previousElementSibling;
      return Boolean(slot?.isConnected && switchRow?.querySelector('[aria-haspopup="listbox"]'));
    });
    expect(sameSlotBackInPlace).toBe(true);
    const state = await sandbox.control<{ appliedChanges: number }>('GET', 'state');
    expect(state.appliedChanges).toBe(1);
  });
});

test.describe('extension reload', () => {
  test('removes the old UI without errors in the page', async ({ page, sandbox, serviceWorker }) => {
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.stack ?? error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(message.text());
    });
    await page.goto(sandbox.creativeCloudUrl());
    const app = await appFrameOf(page, sandbox);
    await showsCreativeCloud(app);
    await expect.poll(() => uiInstances(app)).toBe(1);

    // The worker goes away with the extension, so its evaluate call may not come back.
    void serviceWorker
      .evaluate(() =>
        (globalThis as typeof globalThis & { chrome: { runtime: { reload(): void } } }).chrome.runtime.reload(),
      )
      .catch(() => {});
    await expect.poll(() => uiInstances(app), { timeout: 10_000 }).toBe(0);
    expect(await app.evaluate(() => document.querySelectorAll('[data-cc-switcher-slot]').length)).toBe(0);

    // The orphaned script must stay quiet while the console keeps changing.
    await navigate(app, VIEW_TITLES.general);
    await showsView(app, VIEW_TITLES.general);
    await navigate(app, 'Creative Cloud');
    await showsCreativeCloud(app);
    await afterContentScriptCheck(app);
    expect(pageErrors).toEqual([]);
  });
});
