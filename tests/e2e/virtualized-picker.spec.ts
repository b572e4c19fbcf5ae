import type { Frame } from '@playwright/test';
import { BADGE_HOST_ATTRIBUTE } from '../../lib/console-page/markers';
import { CONSOLE_PROFILE_SOURCE } from '../../lib/console-page/profile';
import { SCENARIOS, userOf } from '../../sandbox/scenarios';
import { expect, test } from './fixtures';
import { nativeViewReady } from './steps';
import { expectedBadgesOf } from './support/entitlement-truth';

// React Spectrum's virtualized picker (sandbox/README.md#the-virtualized-picker) with 1,000 orgs:
// rows are reused for other orgs while the admin scrolls, and the badges must follow.

const scenario = SCENARIOS['many-orgs'];
const LABELS = CONSOLE_PROFILE_SOURCE.labels.en;
const admin = userOf(scenario, scenario.consoleUserId);
if (!admin) throw new Error('The many-orgs scenario has a console user');
const consoleAdmin = admin;
const connectedOrgId = scenario.initialConnection.orgId;
const expectedByOrg = Object.fromEntries(
  consoleAdmin.orgIds.map((orgId) => [orgId, expectedBadgesOf(consoleAdmin, orgId, connectedOrgId)]),
);

const nativePicker = (app: Frame) => app.getByRole('button', { name: LABELS.picker });

interface FrameCheck {
  frames: number;
  keysSeen: number;
  /** Rows whose badges, in some frame, were not those of the org the row showed. */
  wrong: { key: string; shown: string[] | null; frame: number }[];
}

/**
 * Checks every rendered row in every animation frame until stopped: a callback registered with
 * requestAnimationFrame runs after the frame's scroll events and their DOM changes and before the
 * paint, so it sees what the admin would see.
 */
function watchEveryFrame(app: Frame) {
  return app.evaluate(
    ({ badgeHost, expected }) => {
      const state = { frames: 0, keys: new Set<string>(), wrong: [] as FrameCheck['wrong'], stop: false };
      (window as unknown as { frameCheck: typeof state }).frameCheck = state;
      const check = () => {
        if (state.stop) return;
        state.frames += 1;
        for (const row of document.querySelectorAll<HTMLElement>('[role="listbox"] [role="option"]')) {
          const key = row.dataset.key ?? '';
          state.keys.add(key);
          const hosts = row.querySelectorAll(`[${badgeHost}]`);
          const host = hosts.length === 1 ? hosts[0] : undefined;
          const shown = host
            ? [...(host.shadowRoot?.querySelectorAll('[data-badge]') ?? [])].map(
                (b) => b.getAttribute('data-badge') ?? '',
              )
            : null;
          if (JSON.stringify(shown) !== JSON.stringify(expected[key] ?? null) && state.wrong.length < 20) {
            state.wrong.push({ key, shown, frame: state.frames });
          }
        }
        requestAnimationFrame(check);
      };
      requestAnimationFrame(check);
    },
    { badgeHost: BADGE_HOST_ATTRIBUTE, expected: expectedByOrg },
  );
}

const stopWatching = (app: Frame): Promise<FrameCheck> =>
  app.evaluate(() => {
    const state = (
      window as unknown as {
        frameCheck: { frames: number; keys: Set<string>; wrong: FrameCheck['wrong']; stop: boolean };
      }
    ).frameCheck;
    state.stop = true;
    return { frames: state.frames, keysSeen: state.keys.size, wrong: state.wrong };
  });

test('scrolling a 1,000-org virtualized picker: every reused row shows its own org’s badges in every frame', async ({
  page,
  sandbox,
  signedInConsole,
}) => {
  test.slow();
  const arrange = () => sandbox.control('POST', 'console', { picker: 'virtualized' });
  const app = await nativeViewReady(await signedInConsole({ scenario: 'many-orgs', arrange }));
  await nativePicker(app).click();
  const listbox = app.getByRole('listbox');
  const firstRow = listbox.getByRole('option').first();
  await expect(firstRow).toBeVisible();
  // The worker's state is in once the first row carries its badges.
  await expect
    .poll(() =>
      firstRow.evaluate(
        (row, host) =>
          row.querySelector(`[${host}]`)?.shadowRoot?.querySelector('[data-badge]') !== null &&
          row.querySelector(`[${host}]`) !== null,
        BADGE_HOST_ATTRIBUTE,
      ),
    )
    .toBe(true);
  const rowElements = await listbox.getByRole('option').count();
  expect(rowElements).toBeLessThan(40);

  await watchEveryFrame(app);
  await listbox.hover();
  const totalHeight = await listbox.evaluate((element) => element.scrollHeight);
  // The admin scrolls to the end with the wheel; the listbox reuses its rows all the way.
  while ((await listbox.evaluate((element) => element.scrollTop + element.clientHeight)) < totalHeight - 1) {
    await page.mouse.wheel(0, 600);
  }
  await expect(listbox.getByRole('option', { name: 'Globex Division 0999' })).toBeVisible();
  const result = await stopWatching(app);

  expect(result.wrong).toEqual([]);
  expect(result.keysSeen).toBeGreaterThan(900);
  // Rows were reused, not re-created: the listbox still holds about as many row elements.
  expect(await listbox.getByRole('option').count()).toBeLessThan(40);
});
