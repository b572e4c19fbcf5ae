import assert from 'node:assert/strict';
import { CONSOLE_UI_TAG } from '../../components/console/ui-tag';
import { CONSOLE_PROFILE_SOURCE } from '../../lib/console-page/profile';
import type { Request } from '../../lib/messaging/contract';
import en from '../../locales/en.json' with { type: 'json' };
import { SCENARIOS } from '../../sandbox/scenarios';
import { byTestId, NATIVE_PICKER, uiText } from '../drivers/console-readers';
import { type BrowserDriver, type ConsoleTab, type Evaluator, until } from '../drivers/driver';
import { connectionPuts, countTokens, extensionTokens } from '../e2e/support/attack-surfaces';
import { type MatrixCase, matrixCaseStarted } from '../support/matrix';
import { orgNamed } from '../support/scenario-orgs';
import type { Behaviour, BehaviourGroup } from './behaviour';
import {
  appliedChanges,
  dialogClosed,
  pickInSwitcher,
  resultLine,
  signedInConsole,
  uiContains,
  uiShows,
} from './steps';

// The attack matrix's hostile console page: its own scripts click, key and type inside our UI,
// fake the card, post messages and plant look-alikes. Only the user's trusted input may act.
// Every case records itself (tests/support/matrix.ts); `npm test` prints the totals per runner.

const acme = SCENARIOS.default;
const design = orgNamed('Acme Design Studio');
const legacy = orgNamed('Acme Legacy Agency');
const LABELS = CONSOLE_PROFILE_SOURCE.labels.en;
const acmeConsole = { tenant: acme.aemOrg.tenant, orgName: acme.aemOrg.name };

/** Requests a page would forge if it could reach the worker: a switch above all. */
const FORGED_REQUESTS: Request[] = [
  { type: 'switchOrg', console: acmeConsole, orgId: design.id, expectedCurrentOrgId: acme.aemOrg.id },
  { type: 'switchBack', console: acmeConsole, expectedCurrentOrgId: design.id },
  { type: 'getConsoleState', console: acmeConsole, freshness: 'fresh' },
  { type: 'getStatus' },
  { type: 'getHistory' },
];

const attackCase = (driver: BrowserDriver, name: string) => matrixCaseStarted('attack', name, driver.browser);

/** The end of a case in which nothing may switch: no change applied (and, where asked, no PUT sent). */
async function passedWithNoSwitch(
  matrixCase: MatrixCase,
  driver: BrowserDriver,
  { putsSent, tokensFound = 0 }: { putsSent?: 0; tokensFound?: number } = {},
): Promise<void> {
  if (putsSent !== undefined) assert.equal(await connectionPuts(driver.sandbox), putsSent);
  const applied = await appliedChanges(driver);
  assert.equal(applied, 0);
  matrixCase.passed({ intendedSwitches: 0, appliedSwitches: applied, tokensFound });
}

/** The page's own script clicks something in our shadow root (an untrusted `click()`); whether it found it. */
function pageClicks(app: Evaluator, css: string): Promise<boolean> {
  return app.evaluate(
    ({ tag, css }) => {
      const element = document.querySelector(tag)?.shadowRoot?.querySelector<HTMLElement>(css);
      element?.click();
      return Boolean(element);
    },
    { tag: CONSOLE_UI_TAG, css },
  );
}

const dialogsInUi = (app: Evaluator) =>
  app.evaluate(
    (tag) => document.querySelector(tag)?.shadowRoot?.querySelectorAll('dialog').length ?? 0,
    CONSOLE_UI_TAG,
  );

const openDialogText = async (tab: ConsoleTab) => uiText(await tab.app(), 'dialog[open]');

/** Waits until our open dialog shows `text`, and answers its whole text. */
const dialogShows = (tab: ConsoleTab, text: string) =>
  until(async () => {
    const shown = await openDialogText(tab);
    return shown?.includes(text) && shown;
  }, `our dialog shows "${text}"`);

/** Lets the content script's once-per-frame checks after a mutation run. */
const settle = (frame: Evaluator) =>
  frame.evaluate(
    () => new Promise<boolean>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(true)))),
  );

const clicksAndKeys: Behaviour = {
  name: 'page script clicks and keys inside the extension UI: no switch, no sign-in, no guard bypass',
  async run(driver) {
    const matrixCase = attackCase(driver, 'page script clicks and keys inside the extension UI');
    const tab = await signedInConsole(driver);
    const opener = { in: 'ui', css: 'button', text: en.openSwitcher } as const;

    // Opening: had the page's click counted, the user's click below would close the switcher again.
    assert.equal(await pageClicks(await tab.app(), 'button[aria-controls="org-switcher"]'), true);
    await (await tab.app()).click(opener);
    await until(async () => (await uiText(await tab.app(), byTestId('switcher'))) !== null, 'the switcher opens');

    // Choosing an org, by click and by a forged Enter on the search box: no confirmation opens.
    assert.equal(await pageClicks(await tab.app(), `[role="option"][data-org-id="${design.id}"]`), true);
    await (await tab.app()).evaluate((tag) => {
      const input = document.querySelector(tag)?.shadowRoot?.querySelector('input');
      input?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    }, CONSOLE_UI_TAG);
    await settle(await tab.app());
    assert.equal(await dialogsInUi(await tab.app()), 0);

    // The user opens the confirmation; the page clicks its confirm button: the dialog stays open.
    await (await tab.app()).click({ in: 'ui', css: `[role="option"][data-org-id="${design.id}"]` });
    await dialogShows(tab, en.confirmSwitch);
    assert.equal(await pageClicks(await tab.app(), 'dialog button.primary'), true);
    await settle(await tab.app());
    assert.notEqual(await openDialogText(tab), null, 'the confirmation stays open');
    await (await tab.app()).click({ in: 'ui', css: 'dialog[open] button', text: en.cancel });
    await dialogClosed(tab);

    // Sign-in ("Use a different account") would open an account window: the page cannot start it.
    assert.equal(await pageClicks(await tab.app(), 'section > button:not([aria-controls])'), true);
    await settle(await tab.app());
    const differentAccountEnabled = await (await tab.app()).evaluate(
      ({ tag, label }) =>
        [...(document.querySelector(tag)?.shadowRoot?.querySelectorAll('button') ?? [])].some(
          (button) => button.textContent?.includes(label) && !button.disabled,
        ),
      { tag: CONSOLE_UI_TAG, label: en.useDifferentAccount },
    );
    assert.equal(differentAccountEnabled, true, 'no sign-in started');

    // The native guard stops a native switch to an org without CC; the page clicks Proceed for the user.
    await (await tab.app()).click(opener);
    await until(async () => (await uiText(await tab.app(), byTestId('switcher'))) === null, 'the switcher closes');
    await (await tab.app()).click({ in: 'page', css: NATIVE_PICKER });
    await (await tab.app()).click({ in: 'page', css: '[role="option"]', text: legacy.id });
    await (await tab.app()).click({ in: 'page', css: 'button', text: LABELS.switchButton, exact: true });
    await until(
      async () => (await uiText(await tab.app(), `dialog[open] ${byTestId('guard-text')}`)) !== null,
      'the guard asks',
    );
    assert.equal(await pageClicks(await tab.app(), 'dialog .row button:nth-of-type(2)'), true);
    await settle(await tab.app());
    assert.notEqual(await uiText(await tab.app(), `dialog[open] ${byTestId('guard-text')}`), null, 'the guard stays');
    await (await tab.app()).click({ in: 'ui', css: 'dialog[open] button', text: en.cancel });
    await dialogClosed(tab);

    assert.equal(await uiText(await tab.app(), byTestId('progress')), '');
    await passedWithNoSwitch(matrixCase, driver, { putsSent: 0 });
  },
};

// Through the console page only the page's card vouches for a switch. A page that fakes the
// card (to make the switch look wrong) must not get the undo it wants without the admin looking.
const fakedCard: Behaviour = {
  name: 'page fakes the card after a console switch: no silent switch back',
  async run(driver) {
    const matrixCase = attackCase(driver, 'page fakes the card after a console switch: no silent switch back');
    const tab = await signedInConsole(driver, { scenario: 'extension-refused' });
    await pickInSwitcher(tab, design.name);
    await (await tab.app()).click({ in: 'ui', css: 'dialog[open] button', text: en.confirmSwitch });
    await uiShows(tab, byTestId('progress'), resultLine('console', design.name));
    assert.equal(await appliedChanges(driver), 1);

    // The page rewrites its card back to the old org and presses our Switch back itself.
    await (await tab.app()).evaluate((orgId) => {
      const card = document.querySelector('[data-testid="current-cc-org"]');
      if (card) card.textContent = orgId;
    }, acme.aemOrg.id);
    const switchBack = { in: 'ui', css: 'button', text: `Switch back to ${acme.aemOrg.name}` } as const;
    await uiContains(tab, 'section', switchBack.text);
    const pressed = await (await tab.app()).evaluate((tag) => {
      const button = [...(document.querySelector(tag)?.shadowRoot?.querySelectorAll('button') ?? [])].find((each) =>
        each.textContent?.startsWith('Switch back'),
      );
      button?.click();
      return Boolean(button);
    }, CONSOLE_UI_TAG);
    assert.equal(pressed, true);
    await settle(await tab.app());
    assert.equal(await dialogsInUi(await tab.app()), 0);

    // The admin's own press asks again; the page's click on its confirm button does nothing.
    await (await tab.app()).click(switchBack);
    await dialogShows(tab, en.confirmSwitchBackTitle);
    assert.equal(await pageClicks(await tab.app(), 'dialog button.primary'), true);
    await settle(await tab.app());
    assert.notEqual(await openDialogText(tab), null, 'the confirmation stays open');
    await (await tab.app()).click({ in: 'ui', css: 'dialog[open] button', text: en.cancel });
    await dialogClosed(tab);
    const applied = await appliedChanges(driver);
    assert.equal(applied, 1);
    matrixCase.passed({ intendedSwitches: 1, appliedSwitches: applied });
  },
};

const optionCount = async (tab: ConsoleTab) =>
  (await tab.app()).evaluate(
    (tag) => document.querySelector(tag)?.shadowRoot?.querySelectorAll('[role="option"]').length ?? 0,
    CONSOLE_UI_TAG,
  );

const typesIntoSearch: Behaviour = {
  name: 'page script types into the switcher search: the list stays whole, the user still filters',
  async run(driver) {
    const matrixCase = attackCase(driver, 'page script types into the switcher search');
    const tab = await signedInConsole(driver);
    await (await tab.app()).click({ in: 'ui', css: 'button', text: en.openSwitcher });
    const allOrgs = await until(() => tab.app().then((app) => uiText(app, byTestId('match-count'))), 'the match count');
    const options = await optionCount(tab);

    // Had the forged input counted, the list would hold one org and the user's Enter would pick it.
    await (await tab.app()).evaluate(
      ({ tag, query }) => {
        const input = document.querySelector(tag)?.shadowRoot?.querySelector('input');
        if (!input) throw new Error('no search field');
        input.value = query;
        input.dispatchEvent(new InputEvent('input', { bubbles: true, data: query }));
      },
      { tag: CONSOLE_UI_TAG, query: legacy.id },
    );
    await (await tab.app()).click({ in: 'ui', css: '[role="combobox"]' });
    await tab.press('ArrowDown');
    await settle(await tab.app());
    assert.equal(await uiText(await tab.app(), byTestId('match-count')), allOrgs);
    assert.equal(await optionCount(tab), options);

    // The user's own typing still filters.
    await (await tab.app()).type({ in: 'ui', css: '[role="combobox"]' }, design.id);
    await until(async () => (await optionCount(tab)) === 1, 'the user-typed search leaves one org');
    assert.equal(await connectionPuts(driver.sandbox), 0);
    matrixCase.passed({ intendedSwitches: 0, tokensFound: 0 });
  },
};

const postsAndPlants: Behaviour = {
  name: 'page posts messages, fires custom events, plants look-alike DOM: nothing answers, nothing switches',
  async run(driver) {
    const matrixCase = attackCase(driver, 'page posts messages, fires custom events, plants look-alike DOM');
    const tab = await signedInConsole(driver);
    const received = await (await tab.app()).evaluate(
      async ({ forged, designId, labels }) => {
        const heard: unknown[] = [];
        window.addEventListener('message', (event) => heard.push(event.data));
        const eventNames = ['message', 'switchOrg', 'aem-cc-org-switcher', 'wxt:locationchange', 'cc-switcher'];
        for (const request of forged) {
          window.postMessage(request, '*');
          window.top?.postMessage(request, '*');
          for (const name of eventNames) {
            window.dispatchEvent(new CustomEvent(name, { detail: request, bubbles: true }));
            document.dispatchEvent(new CustomEvent(name, { detail: request, bubbles: true }));
            document.querySelector('aem-cc-org-switcher')?.dispatchEvent(new CustomEvent(name, { detail: request }));
          }
        }
        // Look-alikes of the console's and the extension's controls, clicked by the page.
        const fake = document.createElement('div');
        fake.innerHTML = `
        <button type="button">${labels.switchOrgs}</button>
        <div role="listbox" aria-label="${labels.picker}"><div role="option" aria-selected="true">Acme Design Studio ${designId}</div></div>
        <dialog open aria-label="${labels.confirmTitle}"><button class="primary">${labels.confirmSwitch}</button></dialog>`;
        document.body.prepend(fake);
        const fakeHost = document.createElement('aem-cc-org-switcher');
        const fakeRoot = fakeHost.attachShadow({ mode: 'open' });
        fakeRoot.innerHTML =
          `<section data-testid="console-ui"><div role="option" data-org-id="${designId}">Acme Design Studio</div>` +
          `<dialog open><button class="primary">${labels.confirmSwitch}</button></dialog></section>`;
        document.body.append(fakeHost);
        for (const element of [
          ...fake.querySelectorAll('button, [role="option"]'),
          ...fakeRoot.querySelectorAll('*'),
        ]) {
          (element as HTMLElement).click();
        }
        // Two animation frames: the content script's DOM check runs once per frame after mutations.
        await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
        return JSON.parse(JSON.stringify(heard)) as unknown[];
      },
      {
        forged: FORGED_REQUESTS,
        designId: design.id,
        labels: { ...en, switchOrgs: LABELS.switchButton, picker: LABELS.picker },
      },
    );

    // The worker answers only through runtime messaging: nothing the page heard is an answer.
    const answers = received.filter((data) => typeof data === 'object' && data !== null && 'ok' in data);
    assert.deepEqual(answers, []);
    const tokensFound = countTokens(JSON.stringify(received), await extensionTokens(driver.sandbox));
    assert.equal(tokensFound, 0);
    // Our own UI is still the one on the page, showing the unchanged connection.
    await uiContains(tab, byTestId('connected-org'), acme.aemOrg.name);
    await passedWithNoSwitch(matrixCase, driver, { putsSent: 0, tokensFound });
  },
};

export const ATTACK_BEHAVIOURS: BehaviourGroup = {
  title: 'attack matrix',
  behaviours: [clicksAndKeys, typesIntoSearch, fakedCard, postsAndPlants],
};
