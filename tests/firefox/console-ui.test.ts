import type { Frame } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { CONSOLE_UI_TAG } from '../../components/console/ui-tag';
import { BADGE_HOST_ATTRIBUTE } from '../../lib/console-page/markers';
import en from '../../locales/en.json' with { type: 'json' };
import { SCENARIOS, userOf } from '../../sandbox/scenarios';
import type { FirefoxGlobals } from '../e2e/support/extension-apis';
import { writeProtectedSetting } from '../e2e/support/extension-environment';
import { expectedConsole, type SandboxConnectionTruth } from '../e2e/support/worker-truth';
import { clickInUi, openConsole, switchAndSwitchBack, waitForText } from './console-page';
import type { FirefoxHarness } from './harness';
import { firefoxForSuite } from './suite';

const scenario = SCENARIOS.default;
const design = scenario.orgs.find((org) => org.name === 'Acme Design Studio');
const acme = scenario.aemOrg;

interface SandboxState extends SandboxConnectionTruth {
  appliedChanges: number;
}

/** What the switcher's listbox shows for each org, once it lists `count` of them. */
async function shownOrgs(frame: Frame, count: number) {
  const handle = await frame.waitForFunction(
    (tag, expected) => {
      const options = [...(document.querySelector(tag)?.shadowRoot?.querySelectorAll('[role="option"]') ?? [])];
      if (options.length !== expected) return undefined;
      return options.map((option) => ({
        orgId: option.getAttribute('data-org-id') ?? '',
        name: option.querySelector('.option-name')?.textContent ?? '',
        badges: [...option.querySelectorAll('[data-badge]')].map((badge) => badge.getAttribute('data-badge') ?? ''),
        disabled: option.getAttribute('aria-disabled') === 'true',
      }));
    },
    { timeout: 10_000, polling: 100 },
    CONSOLE_UI_TAG,
    count,
  );
  return (await handle.jsonValue()) as { orgId: string; name: string; badges: string[]; disabled: boolean }[];
}

async function setReadOnly(harness: FirefoxHarness, readOnly: boolean): Promise<void> {
  await writeProtectedSetting(await harness.background(), 'readOnly', readOnly);
}

describe('the console UI in firefox-esr', () => {
  const harness = firefoxForSuite({ signedIn: true });
  const admin = userOf(scenario, scenario.consoleUserId);

  it('switches the CC org after confirmation, shows the verified result, and switches back', async () => {
    if (!design) throw new Error('The default scenario lacks Acme Design Studio');
    const { page, app } = await openConsole(harness(), acme.tenant);
    await switchAndSwitchBack(harness(), app, design, acme);
    await page.close();
  });
  it('shows the badges and eligibility the sandbox gives for every org', async () => {
    if (!admin) throw new Error('The default scenario lacks its console user');
    const truth = expectedConsole(scenario, admin, await harness().sandbox.control<SandboxState>('GET', 'state'));
    const { page, app } = await openConsole(harness(), acme.tenant);
    await clickInUi(app, `button::-p-text(${en.openSwitcher})`);
    const shown = await shownOrgs(app, truth.model.orgs.length);
    const byId = new Map(shown.map((org) => [org.orgId, org]));
    for (const expected of truth.model.orgs) {
      expect(byId.get(expected.orgId), expected.orgName).toEqual({
        orgId: expected.orgId,
        name: expected.orgName,
        badges: expected.badges,
        disabled: !expected.eligible,
      });
    }
    await page.close();
  });

  it('read-only: no switch controls on the page, and the worker refuses a switch with READ_ONLY', async () => {
    if (!design) throw new Error('The default scenario lacks Acme Design Studio');
    await setReadOnly(harness(), true);
    try {
      const before = await harness().sandbox.control<SandboxState>('GET', 'state');
      const { page, app } = await openConsole(harness(), acme.tenant);
      await waitForText(app, 'read-only', en.readOnly);
      const controls = await app.evaluate(
        (tag) =>
          document.querySelector(tag)?.shadowRoot?.querySelectorAll('[aria-controls="org-switcher"], [role="combobox"]')
            .length,
        CONSOLE_UI_TAG,
      );
      expect(controls).toBe(0);

      const popup = await harness().openExtensionPage('popup.html');
      const answer = await popup.evaluate(
        (request) => (globalThis as FirefoxGlobals).browser.runtime.sendMessage(request),
        {
          type: 'switchOrg',
          console: { tenant: acme.tenant, orgName: acme.name },
          orgId: design.id,
          expectedCurrentOrgId: before.connectedOrg?.id ?? null,
        },
      );
      expect(answer).toEqual({ ok: false, error: { code: 'READ_ONLY', message: expect.any(String) } });
      const after = await harness().sandbox.control<SandboxState>('GET', 'state');
      expect(after.appliedChanges).toBe(before.appliedChanges);
      await page.close();
    } finally {
      await setReadOnly(harness(), false);
    }
  });

  for (const form of ['portalled', 'web-component'] as const) {
    it(`badges the native ${form} picker's options through open shadow roots and name-only options`, async () => {
      if (!admin) throw new Error('The default scenario lacks its console user');
      const truth = expectedConsole(scenario, admin, await harness().sandbox.control<SandboxState>('GET', 'state'));
      await harness().sandbox.control('POST', 'console', { picker: form });
      try {
        const { page, app } = await openConsole(harness(), scenario.aemOrg.tenant);
        // The picker's trigger, in the page or in a web component's open shadow root.
        await app.waitForFunction(
          () => {
            const hosts = [
              document,
              ...[...document.querySelectorAll('sandbox-picker')].map((host) => host.shadowRoot),
            ];
            const trigger = hosts
              .map((root) => root?.querySelector<HTMLElement>('[aria-haspopup="listbox"]'))
              .find(Boolean);
            if (trigger?.getAttribute('aria-expanded') === 'false') trigger.click();
            return trigger?.getAttribute('aria-expanded') === 'true';
          },
          { timeout: 10_000, polling: 200 },
        );
        const handle = await app.waitForFunction(
          (badgeHost, count) => {
            const options = [...document.querySelectorAll('[role="option"]')];
            const badges = options.map((option) =>
              [...(option.querySelector(`[${badgeHost}]`)?.shadowRoot?.querySelectorAll('[data-badge]') ?? [])].map(
                (badge) => badge.getAttribute('data-badge') ?? '',
              ),
            );
            return options.length === count && badges.every((shown) => shown.length > 0) ? badges : undefined;
          },
          { timeout: 10_000, polling: 100 },
          BADGE_HOST_ATTRIBUTE,
          truth.model.orgs.length,
        );
        expect(await handle.jsonValue()).toEqual(truth.model.orgs.map((org) => org.badges));
        await page.close();
      } finally {
        await harness().sandbox.control('POST', 'console', { picker: 'classic' });
      }
    });
  }
});
