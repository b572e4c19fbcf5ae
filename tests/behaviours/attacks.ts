import assert from 'node:assert/strict';
import fc from 'fast-check';
import { CONSOLE_UI_TAG } from '../../components/console/ui-tag';
import { BADGE_HOST_ATTRIBUTE } from '../../lib/console-page/markers';
import { CONSOLE_PROFILE_SOURCE } from '../../lib/console-page/profile';
import { SANDBOX_CLIENT_ID } from '../../lib/environment';
import { ERROR_CODES } from '../../lib/errors';
import type { Request } from '../../lib/messaging/contract';
import en from '../../locales/en.json' with { type: 'json' };
import { type LoggedRequest, madeByExtension } from '../../sandbox/request-log';
import { SCENARIOS, userOf } from '../../sandbox/scenarios';
import { startSandbox } from '../../sandbox/server';
import { byTestId, NATIVE_PICKER, uiText } from '../drivers/console-readers';
import { afterContentScriptCheck, type BrowserDriver, type ConsoleTab, type Evaluator, until } from '../drivers/driver';
import { connectionPuts, countTokens, extensionTokens, readPageVisibleText } from '../e2e/support/attack-surfaces';
import { readProtectedSetting, writeProtectedSetting } from '../e2e/support/extension-environment';
import { sandboxControl } from '../e2e/support/sandbox-control';
import { type MatrixCase, matrixCaseStarted } from '../support/matrix';
import { orgNamed } from '../support/scenario-orgs';
import type { Behaviour, BehaviourGroup } from './behaviour';
import {
  appliedChanges,
  consoleShowsSummary,
  dialogClosed,
  pickInSwitcher,
  resultLine,
  sendFromExtensionPage,
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
export const FORGED_REQUESTS: Request[] = [
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
    await afterContentScriptCheck(await tab.app());
    assert.equal(await dialogsInUi(await tab.app()), 0);

    // The user opens the confirmation; the page clicks its confirm button: the dialog stays open.
    await (await tab.app()).click({ in: 'ui', css: `[role="option"][data-org-id="${design.id}"]` });
    await dialogShows(tab, en.confirmSwitch);
    assert.equal(await pageClicks(await tab.app(), 'dialog button.primary'), true);
    await afterContentScriptCheck(await tab.app());
    assert.notEqual(await openDialogText(tab), null, 'the confirmation stays open');
    await (await tab.app()).click({ in: 'ui', css: 'dialog[open] button', text: en.cancel });
    await dialogClosed(tab);

    // Sign-in ("Use a different account") would open an account window: the page cannot start it.
    assert.equal(await pageClicks(await tab.app(), 'section > button:not([aria-controls])'), true);
    await afterContentScriptCheck(await tab.app());
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
    await afterContentScriptCheck(await tab.app());
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
    await afterContentScriptCheck(await tab.app());
    assert.equal(await dialogsInUi(await tab.app()), 0);

    // The admin's own press asks again; the page's click on its confirm button does nothing.
    await (await tab.app()).click(switchBack);
    await dialogShows(tab, en.confirmSwitchBackTitle);
    assert.equal(await pageClicks(await tab.app(), 'dialog button.primary'), true);
    await afterContentScriptCheck(await tab.app());
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
    await afterContentScriptCheck(await tab.app());
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

/**
 * What a compromised console frame writes to take over the extension's settings: the
 * `storage.local` keys earlier releases read (with WXT's version beside each) where its world has
 * extension storage, and the protected store's own database name, keys and change channel in
 * whatever IndexedDB its origin gets. Answers the keys each holds afterwards.
 */
async function plantSettings(planted: Record<string, unknown>) {
  type Storage = { local: { set(items: object): Promise<void>; get(keys: null): Promise<object> } };
  const globals = globalThis as { browser?: { storage?: Storage }; chrome?: { storage?: Storage } };
  const storage = (globals.browser ?? globals.chrome)?.storage;
  const versions = Object.fromEntries(Object.keys(planted).map((key) => [`${key}$`, { v: 1 }]));
  await storage?.local.set({ ...planted, ...versions });
  const indexedDb = await (async () => {
    const database = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('protected-settings');
      request.onupgradeneeded = () => request.result.createObjectStore('items');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    await new Promise((resolve, reject) => {
      const transaction = database.transaction('items', 'readwrite');
      for (const [key, value] of Object.entries(planted))
        transaction.objectStore('items').put({ version: 1, value }, key);
      transaction.oncomplete = resolve;
      transaction.onerror = () => reject(transaction.error);
    });
    const changes = new BroadcastChannel('protected-settings-changed');
    for (const key of Object.keys(planted)) changes.postMessage({ key });
    return new Promise<string[]>((resolve) => {
      const read = database.transaction('items').objectStore('items').getAllKeys();
      read.onsuccess = () => resolve(read.result.map(String));
    });
    // A third-party frame may get no IndexedDB at all (Chromium refuses it to the app frame).
  })().catch((error) => `refused: ${String(error)}`);
  const local = storage ? Object.keys(await storage.local.get(null)) : [];
  return { local, indexedDb, origin: location.origin };
}

/** What the options page shows about the planted settings, once it has loaded each of them (they load apart). */
const optionsShow = (options: Evaluator, labels: { assetsBase: string; hostsNone: string }) =>
  until(
    () =>
      options.evaluate(({ assetsBase, hostsNone }) => {
        const hosts = document.querySelector('[data-testid="console-hosts"]')?.textContent ?? '';
        const shown = {
          environment: document.querySelector('select')?.value ?? null,
          readOnly: document.querySelector<HTMLInputElement>('input[type="checkbox"]')?.checked ?? null,
          assetsBaseField: document.body.textContent?.includes(assetsBase) ?? false,
          hostsNone: hosts.includes(hostsNone),
          attackerHost: hosts.includes('attacker.example'),
        };
        // Loaded: the environment and read-only as the store holds them, and the host list decided.
        const loaded = shown.environment === 'sandbox' && shown.readOnly && (shown.hostsNone || shown.attackerHost);
        return loaded ? shown : null;
      }, labels),
    'the options page shows the stored environment, read-only and its console hosts',
  );

const plantedStorage: Behaviour = {
  name: 'content script turns read-only off, adds a console host, plants a remembered AEM org, redirects the Assets base: nothing changes',
  async run(driver) {
    const cases = {
      assetsBase: attackCase(
        driver,
        'content script points the Assets base at its own host (storage.local, IndexedDB)',
      ),
      readOnly: attackCase(driver, 'content script turns read-only off (storage.local, IndexedDB)'),
      consoleHost: attackCase(driver, 'content script adds a console host (storage.local, IndexedDB)'),
      aemOrg: attackCase(driver, 'content script plants a remembered AEM org (storage.local, IndexedDB)'),
    };
    const { sandbox } = driver;
    const choiceKey = JSON.stringify([new URL(sandbox.shellUrl).origin, acme.aemOrg.tenant]);
    const planted = {
      environment: {
        name: 'custom',
        clientId: SANDBOX_CLIENT_ID,
        baseUrls: { imsBaseUrl: sandbox.apiBaseUrl, assetsBaseUrl: 'https://assets.attacker.example' },
      },
      readOnly: false,
      customConsoleHosts: [
        { origin: 'https://console.attacker.example', matchPattern: 'https://console.attacker.example/*' },
      ],
      aemOrgByConsole: { [choiceKey]: design.id },
    };
    await writeProtectedSetting(await driver.background(), 'readOnly', true);
    const storedEnvironment = await readProtectedSetting(await driver.background(), 'environment');
    const tab = await signedInConsole(driver);
    await uiShows(tab, byTestId('read-only'), en.readOnly);

    // From the content scripts' world in the app frame, where compromised console code runs:
    // its writes into storage.local succeed; its IndexedDB is the page origin's, never ours.
    const inContentScript = await (await tab.contentScript()).evaluate(plantSettings, planted);
    assert.ok(
      Object.keys(planted).every((key) => inContentScript.local.includes(key)),
      'storage.local took the writes',
    );
    assert.doesNotMatch(inContentScript.origin, /extension:/);
    // The shell's own scripts write a database of the protected store's name in their own
    // origin and announce it on a channel of the same name: that succeeds too.
    const inShell = await tab.top().evaluate(plantSettings, planted);
    assert.ok(
      Object.keys(planted).every((key) => inShell.indexedDb.includes(key)),
      'the shell database took the writes',
    );

    // The next console load: still read-only, still on the sandbox's environment.
    await tab.reload();
    await consoleShowsSummary(tab);
    await uiShows(tab, byTestId('read-only'), en.readOnly);
    assert.equal(await uiText(await tab.app(), `button[aria-controls="org-switcher"]`), null, 'no switcher opener');
    const status = (await sendFromExtensionPage(driver, { type: 'getStatus' })) as { data?: object };
    assert.deepEqual({ ...status.data }, { ...status.data, environment: 'sandbox', signedIn: true });

    const options = await driver.extensionPage('options.html');
    const shown = await optionsShow(options, { assetsBase: en.optionsAssetsBaseUrl, hostsNone: en.hostsNone });
    await options.close();
    assert.equal(shown.environment, 'sandbox');
    assert.equal(shown.assetsBaseField, false);
    const background = await driver.background();
    assert.deepEqual(await readProtectedSetting(background, 'environment'), storedEnvironment);
    cases.assetsBase.passed({ tokensFound: 0 });

    assert.equal(shown.readOnly, true);
    assert.deepEqual(await readProtectedSetting(background, 'readOnly'), { version: 1, value: true });
    cases.readOnly.passed({ intendedSwitches: 0, appliedSwitches: await appliedChanges(driver) });

    assert.deepEqual({ none: shown.hostsNone, attacker: shown.attackerHost }, { none: true, attacker: false });
    const registered = await background.evaluate(async () => {
      type Scripting = { getRegisteredContentScripts(): Promise<{ id: string }[]> };
      const globals = globalThis as { browser?: { scripting: Scripting }; chrome?: { scripting: Scripting } };
      const scripts = await (globals.browser ?? globals.chrome)?.scripting.getRegisteredContentScripts();
      return scripts?.map((script) => script.id) ?? null;
    });
    assert.deepEqual(registered, []);
    cases.consoleHost.passed();

    assert.equal(await readProtectedSetting(background, 'aemOrgByConsole'), null);
    cases.aemOrg.passed();
  },
};

const fuzzedMessages: Behaviour = {
  name: 'fuzzed messages to the real worker, from a content script and an extension page: typed errors, no crash',
  async run(driver) {
    const matrixCase = attackCase(driver, 'fuzzed messages to the real worker (content script and page)');
    const tab = await driver.openTab(driver.sandbox.creativeCloudUrl());
    const near = FORGED_REQUESTS.flatMap((request) => [
      { ...request, extra: true },
      { ...request, type: `${request.type} ` },
      { ...request, orgId: 'not-an-org' },
    ]);
    const samples: unknown[] = [...fc.sample(fc.jsonValue(), { numRuns: 40, seed: 7 }), ...near].filter(
      (value) => value !== null,
    );
    // JSON text both ways: every world gets the same values (-0 and friends included).
    const sendEach = async (texts: string[]) => {
      type Messaging = { runtime: { sendMessage(message: unknown): Promise<unknown> } };
      const globals = globalThis as { browser?: Messaging; chrome?: Messaging };
      const runtime = (globals.browser ?? globals.chrome)?.runtime;
      const answers: unknown[] = [];
      for (const text of texts) answers.push(await runtime?.sendMessage(JSON.parse(text)));
      return answers;
    };
    const texts = samples.map((message) => JSON.stringify(message));
    await until(
      async () => (await (await tab.app()).evaluate(() => document.readyState)) === 'complete',
      'the console app loads',
    );
    const fromContentScript = await (await tab.contentScript()).evaluate(sendEach, texts);
    const page = await driver.extensionPage('popup.html');
    const fromPage = await page.evaluate(sendEach, texts);
    const alive = await page.evaluate(sendEach, [JSON.stringify({ type: 'getStatus' })]);
    await page.close();

    const codes = new Set<string>();
    for (const [index, answer] of [...fromContentScript, ...fromPage].entries()) {
      const error = (answer as { ok?: boolean; error?: { code?: unknown } } | undefined)?.error;
      assert.equal((answer as { ok?: boolean })?.ok, false, texts[index % texts.length]);
      assert.equal(typeof error?.code, 'string', texts[index % texts.length]);
      codes.add(error?.code as string);
    }
    assert.equal(fromContentScript.length, texts.length);
    assert.deepEqual(
      [...codes].filter((code) => !(ERROR_CODES as readonly string[]).includes(code)),
      [],
    );
    // Still alive and well.
    assert.equal((alive[0] as { ok?: boolean })?.ok, true);
    await passedWithNoSwitch(matrixCase, driver);
  },
};

const markupOrg = orgNamed('Åsa & Söner AB <img src=x onerror=alert(1)>');

/** Any `alert` a planted script runs in the app frame's page is kept instead of shown. */
const recordAlerts = (app: Evaluator) =>
  app.evaluate(() => {
    const alerts: string[] = [];
    (window as typeof window & { alerts?: string[] }).alerts = alerts;
    window.alert = (message?: unknown) => void alerts.push(String(message));
    return true;
  });

const markupShownLiterally: Behaviour = {
  name: 'markup in org names and API error messages shows literally everywhere, and no script runs',
  async run(driver) {
    const matrixCase = attackCase(driver, 'markup in org names and API error messages');
    // The org with markup in its name is the connected one: status panel and confirmation show it.
    const tab = await signedInConsole(driver, {
      arrange: () => driver.sandbox.control('POST', 'connection', { orgId: markupOrg.id }),
    });
    await recordAlerts(await tab.app());
    await uiContains(tab, byTestId('connected-org'), markupOrg.name);

    // Disabled options are chosen from the keyboard, which reads their reasons out.
    await (await tab.app()).click({ in: 'ui', css: 'button', text: en.openSwitcher });
    await (await tab.app()).type({ in: 'ui', css: '[role="combobox"]' }, 'Söner');
    await until(
      async () => (await uiText(await tab.app(), `[role="option"][data-org-id="${markupOrg.id}"]`)) !== null,
      'the switcher lists the org with markup',
    );
    await tab.press('Enter');
    await uiContains(tab, byTestId('refusal'), markupOrg.name);

    const hostileMessage = '<img src=x onerror=alert("error")><script>alert("script")</script>';
    await driver.sandbox.control('POST', 'faults', {
      method: 'PUT',
      path: '/adobe/assets/settings/creative-cloud',
      status: 422,
      contentType: 'application/json',
      body: JSON.stringify({ error: { code: 'NO_CC_ENTITLEMENT', message: hostileMessage } }),
      times: 0,
    });
    await (await tab.app()).type({ in: 'ui', css: '[role="combobox"]' }, 'Design');
    await (await tab.app()).click({ in: 'ui', css: `[role="option"][data-org-id="${design.id}"]` });
    await until(
      async () => (await uiText(await tab.app(), `dialog[open] ${byTestId('confirm-text')}`))?.includes(markupOrg.name),
      'the confirmation names the org with markup',
    );
    await (await tab.app()).click({ in: 'ui', css: 'dialog[open] button', text: en.confirmSwitch });
    await until(
      async () => (await uiText(await tab.app(), `${byTestId('error')} [data-error-code]`)) !== null,
      'our UI shows the error',
    );

    // The native picker and the native guard's dialog name the org too.
    await (await tab.app()).click({ in: 'page', css: NATIVE_PICKER });
    await (await tab.app()).click({ in: 'page', css: '[role="option"]', text: markupOrg.id });
    await (await tab.app()).click({ in: 'page', css: 'button', text: LABELS.switchButton, exact: true });
    await until(
      async () => (await uiText(await tab.app(), `dialog[open] ${byTestId('guard-text')}`))?.includes(markupOrg.name),
      'the guard names the org with markup',
    );
    await (await tab.app()).click({ in: 'ui', css: 'dialog[open] button', text: en.cancel });
    await dialogClosed(tab);

    const created = await (await tab.app()).evaluate((tag) => {
      const root = document.querySelector(tag)?.shadowRoot;
      return {
        inUi: root?.querySelectorAll('img, script:not([src]), iframe, object').length ?? -1,
        inPage: document.querySelectorAll('img, iframe, object').length,
        uiText: root?.textContent ?? '',
        alerts: (window as typeof window & { alerts?: string[] }).alerts ?? null,
      };
    }, CONSOLE_UI_TAG);
    assert.equal(created.inUi, 0);
    assert.equal(created.inPage, 0);
    assert.ok(created.uiText.includes(markupOrg.name));
    assert.deepEqual(created.alerts, [], 'no alert ran (and the recorder is still in place)');
    await passedWithNoSwitch(matrixCase, driver);
  },
};

/** Keeps every message the content-script world receives (the worker's pushes) in that world. */
function listenInContentScript() {
  type Runtime = { onMessage: { addListener(listener: (message: unknown) => void): void } };
  const globals = globalThis as { browser?: { runtime: Runtime }; chrome?: { runtime: Runtime }; received?: unknown[] };
  const received: unknown[] = [];
  globals.received = received;
  (globals.browser ?? globals.chrome)?.runtime.onMessage.addListener((message) => void received.push(message));
  return true;
}

const receivedInContentScript = () => JSON.stringify((globalThis as { received?: unknown[] }).received ?? null);

/** An extension storage area as JSON text, read in whichever world runs it (background or content script). */
async function storageArea(area: 'local' | 'sync' | 'session') {
  type Area = { get(keys: null): Promise<object> };
  type Areas = { local: Area; sync: Area; session: Area };
  const globals = globalThis as { browser?: { storage: Areas }; chrome?: { storage: Areas } };
  return JSON.stringify(await (globals.browser ?? globals.chrome)?.storage[area].get(null));
}

const tokenScan: Behaviour = {
  name: 'token scan: no surface a page or content script can reach holds a real token (DOM, shadow roots, messages, storage)',
  async run(driver) {
    const matrixCase = attackCase(driver, 'token scan: DOM, shadow roots, messages, storage');
    const tab = await signedInConsole(driver);
    await (await tab.contentScript()).evaluate(listenInContentScript);

    // A full switch and switch back, a token refresh in between, and the native picker's badges.
    await pickInSwitcher(tab, design.name);
    await (await tab.app()).click({ in: 'ui', css: 'dialog[open] button', text: en.confirmSwitch });
    // The verified line, not the progress line that also names the org: the refresh below must
    // happen between two switches, not during the first one.
    await uiShows(tab, byTestId('progress'), resultLine('api', design.name));
    await driver.sandbox.control('POST', 'expire-tokens');
    await (await tab.app()).click({ in: 'ui', css: 'button', text: `Switch back to ${acme.aemOrg.name}` });
    await uiShows(tab, byTestId('progress'), resultLine('api', acme.aemOrg.name));
    await (await tab.app()).click({ in: 'page', css: NATIVE_PICKER });
    await until(
      async () =>
        await (await tab.app()).evaluate((host) => document.querySelector(`[${host}]`) !== null, BADGE_HOST_ATTRIBUTE),
      'the native options carry badges',
    );

    const tokens = await extensionTokens(driver.sandbox);
    // Two generations (sign-in, refresh), so the scan looks for more than one token.
    assert.ok(tokens.length >= 3, `tokens issued: ${tokens.length}`);
    const background = await driver.background();
    assert.ok(
      countTokens(await background.evaluate(storageArea, 'session'), tokens) > 0,
      'the worker holds its tokens',
    );

    const contentScript = await tab.contentScript();
    const surfaces = {
      'shell DOM and page storage': await tab.top().evaluate(readPageVisibleText),
      'app DOM, shadow roots and page storage': await (await tab.app()).evaluate(readPageVisibleText),
      'messages the content script received': await contentScript.evaluate(receivedInContentScript),
      'storage.local as the content script reads it': await contentScript.evaluate(storageArea, 'local'),
      'storage.local': await background.evaluate(storageArea, 'local'),
      'storage.sync': await background.evaluate(storageArea, 'sync'),
      'diagnostics report': JSON.stringify(await sendFromExtensionPage(driver, { type: 'getDiagnostics' })),
    };
    // The scan reads real content: the UI in the shadow root, the pushes, the diagnostics.
    assert.ok(surfaces['app DOM, shadow roots and page storage'].includes(design.name));
    assert.ok(surfaces['messages the content script received'].includes('stateChanged'));
    assert.ok(surfaces['diagnostics report'].includes(acme.aemOrg.name));
    const found = Object.fromEntries(Object.entries(surfaces).map(([name, text]) => [name, countTokens(text, tokens)]));
    assert.deepEqual(found, Object.fromEntries(Object.keys(surfaces).map((name) => [name, 0])));
    const applied = await appliedChanges(driver);
    assert.equal(applied, 2);
    const tokensFound = Object.values(found).reduce((sum, count) => sum + count, 0);
    matrixCase.passed({ intendedSwitches: 2, appliedSwitches: applied, tokensFound });
  },
};

/**
 * A page script, installed before any content script runs (in every frame): it keeps every
 * `message` event it hears and listens for the events WXT's own content-script context would
 * fire on `window` and `document` (their names carry the extension's runtime id). Isolated-world
 * code is invisible to it; only what crosses into the page is recorded.
 */
function recordWhatThePageSees(extensionId: string): void {
  const seen: string[] = [];
  (window as typeof window & { pageSaw?: string[] }).pageSaw = seen;
  const asText = (value: unknown): string => {
    try {
      return JSON.stringify(value) ?? String(value);
    } catch {
      return String(value);
    }
  };
  window.addEventListener('message', (event) => seen.push(`message ${asText(event.data)}`), true);
  for (const entrypoint of ['console', 'console-ui']) {
    for (const name of ['content-script-started', 'locationchange']) {
      const type = `${extensionId}:${entrypoint}:wxt:${name}`;
      for (const target of [window, document]) {
        target.addEventListener(type, (event) => seen.push(`event ${event.type}`), true);
      }
    }
  }
}

const whatThePageSaw = (frame: Evaluator) =>
  frame.evaluate(() => (window as typeof window & { pageSaw?: string[] }).pageSaw ?? null);

const uiPresent = async (tab: ConsoleTab) =>
  (await tab.app()).evaluate((tag) => document.querySelector(tag) !== null, CONSOLE_UI_TAG);

const pageListens: Behaviour = {
  name: 'page listens for messages and events that name the extension: it hears none',
  async run(driver) {
    const matrixCase = attackCase(driver, 'page listens for messages and events that name the extension');
    const admin = userOf(acme, acme.consoleUserId);
    if (!admin) throw new Error('The default scenario has no console user');
    await driver.signIn(admin);
    const tab = await driver.openTabWithScript(
      driver.sandbox.creativeCloudUrl(),
      recordWhatThePageSees,
      driver.extensionId,
    );
    await consoleShowsSummary(tab);
    await uiContains(tab, byTestId('connected-org'), acme.aemOrg.name);
    // A route change away and back: the UI's location watcher sees it, the UI leaves and returns.
    const navLink = (text: string) => ({ in: 'page', css: 'nav a, [role="navigation"] a', text, exact: true }) as const;
    await (await tab.app()).click(navLink('General Settings'));
    await until(async () => !(await uiPresent(tab)), 'our UI leaves with the admin');
    await (await tab.app()).click(navLink('Creative Cloud'));
    await uiContains(tab, byTestId('connected-org'), acme.aemOrg.name);

    const seen = [await whatThePageSaw(tab.top()), await whatThePageSaw(await tab.app())];
    // Both frames ran the recorder, and the console's own frame messages reached it.
    assert.ok(seen.every(Array.isArray), 'the recorder ran in the shell and the app frame');
    const everything = seen.flatMap((entries) => entries ?? []);
    assert.ok(everything.some((entry) => entry.startsWith('message ')));
    assert.deepEqual(
      everything.filter((entry) => entry.includes(driver.extensionId)),
      [],
    );
    matrixCase.passed({ tokensFound: 0 });
  },
};

const attackerAuthorHost: Behaviour = {
  name: 'console link names an attacker author host (?repoId= / ?repo=): no token, not on load, not by a page click',
  async run(driver) {
    const matrixCase = attackCase(driver, 'console link names an attacker author host (?repoId= / ?repo=)');
    // The attacker: another AEM customer's author host, played by a second sandbox on another port.
    const attacker = await startSandbox({ port: 0 });
    try {
      const attackerHost = new URL(attacker.apiBaseUrl).host;
      const admin = userOf(acme, acme.consoleUserId);
      if (!admin) throw new Error('The default scenario has no console user');
      await driver.signIn(admin);
      const confirm = byTestId('author-host-confirm');
      for (const authorParam of ['repoId', 'repo'] as const) {
        const tab = await driver.openTab(
          driver.sandbox.creativeCloudUrl(undefined, undefined, { authorHost: attackerHost, authorParam }),
        );
        // The victim's AEM org and the attacker's host, spelled out; the view's state has loaded.
        await uiContains(tab, confirm, attackerHost);
        await uiContains(tab, confirm, acme.aemOrg.name);
        // The attacker's page script presses "Trust", enabled, for the admin: nothing happens.
        await until(
          async () =>
            (await tab.app()).evaluate(
              ({ tag, css }) =>
                document.querySelector(tag)?.shadowRoot?.querySelector<HTMLButtonElement>(css)?.disabled === false,
              { tag: CONSOLE_UI_TAG, css: `${confirm} button` },
            ),
          'the Trust button is enabled',
        );
        assert.equal(await pageClicks(await tab.app(), `${confirm} button`), true);
        await afterContentScriptCheck(await tab.app());
        assert.notEqual(await uiText(await tab.app(), confirm), null, 'the confirmation stays');
        await tab.close();
      }
      const reached = (await sandboxControl(attacker.apiBaseUrl)<LoggedRequest[]>('GET', 'requests')).filter(
        madeByExtension,
      );
      const withCredentials = reached.filter(
        (entry) => entry.headers.authorization || entry.headers['x-gw-ims-org-id'],
      );
      assert.deepEqual(withCredentials, []);
      await passedWithNoSwitch(matrixCase, driver, { putsSent: 0, tokensFound: withCredentials.length });
    } finally {
      await attacker.close();
    }
  },
};

export const ATTACK_BEHAVIOURS: BehaviourGroup = {
  title: 'attack matrix',
  behaviours: [
    clicksAndKeys,
    typesIntoSearch,
    fakedCard,
    postsAndPlants,
    plantedStorage,
    fuzzedMessages,
    markupShownLiterally,
    tokenScan,
    pageListens,
    attackerAuthorHost,
  ],
};
