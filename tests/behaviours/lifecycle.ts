import assert from 'node:assert/strict';
import { BADGE_HOST_ATTRIBUTE } from '../../lib/console-page/markers';
import { CONSOLE_PROFILE_SOURCE } from '../../lib/console-page/profile';
import en from '../../locales/en.json' with { type: 'json' };
import { byTestId } from '../drivers/console-readers';
import { afterContentScriptCheck, type ConsoleTab, type Evaluator, until } from '../drivers/driver';
import { orgNamed } from '../support/scenario-orgs';
import type { Behaviour, BehaviourGroup } from './behaviour';
import { consoleShowsSummary, pickInSwitcher, resultLine, signedInConsole, uiContains, uiShows } from './steps';

// The console page's life around our UI: the app's own route changes, and a switch made in one
// console tab reaching the others (the worker pushes to console tabs by URL, without `tabs`).

const VIEW_TITLES = { creativeCloud: 'Creative Cloud Settings', general: 'General Settings', assets: 'Assets' };
const SWITCH_BUTTON = CONSOLE_PROFILE_SOURCE.labels.en.switchButton;

/** Our UI instances in a frame: every shadow host except the small per-option badge hosts. */
const uiInstances = (frame: Evaluator) =>
  frame.evaluate(
    (badgeAttribute) =>
      [...document.querySelectorAll('*')].filter(
        (element) => element.shadowRoot !== null && !element.hasAttribute(badgeAttribute),
      ).length,
    BADGE_HOST_ATTRIBUTE,
  );

async function goToView(tab: ConsoleTab, link: string, title: string): Promise<void> {
  await (await tab.app()).click({ in: 'page', css: 'nav a, [role="navigation"] a', text: link, exact: true });
  await until(
    async () => (await (await tab.app()).evaluate(() => document.querySelector('h1')?.textContent?.trim())) === title,
    `the console shows ${title}`,
  );
}

/** The Creative Cloud view with its data loaded (the picker only exists then), and one UI of ours on it. */
async function showsCreativeCloudWithOneUi(tab: ConsoleTab): Promise<void> {
  await until(
    async () =>
      (await (
        await tab.app()
      ).evaluate(
        (label) => [...document.querySelectorAll('button')].some((button) => button.textContent === label),
        SWITCH_BUTTON,
      )) && (await uiInstances(await tab.app())) === 1,
    'the Creative Cloud view with one UI of ours',
  );
}

const routeChanges: Behaviour = {
  name: 'route changes: the UI shows only on Creative Cloud, leaves with the admin, and ten round trips leave exactly one',
  async run(driver) {
    const tab = await driver.openTab(driver.sandbox.shellUrl);
    await until(
      async () =>
        (await (await tab.app()).evaluate(() => document.querySelector('h1')?.textContent?.trim())) ===
        VIEW_TITLES.assets,
      'the console opens on Assets',
    );
    await afterContentScriptCheck(await tab.app());
    assert.equal(await uiInstances(await tab.app()), 0, 'no UI on the Assets view');

    await goToView(tab, 'Creative Cloud', VIEW_TITLES.creativeCloud);
    await showsCreativeCloudWithOneUi(tab);
    await goToView(tab, VIEW_TITLES.general, VIEW_TITLES.general);
    await until(async () => (await uiInstances(await tab.app())) === 0, 'our UI leaves with the admin');

    for (let round = 0; round < 10; round += 1) {
      await goToView(tab, 'Creative Cloud', VIEW_TITLES.creativeCloud);
      await showsCreativeCloudWithOneUi(tab);
      await goToView(tab, VIEW_TITLES.general, VIEW_TITLES.general);
    }
    await goToView(tab, 'Creative Cloud', VIEW_TITLES.creativeCloud);
    await showsCreativeCloudWithOneUi(tab);
    await afterContentScriptCheck(await tab.app());
    const app = await tab.app();
    assert.equal(await app.evaluate(() => document.querySelectorAll('[data-cc-switcher-slot]').length), 1);
    assert.equal(await uiInstances(app), 1);
  },
};

const otherTabsFollow: Behaviour = {
  name: 'a switch in one console tab shows in the other console tab without a reload',
  async run(driver) {
    const design = orgNamed('Acme Design Studio');
    const first = await signedInConsole(driver);
    const second = await driver.openTab(driver.sandbox.creativeCloudUrl());
    await consoleShowsSummary(second);
    await uiContains(second, byTestId('connected-org'), 'Acme');

    await pickInSwitcher(first, design.name);
    await (await first.app()).click({ in: 'ui', css: 'dialog[open] button', text: en.confirmSwitch });
    await uiShows(first, byTestId('progress'), resultLine('api', design.name));
    // The other tab learns it from the worker's push: no reload, no click.
    await uiContains(second, byTestId('connected-org'), design.name);
    await first.close();
  },
};

export const LIFECYCLE_BEHAVIOURS: BehaviourGroup = {
  title: "the console page's life",
  behaviours: [routeChanges, otherTabsFollow],
};
