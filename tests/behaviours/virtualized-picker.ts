import assert from 'node:assert/strict';
import { BADGE_HOST_ATTRIBUTE } from '../../lib/console-page/markers';
import { SCENARIOS, userOf } from '../../sandbox/scenarios';
import { NATIVE_PICKER } from '../drivers/console-readers';
import { type Evaluator, until } from '../drivers/driver';
import { expectedBadgesOf } from '../e2e/support/entitlement-truth';
import type { Behaviour, BehaviourGroup } from './behaviour';
import { signedInConsole } from './steps';

// React Spectrum's virtualized picker (sandbox/README.md#the-virtualized-picker) with 1,000 orgs:
// rows are reused for other orgs while the admin scrolls, and the badges must follow.

const scenario = SCENARIOS['many-orgs'];
const admin = userOf(scenario, scenario.consoleUserId);
if (!admin) throw new Error('The many-orgs scenario has a console user');
const consoleAdmin = admin;
const expectedByOrg = Object.fromEntries(
  consoleAdmin.orgIds.map((orgId) => [orgId, expectedBadgesOf(consoleAdmin, orgId, scenario.initialConnection.orgId)]),
);

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
const watchEveryFrame = (app: Evaluator) =>
  app.evaluate(
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
      return true;
    },
    { badgeHost: BADGE_HOST_ATTRIBUTE, expected: expectedByOrg },
  );

const stopWatching = (app: Evaluator): Promise<FrameCheck> =>
  app.evaluate(() => {
    const state = (
      window as unknown as {
        frameCheck: { frames: number; keys: Set<string>; wrong: FrameCheck['wrong']; stop: boolean };
      }
    ).frameCheck;
    state.stop = true;
    return { frames: state.frames, keysSeen: state.keys.size, wrong: state.wrong };
  });

const listboxRows = (app: Evaluator) =>
  app.evaluate(() => document.querySelectorAll('[role="listbox"] [role="option"]').length);

interface ListboxPosition {
  scrollTop: number;
  atEnd: boolean;
}

const listboxPosition = (app: Evaluator): Promise<ListboxPosition> =>
  app.evaluate(() => {
    const listbox = document.querySelector('[role="listbox"]');
    if (!listbox) throw new Error('The picker’s listbox closed');
    return {
      scrollTop: listbox.scrollTop,
      atEnd: listbox.scrollTop + listbox.clientHeight >= listbox.scrollHeight - 1,
    };
  });

/**
 * Where the listbox comes to rest once it has scrolled away from `from` (the same scrollTop in two
 * frames in a row), or false while it has not. Firefox scrolls a wheel turn smoothly over several
 * frames, and turns that pile up while a busy machine delays frames would carry the list past
 * rows no frame ever rendered.
 */
const restingAwayFrom = (app: Evaluator, from: number) =>
  app.evaluate(async (start): Promise<ListboxPosition | false> => {
    const listbox = document.querySelector('[role="listbox"]');
    if (!listbox) throw new Error('The picker’s listbox closed');
    const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));
    let previous = listbox.scrollTop;
    // About a second of frames: long enough for a smooth scroll to end, short enough that the
    // caller's bound still applies.
    for (let frames = 0; frames < 60; frames += 1) {
      await nextFrame();
      const now = listbox.scrollTop;
      if (now !== start && now === previous) {
        return { scrollTop: now, atEnd: now + listbox.clientHeight >= listbox.scrollHeight - 1 };
      }
      previous = now;
    }
    return false;
  }, from);

const everyRowFollows: Behaviour = {
  name: 'scrolling a 1,000-org virtualized picker: every reused row shows its own org’s badges in every frame',
  slow: true,
  async run(driver) {
    const tab = await signedInConsole(driver, {
      scenario: 'many-orgs',
      arrange: () => driver.sandbox.control('POST', 'console', { picker: 'virtualized' }),
    });
    await (await tab.app()).click({ in: 'page', css: NATIVE_PICKER });
    // The worker's state is in once the first row carries its badges.
    await until(
      () =>
        tab
          .app()
          .then((app) =>
            app.evaluate(
              (host) =>
                Boolean(
                  document
                    .querySelector(`[role="listbox"] [role="option"] [${host}]`)
                    ?.shadowRoot?.querySelector('[data-badge]'),
                ),
              BADGE_HOST_ATTRIBUTE,
            ),
          ),
      'the first row carries its badges',
    );
    const app = await tab.app();
    assert.ok((await listboxRows(app)) < 40, 'a virtualized list renders only a window of rows');

    await watchEveryFrame(app);
    // The admin scrolls to the end with the wheel; the listbox reuses its rows all the way.
    // Half a list's height per wheel turn, one turn at a time: Firefox turns a wheel delta into
    // more pixels than Chromium, and a scroll longer than the rows rendered would skip orgs
    // instead of reusing rows.
    const step = await app.evaluate(() => (document.querySelector('[role="listbox"]')?.clientHeight ?? 600) / 2);
    await app.hover({ in: 'page', css: '[role="listbox"]' });
    let position = await listboxPosition(app);
    while (!position.atEnd) {
      const from = position.scrollTop;
      await tab.wheel(step);
      position = await until(() => restingAwayFrom(app, from), 'the list scrolls on and comes to rest');
    }
    await until(
      () =>
        app.evaluate(() =>
          [...document.querySelectorAll('[role="option"]')].some((row) =>
            row.textContent?.includes('Globex Division 0999'),
          ),
        ),
      'the last org shows',
    );
    const result = await stopWatching(app);

    assert.deepEqual(result.wrong, []);
    assert.ok(result.keysSeen > 900, `${result.keysSeen} orgs seen while scrolling`);
    // Rows were reused, not re-created: the listbox still holds about as many row elements.
    assert.ok((await listboxRows(app)) < 40);
  },
};

export const VIRTUALIZED_PICKER_BEHAVIOURS: BehaviourGroup = {
  title: "React Spectrum's virtualized picker with 1,000 orgs",
  behaviours: [everyRowFollows],
};
