import type { Frame, Page } from '@playwright/test';
import type { HistoryEntry } from '../../lib/history/entry';
import en from '../../locales/en.json' with { type: 'json' };
import { orgOf, SCENARIOS, userOf } from '../../sandbox/scenarios';
import { parseCsv } from '../support/csv';
import { historyEntry } from '../support/history-entries';
import { type ExtensionFixtures, expect, test } from './fixtures';
import { consoleUi } from './support/console-ui';
import { writeProtectedSetting } from './support/extension-environment';
import { downloadedText, issuedTokens, seriousPageViolations } from './support/extension-pages';

const acme = SCENARIOS.default;
const ada = userOf(acme, acme.consoleUserId);
const connectedAtStart = orgOf(acme, acme.initialConnection.orgId ?? '');
const design = acme.orgs.find((org) => org.name === 'Acme Design Studio');
if (!ada || !connectedAtStart || !design) throw new Error('The default scenario changed');

/** Switches to Acme Design Studio through the extension's switcher on the console page, as an admin would. */
async function switchOnThePage(app: Frame) {
  const ui = consoleUi(app);
  await ui.getByRole('button', { name: en.openSwitcher }).click();
  await ui
    .getByRole('option')
    .filter({ has: app.getByText(design?.name ?? '', { exact: true }) })
    .click();
  await app.getByRole('dialog', { name: en.confirmTitle }).getByRole('button', { name: en.confirmSwitch }).click();
  await expect(ui.getByRole('status').filter({ hasText: 'Verified' })).toBeVisible();
}

/** The options page once the admin has switched on the console page: its history holds that switch. */
async function optionsAfterASwitch(
  { context, extensionId, signedInConsole }: Pick<ExtensionFixtures, 'context' | 'extensionId' | 'signedInConsole'>,
  colorScheme?: 'light' | 'dark',
): Promise<Page> {
  await switchOnThePage(await signedInConsole());
  const options = await context.newPage();
  if (colorScheme) await options.emulateMedia({ colorScheme });
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(options.getByRole('heading', { name: en.historyTitle })).toBeVisible();
  return options;
}

test('the history shows a switch made on the console page and exports it as JSON and CSV', async ({
  context,
  extensionId,
  sandbox,
  signedInConsole,
}) => {
  const options = await optionsAfterASwitch({ context, extensionId, signedInConsole });

  const table = options.getByTestId('history-table');
  const row = table.locator('tbody tr');
  await expect(row).toHaveCount(1);
  await expect(row.locator('td')).toHaveText([
    /\d/,
    ada.userId,
    // The AEM org, with the author host (environment) the switch was made on.
    `${acme.aemOrg.name}${sandbox.authorHost}`,
    connectedAtStart.name,
    design.name,
    en.historySuccess,
    en.switchPathApi,
  ]);
  await expect(options.getByTestId('history-count')).toHaveText('Showing 1 of 1 switches');

  const json = await downloadedText(options, () => options.getByTestId('history-export-json').click());
  expect(json.name).toMatch(/^aem-cc-org-switcher-history-.*\.json$/);
  const exported = JSON.parse(json.text) as HistoryEntry[];
  expect(exported).toEqual([
    expect.objectContaining({
      userId: ada.userId,
      aemOrgId: acme.aemOrg.id,
      from: { id: connectedAtStart.id, name: connectedAtStart.name },
      to: { id: design.id, name: design.name },
      result: 'success',
      path: 'api',
    }),
  ]);

  const csv = await downloadedText(options, () => options.getByTestId('history-export-csv').click());
  expect(csv.name).toMatch(/\.csv$/);
  const [header, first, ...rest] = parseCsv(csv.text);
  expect(rest).toEqual([]);
  const record = Object.fromEntries((header ?? []).map((column, index) => [column, first?.[index]]));
  expect(record).toMatchObject({
    userId: ada.userId,
    aemOrgName: acme.aemOrg.name,
    authorHost: sandbox.authorHost,
    fromName: connectedAtStart.name,
    toId: design.id,
    toName: design.name,
    result: 'success',
    path: 'api',
    opId: exported[0]?.opId,
  });

  // The filter narrows the table: by text, and by result.
  await options.getByRole('searchbox', { name: en.historyFilter }).fill('design studio');
  await expect(row).toHaveCount(1);
  await options.getByRole('combobox', { name: en.historyResult }).selectOption('failed');
  await expect(row).toHaveCount(0);
  await expect(options.getByText(en.historyNoMatches)).toBeVisible();
  await expect(options.getByTestId('history-export-json')).toBeDisabled();
});

test('clearing the history asks first: Cancel keeps it, confirming empties it in the worker too', async ({
  context,
  extensionId,
  signedInConsole,
  workerClient,
}) => {
  const options = await optionsAfterASwitch({ context, extensionId, signedInConsole });
  const rows = options.getByTestId('history-table').locator('tbody tr');
  await expect(rows).toHaveCount(1);

  await options.getByRole('button', { name: en.historyClear }).click();
  const confirm = options.getByRole('alertdialog');
  await expect(confirm).toContainText('Delete all 1 recorded switches');
  await expect(confirm.getByRole('button', { name: en.historyCancel })).toBeFocused();
  await confirm.getByRole('button', { name: en.historyCancel }).click();
  await expect(rows).toHaveCount(1);

  await options.getByRole('button', { name: en.historyClear }).click();
  await options.getByRole('alertdialog').getByRole('button', { name: en.historyClearConfirm }).click();
  await expect(options.getByTestId('history-empty')).toHaveText(en.historyEmpty);
  const client = await workerClient();
  expect(await client.data({ type: 'getHistory' })).toEqual({ entries: [] });
});

test('the options page downloads diagnostics as Markdown and JSON without any issued token or e-mail', async ({
  context,
  extensionId,
  sandbox,
  signedInConsole,
}) => {
  const options = await optionsAfterASwitch({ context, extensionId, signedInConsole });
  const tokens = await issuedTokens(sandbox);
  expect(tokens.length).toBeGreaterThan(0);

  const markdown = await downloadedText(options, () =>
    options.getByRole('button', { name: en.diagnosticsDownloadMarkdown }).click(),
  );
  const json = await downloadedText(options, () =>
    options.getByRole('button', { name: en.diagnosticsDownloadJson }).click(),
  );

  expect(markdown.name).toMatch(/^aem-cc-org-switcher-diagnostics-.*\.md$/);
  expect(json.name).toMatch(/^aem-cc-org-switcher-diagnostics-.*\.json$/);
  for (const text of [markdown.text, json.text]) {
    for (const token of tokens) expect(text).not.toContain(token);
    expect(text).not.toContain(ada.email);
  }
  const report = JSON.parse(json.text) as {
    accountType: string;
    history: HistoryEntry[];
    consoles: { connectedOrg: { id: string } | null }[];
  };
  expect(report.accountType).toBe('enterprise');
  expect(report.history).toEqual([expect.objectContaining({ to: { id: design.id, name: design.name } })]);
  expect(report.consoles[0]?.connectedOrg?.id).toBe(design.id);
  expect(markdown.text).toContain(`| ${design.name} (${design.id}) | success |`);
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`axe finds no serious or critical violations in the options' history and diagnostics (${colorScheme})`, async ({
    context,
    extensionId,
    signedInConsole,
  }) => {
    const options = await optionsAfterASwitch({ context, extensionId, signedInConsole }, colorScheme);
    await expect(options.getByTestId('history-table')).toBeVisible();
    await options.getByText(en.diagnosticsPreview).click();
    await expect(options.getByTestId('diagnostics-preview')).toBeVisible();
    expect(await seriousPageViolations(options)).toEqual([]);

    await options.getByRole('button', { name: en.historyClear }).click();
    await expect(options.getByRole('alertdialog')).toBeVisible();
    expect(await seriousPageViolations(options), 'clear confirmation').toEqual([]);
  });
}

test('a history entry moved from an earlier release is marked unverified', async ({ serviceWorker, optionsPage }) => {
  await writeProtectedSetting(serviceWorker, 'switchHistory', [
    historyEntry({ opId: 'moved', unverified: true }),
    historyEntry({ opId: 'recorded', time: '2026-11-26T08:40:00.000Z' }),
  ]);
  const options = await optionsPage();
  const rows = options.getByTestId('history-table').locator('tbody tr');
  await expect(rows).toHaveCount(2);
  await expect(options.getByTestId('history-unverified')).toHaveCount(1);
  await expect(options.getByTestId('history-unverified')).toContainText(en.historyUnverified);
});
