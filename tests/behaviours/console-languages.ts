import assert from 'node:assert/strict';
import { BADGE_HOST_ATTRIBUTE, UI_SLOT_ATTRIBUTE } from '../../lib/console-page/markers';
import type { DiagnosticsReport } from '../../lib/diagnostics/schemas';
import en from '../../locales/en.json' with { type: 'json' };
import { translatorFor } from '../../sandbox/console/browser/locales';
import type { ConsoleLanguage } from '../../sandbox/console/browser/locales/languages';
import { SCENARIOS, userOf } from '../../sandbox/scenarios';
import { byTestId, NATIVE_PICKER } from '../drivers/console-readers';
import { type BrowserDriver, type ConsoleTab, until } from '../drivers/driver';
import { orgNamed } from '../support/scenario-orgs';
import type { Behaviour, BehaviourGroup } from './behaviour';
import { pickInSwitcher, resultLine, sandboxState, uiContains, uiShows } from './steps';

// A console in a language the console profile has no labels for (es, ko, zh-TW): the extension
// finds the view by structure, shows nothing until the picker's options prove they are the
// user's orgs, then puts its badges on them and switches through the console page.

const scenario = SCENARIOS.default;
const acme = scenario.aemOrg;
const design = orgNamed('Acme Design Studio');
const admin = userOf(scenario, scenario.consoleUserId);
if (!admin) throw new Error('The default scenario has a console user');
const consoleAdmin = admin;

/** Signed in as the console's admin, on the console in `lang` (the API refusing the extension, React Spectrum's portalled picker). */
async function consoleIn(driver: BrowserDriver, lang: ConsoleLanguage): Promise<ConsoleTab> {
  await driver.sandbox.control('POST', 'assets-api', { extensionAccess: 'forbidden' });
  await driver.sandbox.control('POST', 'console', { picker: 'portalled' });
  await driver.signIn(consoleAdmin);
  const tab = await driver.openTab(driver.sandbox.creativeCloudUrl(acme.tenant, lang));
  const switchButton = translatorFor(lang)('switchButton');
  await until(
    async () =>
      (await tab.app()).evaluate(
        (label) => [...document.querySelectorAll('button')].some((button) => button.textContent === label),
        switchButton,
      ),
    `the ${lang} console shows "${switchButton}"`,
  );
  return tab;
}

/** Our UI's slot in the page: absent, injected but hidden, or shown. */
const uiSlot = (tab: ConsoleTab) =>
  tab.app().then((app) =>
    app.evaluate((slot) => {
      const element = document.querySelector(`[${slot}]`);
      if (!element) return 'absent';
      return element.hasAttribute('hidden') ? 'hidden' : 'shown';
    }, UI_SLOT_ATTRIBUTE),
  );

/** Every native option carries badges; null until they all do. */
const nativeOptionsBadged = (tab: ConsoleTab) =>
  tab.app().then((app) =>
    app.evaluate((badgeHost) => {
      const options = [...document.querySelectorAll('[role="option"]')];
      const badged = options.every(
        (option) =>
          (option.querySelector(`[${badgeHost}]`)?.shadowRoot?.querySelectorAll('[data-badge]').length ?? 0) > 0,
      );
      return options.length > 0 && badged;
    }, BADGE_HOST_ATTRIBUTE),
  );

function waitsThenBadges(lang: ConsoleLanguage): Behaviour {
  return {
    name: `on a ${lang} console, the UI waits for the picker's options to be the user's orgs, then badges them`,
    async run(driver) {
      const tab = await consoleIn(driver, lang);
      // Recognised by structure and injected, but hidden: nothing is confirmed yet.
      await until(async () => (await uiSlot(tab)) === 'hidden', 'our UI is injected and hidden');

      await (await tab.app()).click({ in: 'page', css: NATIVE_PICKER });
      await until(async () => (await uiSlot(tab)) === 'shown', 'our UI shows once the options are the user’s orgs');
      await uiContains(tab, byTestId('connected-org'), acme.name);
      await until(() => nativeOptionsBadged(tab), 'every native option carries badges');
    },
  };
}

const switchesOnAnEsConsole: Behaviour = {
  name: 'on an es console, switches through the console page, reported by the console from the card found by structure',
  async run(driver) {
    const tab = await consoleIn(driver, 'es');
    await (await tab.app()).click({ in: 'page', css: NATIVE_PICKER });
    await until(async () => (await uiSlot(tab)) === 'shown', 'our UI shows once the options are the user’s orgs');
    await tab.press('Escape');
    await until(
      async () => (await (await tab.app()).evaluate(() => document.querySelectorAll('[role="option"]').length)) === 0,
      'the native picker closes',
    );

    await pickInSwitcher(tab, design.name);
    await (await tab.app()).click({ in: 'ui', css: 'dialog[open] button', text: en.confirmSwitch });
    // Through the console page: only its card vouches for the switch.
    await uiShows(tab, byTestId('progress'), resultLine('console', design.name));
    const card = await (await tab.app()).evaluate(
      () => document.querySelector('[data-testid="current-cc-org"]')?.textContent ?? '',
    );
    assert.match(card, new RegExp(design.id));
    const state = await sandboxState(driver);
    assert.equal(state.connectedOrg?.id, design.id);
    assert.equal(state.appliedChanges, 1);
  },
};

const pageShapeInDiagnostics: Behaviour = {
  name: 'diagnostics for the es console tab carry its page shape: found by structure, no org name, id or user name',
  async run(driver) {
    await consoleIn(driver, 'es');
    // The popup's console tab: an extension page sees the URL of a tab on a host it may access.
    const page = await driver.extensionPage('popup.html');
    const answer = (await page.evaluate(async (shellUrl) => {
      type Api = {
        tabs: { query(filter: object): Promise<{ id?: number; url?: string }[]> };
        runtime: { sendMessage(message: unknown): Promise<unknown> };
      };
      const api = (globalThis as { browser?: Api }).browser ?? (globalThis as unknown as { chrome: Api }).chrome;
      const tab = (await api.tabs.query({})).find((candidate) => candidate.url?.startsWith(shellUrl));
      return api.runtime.sendMessage({ type: 'getDiagnostics', tabId: tab?.id });
    }, driver.sandbox.shellUrl)) as { ok: boolean; data?: DiagnosticsReport };
    await page.close();
    assert.equal(answer.ok, true);
    const report = answer.data;
    const t = translatorFor('es');
    const appFrame = report?.pageShape?.frames.find((frame) => !frame.topFrame);
    assert.equal(appFrame?.lang, 'es');
    assert.equal(appFrame?.detection?.signal, 'structure');
    assert.deepEqual(appFrame?.orgIdShown, { section: false, beside: true });
    assert.deepEqual(appFrame?.headings, [
      t('ccCurrentOrgHeading'),
      t('ccOrgSectionHeading'),
      t('ccIntegrationHeading'),
    ]);
    assert.equal(appFrame?.pickers[0]?.picker.name, t('pickerLabel'));
    assert.equal(appFrame?.pickers[0]?.picker.popup, 'listbox');
    assert.deepEqual(
      appFrame?.pickers[0]?.nearby.map(({ name }) => name),
      [t('switchButton')],
    );
    const shape = JSON.stringify(report?.pageShape);
    for (const org of scenario.orgs) {
      assert.ok(!shape.includes(org.id), `no org id (${org.name})`);
      assert.ok(!shape.includes(org.name), `no org name (${org.name})`);
    }
    assert.ok(!shape.includes(consoleAdmin.name), 'no user name');
  },
};

export const CONSOLE_LANGUAGE_BEHAVIOURS: BehaviourGroup = {
  title: 'a console in a language without profile labels',
  behaviours: [...(['es', 'ko', 'zh-TW'] as const).map(waitsThenBadges), switchesOnAnEsConsole, pageShapeInDiagnostics],
};
