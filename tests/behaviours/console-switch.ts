import assert from 'node:assert/strict';
import { CONSOLE_UI_TAG } from '../../components/console/ui-tag';
import type { HistoryEntry } from '../../lib/history/entry';
import en from '../../locales/en.json' with { type: 'json' };
import type { ConsoleErrorForm } from '../../sandbox/console/picker-forms';
import { SCENARIOS, userOf } from '../../sandbox/scenarios';
import { byTestId, uiText } from '../drivers/console-readers';
import { type BrowserDriver, type Evaluator, until } from '../drivers/driver';
import { orgNamed } from '../support/scenario-orgs';
import type { Behaviour, BehaviourGroup } from './behaviour';
import {
  dialogClosed,
  pickInSwitcher,
  resultLine,
  sandboxState,
  sendFromExtensionPage,
  signedInConsole,
  uiContains,
  uiShows,
} from './steps';

// The switch through the console page, where the console's Assets API refuses the extension's
// client (403 or 404): our confirmation, then the native picker and "Switch orgs", reported by
// the console from its card; Switch back asks again; the console's own refusal shows at once.

const acmeScenario = SCENARIOS.default;
const acme = acmeScenario.aemOrg;
const design = orgNamed('Acme Design Studio');

interface ConsoleSandboxState {
  putsByIdempotencyKey: Record<string, number>;
}

async function history(driver: BrowserDriver): Promise<HistoryEntry[]> {
  const answer = (await sendFromExtensionPage(driver, { type: 'getHistory' })) as {
    ok: boolean;
    data?: { entries: HistoryEntry[] };
  };
  if (!answer.ok || !answer.data) throw new Error(`getHistory failed: ${JSON.stringify(answer)}`);
  return answer.data.entries;
}

/** The native card "Current Creative Cloud org ID", read from the console page. */
const nativeCurrentOrg = (app: Evaluator) =>
  app.evaluate(() => document.querySelector('[data-testid="current-cc-org"]')?.textContent ?? '');

function switchesThroughTheConsole(access: 'forbidden' | 'not-found'): Behaviour {
  return {
    name: `with the API refusing the extension (${access}), switches through the console, reported by the console, and switches back after asking again`,
    async run(driver) {
      const tab = await signedInConsole(driver, {
        arrange: async () => {
          await driver.sandbox.control('POST', 'assets-api', { extensionAccess: access });
          await driver.sandbox.control('POST', 'console', { picker: 'portalled' });
        },
      });
      // The connection comes from the page; the prerequisites are the console's to check.
      await uiContains(tab, byTestId('connected-org'), acme.name);
      await pickInSwitcher(tab, design.name);
      await (await tab.app()).click({ in: 'ui', css: 'dialog[open] button', text: en.confirmSwitch });

      // Only the page's card vouches for it: the result says so, never "Verified" alone.
      await uiShows(tab, byTestId('progress'), resultLine('console', design.name));
      assert.match(await nativeCurrentOrg(await tab.app()), new RegExp(design.id));
      let state = await sandboxState(driver);
      assert.equal(state.connectedOrg?.id, design.id);
      assert.equal(state.appliedChanges, 1);
      let entries = await history(driver);
      assert.deepEqual(
        entries.map(({ from, to, result, path }) => ({ from: from?.id, to: to.id, result, path })),
        [{ from: acme.id, to: design.id, result: 'success', path: 'console' }],
      );
      // The console's own PUT did it, not one of ours.
      const { putsByIdempotencyKey } = await driver.sandbox.control<ConsoleSandboxState>('GET', 'state');
      assert.ok(!Object.keys(putsByIdempotencyKey).includes(entries[0]?.opId ?? ''));

      // Switch back asks again, naming the author host and who vouched; Cancel changes nothing.
      await (await tab.app()).click({ in: 'ui', css: 'button', text: `Switch back to ${acme.name}` });
      await uiShows(tab, `dialog[open] ${byTestId('confirm-reported-by-console')}`, en.confirmReportedByConsole);
      assert.equal(
        await uiText(await tab.app(), `dialog[open] ${byTestId('confirm-author-host')}`),
        `AEM environment: ${driver.sandbox.authorHost}`,
      );
      await (await tab.app()).click({ in: 'ui', css: 'dialog[open] button', text: en.cancel });
      await dialogClosed(tab);
      assert.equal((await sandboxState(driver)).appliedChanges, 1);
      assert.equal((await history(driver)).length, 1);

      await (await tab.app()).click({ in: 'ui', css: 'button', text: `Switch back to ${acme.name}` });
      await (await tab.app()).click({ in: 'ui', css: 'dialog[open] button', text: `Switch back to ${acme.name}` });
      await uiShows(tab, byTestId('progress'), resultLine('console', acme.name));
      state = await sandboxState(driver);
      assert.equal(state.connectedOrg?.id, acme.id);
      assert.equal(state.appliedChanges, 2);
      entries = await history(driver);
      assert.deepEqual(
        entries.map(({ to, result, path }) => ({ to: to.id, result, path })),
        [
          { to: acme.id, result: 'success', path: 'console' },
          { to: design.id, result: 'success', path: 'console' },
        ],
      );

      // The options' history marks both as reported by the console.
      const options = await driver.extensionPage('options.html');
      const marks = await until(
        () =>
          options.evaluate(() => {
            const rows = document.querySelectorAll('[data-testid="history-table"] tbody tr');
            const marked = [...rows].map(
              (row) => row.querySelector('[data-testid="history-reported-by-console"]')?.textContent,
            );
            return rows.length === 2 ? marked : null;
          }),
        'the options list both switches',
      );
      assert.deepEqual(marks, [` · ${en.historyReportedByConsole}`, ` · ${en.historyReportedByConsole}`]);
      await options.close();
    },
  };
}

function refusalShownAtOnce(errors: Exclude<ConsoleErrorForm, 'status'>): Behaviour {
  return {
    name: `shows the console's refusal from its ${errors} alert at once, on the virtualized picker with re-created controls`,
    async run(driver) {
      // One person, two accounts: the extension is signed in with the personal one, which has CC in
      // Initech Creative; the console's user (the enterprise one) has none there, and the console refuses.
      const scenario = SCENARIOS['same-email-different-ids'];
      const personal = userOf(scenario, scenario.users.find((user) => user.accountType === 'type1')?.userId ?? '');
      const creative = orgNamed('Initech Creative', scenario);
      const tab = await signedInConsole(driver, {
        scenario: scenario.name,
        user: personal,
        arrange: async () => {
          await driver.sandbox.control('POST', 'assets-api', { extensionAccess: 'forbidden' });
          await driver.sandbox.control('POST', 'console', { picker: 'virtualized', recreate: true, errors });
        },
      });
      await pickInSwitcher(tab, creative.name);
      await (await tab.app()).click({ in: 'ui', css: 'dialog[open] button', text: en.confirmSwitch });

      // The console's alert, in its toast region or inline above the view (not our UI's own alert).
      const alertSelector =
        errors === 'toast'
          ? '[role="region"][aria-label="1 notification."] [role="alertdialog"] [role="alert"]'
          : '.view-alerts [role="alert"]';
      await until(
        async () =>
          (
            await (await tab.app()).evaluate((css) => document.querySelector(css)?.textContent ?? '', alertSelector)
          ).includes('Could not switch orgs: NO_CC_ENTITLEMENT'),
        `the console's ${errors} alert`,
      );
      // The console's own words, long before the 30 s the page is otherwise given to settle.
      await uiContains(
        tab,
        byTestId('error'),
        'The console refused the switch: Could not switch orgs: NO_CC_ENTITLEMENT',
        10_000,
      );
      const code = await (await tab.app()).evaluate(
        (tag) =>
          document
            .querySelector(tag)
            ?.shadowRoot?.querySelector('[data-testid="error"] [data-error-code]')
            ?.getAttribute('data-error-code'),
        CONSOLE_UI_TAG,
      );
      assert.equal(code, 'CONSOLE_REFUSED');
      assert.deepEqual(
        (await history(driver)).map(({ result, errorCode }) => ({ result, errorCode })),
        [{ result: 'failed', errorCode: 'CONSOLE_REFUSED' }],
      );
      const state = await sandboxState(driver);
      assert.equal(state.connectedOrg?.id, scenario.initialConnection.orgId);
      assert.equal(state.appliedChanges, 0);
    },
  };
}

export const CONSOLE_SWITCH_BEHAVIOURS: BehaviourGroup = {
  title: 'the switch through the console page',
  behaviours: [
    switchesThroughTheConsole('forbidden'),
    switchesThroughTheConsole('not-found'),
    refusalShownAtOnce('toast'),
    refusalShownAtOnce('inline'),
  ],
};
