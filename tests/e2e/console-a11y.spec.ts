import type { Page } from '@playwright/test';
import { CONSOLE_UI_TAG } from '../../components/console/ui-tag';
import en from '../../locales/en.json' with { type: 'json' };
import { expect, test } from './fixtures';
import { axeOn, seriousViolationsIn } from './support/axe';
import { consoleUi, openConsoleApp } from './support/console-ui';

// axe-core on our UI only (the console is Adobe's page, not ours to judge): the status panel,
// the open switcher and the confirmation dialog, in light and dark.

/** Serious and critical violations inside our shadow host, in the console's app frame. */
async function seriousViolations(page: Page) {
  const results = await axeOn(page, { fromFrames: ['iframe', CONSOLE_UI_TAG] });
  // Guard against a vacuous pass: axe must have looked inside our shadow root.
  const checkedTargets = results.passes.flatMap((rule) => rule.nodes.map((node) => JSON.stringify(node.target)));
  expect(checkedTargets.some((target) => target.includes(CONSOLE_UI_TAG))).toBe(true);
  return seriousViolationsIn(results);
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`axe finds no serious or critical violations in our UI (${colorScheme})`, async ({ page, signedInConsole }) => {
    await page.emulateMedia({ colorScheme });
    const app = await signedInConsole();
    const ui = consoleUi(app);
    expect(await seriousViolations(page), 'status panel').toEqual([]);

    await ui.getByRole('button', { name: en.openSwitcher }).click();
    await expect(ui.getByRole('option').first()).toBeVisible();
    expect(await seriousViolations(page), 'open switcher').toEqual([]);

    await ui.getByRole('option', { name: /Acme Design Studio/ }).click();
    await expect(app.getByRole('dialog', { name: en.confirmTitle })).toBeVisible();
    expect(await seriousViolations(page), 'confirmation dialog').toEqual([]);
  });
}

test('axe finds no serious or critical violations when signed out', async ({ page, sandbox }) => {
  const app = await openConsoleApp(page, sandbox);
  await expect(consoleUi(app).getByRole('button', { name: en.signIn })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});
