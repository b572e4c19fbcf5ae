import { describe, expect, it } from 'vitest';
import { BADGE_HOST_ATTRIBUTE } from '../../lib/console-page/markers';
import { SCENARIOS, userOf } from '../../sandbox/scenarios';
import { expectedBadgesOf } from '../e2e/support/entitlement-truth';
import { openConsole } from './console-page';
import { firefoxForSuite } from './suite';

const scenario = SCENARIOS['many-orgs'];
const admin = userOf(scenario, scenario.consoleUserId);

describe("React Spectrum's virtualized picker with 1,000 orgs in firefox-esr", () => {
  const harness = firefoxForSuite({
    arrange: async (firefox) => {
      await firefox.sandbox.control('POST', 'scenario', { name: 'many-orgs' });
      await firefox.sandbox.control('POST', 'console', { picker: 'virtualized' });
    },
    signedIn: true,
    scenario: 'many-orgs',
  });

  it('every reused row shows the badges of the org it shows, in the frame it shows it', async () => {
    if (!admin) throw new Error('many-orgs lacks its console user');
    const expected = Object.fromEntries(
      admin.orgIds.map((orgId) => [orgId, expectedBadgesOf(admin, orgId, scenario.initialConnection.orgId)]),
    );
    const { page, app } = await openConsole(harness(), scenario.aemOrg.tenant);
    // Open the picker, then wait for the worker's state: the first row carries its badges.
    await app.waitForFunction(
      (badgeHost) => {
        const trigger = document.querySelector<HTMLElement>('[aria-haspopup="listbox"]');
        if (trigger?.getAttribute('aria-expanded') === 'false') trigger.click();
        const row = document.querySelector('[role="listbox"] [role="option"]');
        return Boolean(row?.querySelector(`[${badgeHost}]`)?.shadowRoot?.querySelector('[data-badge]'));
      },
      { timeout: 15_000, polling: 200 },
      BADGE_HOST_ATTRIBUTE,
    );
    // Scrolls page by page to the end; after each scroll, in the next animation frame (after the
    // scroll event and the rows' reuse, before the paint), compares every row with its key.
    const result = await app.evaluate(
      async (badgeHost, truth) => {
        const listbox = document.querySelector<HTMLElement>('[role="listbox"]');
        if (!listbox) return undefined;
        const wrong: { key: string; shown: string[] | null }[] = [];
        const keys = new Set<string>();
        const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
        for (let top = 0; top <= listbox.scrollHeight; top += listbox.clientHeight / 2) {
          listbox.scrollTop = top;
          await nextFrame();
          for (const row of listbox.querySelectorAll<HTMLElement>('[role="option"]')) {
            const key = row.dataset.key ?? '';
            keys.add(key);
            const hosts = row.querySelectorAll(`[${badgeHost}]`);
            const shown =
              hosts.length === 1
                ? [...(hosts[0]?.shadowRoot?.querySelectorAll('[data-badge]') ?? [])].map(
                    (badge) => badge.getAttribute('data-badge') ?? '',
                  )
                : null;
            if (JSON.stringify(shown) !== JSON.stringify(truth[key] ?? null) && wrong.length < 20) {
              wrong.push({ key, shown });
            }
          }
        }
        return { wrong, keys: keys.size, rows: listbox.querySelectorAll('[role="option"]').length };
      },
      BADGE_HOST_ATTRIBUTE,
      expected,
    );
    expect(result?.wrong).toEqual([]);
    expect(result?.keys).toBeGreaterThan(900);
    expect(result?.rows).toBeLessThan(40);
    await page.close();
  });
});
