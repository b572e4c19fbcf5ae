import { REQUEST_ACCESS, type Request, type RequestType, type SenderKind } from '../../lib/messaging/contract';
import { SCENARIOS, type ScenarioOrg, type ScenarioUser } from '../../sandbox/scenarios';
import { expect, test } from './fixtures';
import { appFrameOf } from './support/console-ui';
import { contentScriptSender } from './support/content-script-sender';
import type { ChromiumGlobals } from './support/extension-apis';
import { parseAnswer, readExtensionStorage, signInAs } from './support/worker-client';

const scenario = SCENARIOS.default;
const named = <T extends { name: string }>(items: readonly T[], name: string): T => {
  const found = items.find((item) => item.name === name);
  if (!found) throw new Error(`No ${name} in the default scenario`);
  return found;
};
const ada: ScenarioUser = named(scenario.users, 'Ada Lovelace');
const acme: ScenarioOrg = named(scenario.orgs, 'Acme');
const design: ScenarioOrg = named(scenario.orgs, 'Acme Design Studio');
const acmeConsole = { tenant: scenario.aemOrg.tenant, orgName: scenario.aemOrg.name };

/** One well-formed request of every type but signIn (which opens a window). */
const SAMPLE_REQUESTS: Record<Exclude<RequestType, 'signIn'>, Request> = {
  getStatus: { type: 'getStatus' },
  // Refused for an extension page: only a console frame's detector asks for the UI.
  showConsoleUi: { type: 'showConsoleUi' },
  // Refused for an extension page: only the console's content scripts read the profile's corrections.
  getConsoleProfile: { type: 'getConsoleProfile' },
  signOut: { type: 'signOut' },
  getConsoleState: { type: 'getConsoleState', console: acmeConsole, freshness: 'fresh' },
  chooseAemOrg: { type: 'chooseAemOrg', console: acmeConsole, orgId: acme.id },
  // Refused for an extension page: only the console tab's URL names the host to bind.
  confirmAuthorHost: { type: 'confirmAuthorHost', console: acmeConsole, aemOrgId: scenario.aemOrg.id },
  // Refused for a content script: only options manage the bindings.
  removeAuthorHostBinding: {
    type: 'removeAuthorHostBinding',
    environment: 'sandbox',
    aemOrgId: scenario.aemOrg.id,
    authorHost: 'author-p1-e1.adobeaemcloud.com',
  },
  switchOrg: { type: 'switchOrg', console: acmeConsole, orgId: design.id, expectedCurrentOrgId: acme.id },
  switchBack: { type: 'switchBack', console: acmeConsole, expectedCurrentOrgId: design.id },
  // Refused for an extension page; a content script gets a real answer (no console switch path yet).
  beginConsoleSwitch: {
    type: 'beginConsoleSwitch',
    console: acmeConsole,
    target: design.id,
    expectedCurrentOrgId: acme.id,
  },
  finishConsoleSwitch: {
    type: 'finishConsoleSwitch',
    console: acmeConsole,
    opId: '00000000-0000-4000-8000-000000000000',
    outcome: 'cancelled',
    observedOrgId: null,
  },
  getHistory: { type: 'getHistory' },
  getPopupState: { type: 'getPopupState', freshness: 'cached' },
  getDiagnostics: { type: 'getDiagnostics' },
  clearHistory: { type: 'clearHistory' },
  saveSettings: { type: 'saveSettings', readOnly: false },
  // Refused for a content script: only options manage the list (allowed ones are stored, then removed).
  addConsoleHost: {
    type: 'addConsoleHost',
    host: { origin: 'https://aem.example.com', matchPattern: 'https://aem.example.com/*' },
  },
  removeConsoleHost: { type: 'removeConsoleHost', matchPattern: 'https://aem.example.com/*' },
  // Last: from the popup it really clears everything.
  clearAllData: { type: 'clearAllData' },
};

const refusedAs = (answer: unknown) =>
  (answer as { error?: { code?: string } }).error?.code === 'FORBIDDEN_SENDER' ? 'refused' : 'allowed';
const expectedAccess = (type: RequestType, kind: SenderKind) =>
  REQUEST_ACCESS[type].includes(kind) ? 'allowed' : 'refused';

test('the worker answers each part of the extension per REQUEST_ACCESS, and web pages not at all', async ({
  extensionId,
  page,
  sandbox,
  workerClient,
}) => {
  await page.goto(sandbox.creativeCloudUrl());
  // The detector runs in the console's app frame (the shell's own page has none).
  const contentScript = await contentScriptSender(await appFrameOf(page, sandbox), extensionId);
  const popup = await workerClient();

  for (const [type, request] of Object.entries(SAMPLE_REQUESTS) as [Exclude<RequestType, 'signIn'>, Request][]) {
    const fromContentScript = await contentScript.send(request);
    const fromPopup = await popup.page.evaluate(
      (m) => (globalThis as ChromiumGlobals).chrome?.runtime.sendMessage(m),
      request,
    );
    expect.soft(parseAnswer(type, fromContentScript), `${type} from a content script`).toBeDefined();
    expect
      .soft(refusedAs(fromContentScript), `${type} from a content script`)
      .toBe(expectedAccess(type, 'contentScript'));
    expect.soft(refusedAs(fromPopup), `${type} from the popup`).toBe(expectedAccess(type, 'extensionPage'));
  }
  expect(await contentScript.send({ type: 'getStatus', extra: 'field' })).toMatchObject({
    ok: false,
    error: { code: 'INVALID_MESSAGE' },
  });
  // The page itself (main world) has no channel: no externally_connectable, so no chrome.runtime.
  expect(await page.evaluate(() => typeof (globalThis as ChromiumGlobals).chrome?.runtime?.sendMessage)).toBe(
    'undefined',
  );
  await contentScript.close();
});

test('no token reaches anything a content script can receive', async ({
  extensionId,
  page,
  sandbox,
  serviceWorker,
  workerClient,
}) => {
  await page.goto(sandbox.creativeCloudUrl());
  // The detector runs in the console's app frame (the shell's own page has none).
  const contentScript = await contentScriptSender(await appFrameOf(page, sandbox), extensionId);
  await contentScript.listen();
  const popup = await workerClient();
  await signInAs(popup, ada);
  // A refresh mid-session, so more than one generation of tokens exists.
  await sandbox.control('POST', 'expire-tokens');

  const answers: unknown[] = [];
  const ask = async (request: unknown) => {
    answers.push(await contentScript.send(request));
    return answers.at(-1);
  };
  for (const type of Object.keys(REQUEST_ACCESS) as RequestType[]) {
    if (type !== 'signIn') await ask(SAMPLE_REQUESTS[type]);
  }
  await ask({ type: 'getConsoleState', console: acmeConsole, freshness: 'cached' });
  // With the IMS session in place, signIn from the console completes without a login page.
  expect(await ask({ type: 'signIn', chooseAccount: false })).toMatchObject({ ok: true, data: { userId: ada.userId } });

  const seen = {
    answers,
    pushed: await contentScript.received(),
    localFromContentScript: await contentScript.evaluate('chrome.storage.local.get(null)'),
    local: await readExtensionStorage(serviceWorker, 'local'),
    sync: await readExtensionStorage(serviceWorker, 'sync'),
  };
  // The answers are real ones, so a clean scan means something.
  expect(answers).toContainEqual({ ok: true, data: expect.objectContaining({ signedIn: true }) });
  expect(answers).toContainEqual({ ok: true, data: expect.objectContaining({ entry: expect.anything() }) });
  expect(seen.pushed).toContainEqual(expect.objectContaining({ event: 'stateChanged', reason: 'switched' }));
  const tokens = (await sandbox.control<{ token: string; kind: string }[]>('GET', 'issued-tokens')).map((t) => t.token);
  expect(tokens.length).toBeGreaterThanOrEqual(3);
  const text = JSON.stringify(seen);
  for (const token of tokens) expect(text).not.toContain(token);
  // Session storage holds the tokens, and it is closed to content scripts.
  await expect(contentScript.evaluate('chrome.storage.session.get(null)')).rejects.toThrow(
    'Access to storage is not allowed from this context',
  );
  await contentScript.close();
});
