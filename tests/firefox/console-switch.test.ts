import { describe, expect, it } from 'vitest';
import { CONSOLE_UI_TAG } from '../../components/console/ui-tag';
import { ASSETS_PATHS } from '../../lib/assets/schemas';
import type { HistoryEntry } from '../../lib/history/entry';
import en from '../../locales/en.json' with { type: 'json' };
import { SCENARIOS } from '../../sandbox/scenarios';
import { readProtectedSetting } from '../e2e/support/extension-environment';
import { clickInUi, openConsole, switchAndSwitchBack, waitForText } from './console-page';
import { firefoxForSuite } from './suite';

const scenario = SCENARIOS.default;
const design = scenario.orgs.find((org) => org.name === 'Acme Design Studio');
const acme = scenario.aemOrg;

describe('the switch through the console page in firefox-esr', () => {
  const harness = firefoxForSuite({
    // The sandbox's most realistic setting: the API refuses the extension, the picker is portalled
    // and shows only org names (the same company as the default scenario).
    arrange: (firefox) => firefox.sandbox.control('POST', 'scenario', { name: 'extension-refused' }),
    signedIn: true,
  });

  it('with the API refusing the extension, switches through the console, reported by the console, and switches back after asking again', async () => {
    if (!design) throw new Error('The default scenario lacks Acme Design Studio');
    const { page, app } = await openConsole(harness(), acme.tenant);
    const state = await switchAndSwitchBack(harness(), app, design, acme, 'console');

    const stored = await readProtectedSetting(await harness().background(), 'switchHistory');
    const entries = (stored as { value?: HistoryEntry[] } | null)?.value ?? [];
    expect(entries.map(({ to, result, path }) => ({ to: to.id, result, path }))).toEqual([
      { to: acme.id, result: 'success', path: 'console' },
      { to: design.id, result: 'success', path: 'console' },
    ]);
    // Both changes were the console's own PUTs: none carries one of our operation ids.
    expect(Object.keys(state.putsByIdempotencyKey)).not.toContain(entries[0]?.opId);
    await page.close();
  });

  it("on React Spectrum's virtualized picker with re-created controls: switches, then shows a toast refusal at once", async () => {
    if (!design) throw new Error('The default scenario lacks Acme Design Studio');
    const sandbox = harness().sandbox;
    await sandbox.control('POST', 'console', { picker: 'virtualized', recreate: true, errors: 'toast' });
    try {
      const { page, app } = await openConsole(harness(), acme.tenant);
      await clickInUi(app, `button::-p-text(${en.openSwitcher})`);
      await clickInUi(app, `[role="option"][data-org-id="${design.id}"]`);
      await clickInUi(app, `dialog[open] button::-p-text(${en.confirmSwitch})`);
      await waitForText(app, 'progress', en.reportedByConsole.replace('{org}', design.name));

      // The console refuses the way back; it says so in a toast, a moment later.
      await sandbox.control('POST', 'faults', {
        method: 'PUT',
        path: ASSETS_PATHS.ccConnection,
        status: 403,
        body: JSON.stringify({
          error: { code: 'NOT_ASSETS_ADMIN', message: 'Only Assets administrators can change this' },
        }),
        contentType: 'application/json',
      });
      // Switch back from a switch the console reported asks again first.
      await clickInUi(app, `button::-p-text(Switch back to ${acme.name})`);
      const pressedAt = Date.now();
      await clickInUi(app, `dialog[open] button::-p-text(Switch back to ${acme.name})`);
      await app.waitForFunction(
        () =>
          document
            .querySelector('[role="region"][aria-label="1 notification."] [role="alertdialog"] [role="alert"]')
            ?.textContent?.includes('NOT_ASSETS_ADMIN'),
        { timeout: 10_000, polling: 100 },
      );
      await app.waitForFunction(
        (tag, expected) =>
          document
            .querySelector(tag)
            ?.shadowRoot?.querySelector('[data-testid="error"]')
            ?.textContent?.includes(expected),
        { timeout: 10_000, polling: 100 },
        CONSOLE_UI_TAG,
        'The console refused the switch: Could not switch orgs: NOT_ASSETS_ADMIN',
      );
      // The console's own words, long before the 30 s the page is otherwise given to settle.
      expect(Date.now() - pressedAt).toBeLessThan(15_000);
      const state = await sandbox.control<{ connectedOrg: { id: string } | null }>('GET', 'state');
      expect(state.connectedOrg?.id).toBe(design.id);
      await page.close();
    } finally {
      await sandbox.control('DELETE', 'faults');
      await sandbox.control('POST', 'console', { picker: 'portalled', recreate: false, errors: 'status' });
    }
  });
});
