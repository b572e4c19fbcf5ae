import path from 'node:path';
import { chromium } from '@playwright/test';
import en from '../../locales/en.json' with { type: 'json' };
import { SCENARIOS, userOf } from '../../sandbox/scenarios';
import { FORGED_REQUESTS } from '../behaviours/attacks';
import { type MatrixCase, matrixCaseStarted } from '../support/matrix';
import { orgNamed } from '../support/scenario-orgs';
import { expect, type SandboxFixture, test } from './fixtures';
import {
  appliedChanges,
  connectionPuts,
  countTokens,
  extensionTokens,
  recordCdpConsole,
} from './support/attack-surfaces';
import { chromiumArgsFor, extensionIdOf, extensionWorkersByName } from './support/chromium';
import { consoleUi, frameAt, openConsoleApp } from './support/console-ui';
import { contentScriptSender } from './support/content-script-sender';
import { sandboxEnvironment, writeExtensionEnvironment } from './support/extension-environment';
import { consoleTabId } from './support/extension-pages';
import { BUILD_DIRS, CHROMIUM_PATH } from './support/paths';
import { signIn } from './support/sign-in';

// The attack matrix's Chromium-only cases: each says why it is not a shared behaviour
// (tests/behaviours/attacks.ts holds the cases that run in Chromium and Firefox).
// Every case records itself (tests/support/matrix.ts); `npm test` prints the totals.

const acme = SCENARIOS.default;
const admin = userOf(acme, acme.consoleUserId);
const design = orgNamed('Acme Design Studio');

/**
 * The end of a case in which nothing may switch: the sandbox applied no change (and, where the
 * case says, received no PUT at all); the case records that and the tokens it found.
 */
async function passedWithNoSwitch(
  matrixCase: MatrixCase,
  sandbox: SandboxFixture,
  { putsSent, tokensFound = 0 }: { putsSent?: 0; tokensFound?: number } = {},
): Promise<void> {
  if (putsSent !== undefined) expect(await connectionPuts(sandbox)).toBe(putsSent);
  const applied = await appliedChanges(sandbox);
  expect(applied).toBe(0);
  matrixCase.passed({ intendedSwitches: 0, appliedSwitches: applied, tokensFound });
}

// Chromium only: a second, foreign extension loaded beside ours.
test('another extension gets no answer from the worker, by message or by port', async ({ sandbox }) => {
  const matrixCase = matrixCaseStarted('attack', 'another extension messages the worker (sendMessage and connect)');
  if (!admin) throw new Error('The default scenario has no console user');
  const context = await chromium.launchPersistentContext('', {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: chromiumArgsFor(BUILD_DIRS.chromeSandbox, path.join(import.meta.dirname, 'support/foreign-extension')),
  });
  try {
    const workers = await extensionWorkersByName(context, 2);
    const own = workers.get('AEM Assets CC Org Switcher');
    const foreign = workers.get('Foreign test extension');
    if (!own || !foreign) throw new Error(`Expected both extensions' workers, got ${[...workers.keys()].join(', ')}`);
    // Signed in and pointed at the sandbox: a request that got through could really switch.
    await writeExtensionEnvironment(own, sandboxEnvironment(sandbox.apiBaseUrl));
    await signIn(context, extensionIdOf(own), admin);

    const outcomes = await foreign.evaluate(
      async ({ targetId, requests }) => {
        const runtime = (globalThis as unknown as { chrome: { runtime: ChromeRuntimeForTest } }).chrome.runtime;
        const results: string[] = [];
        for (const request of requests) {
          try {
            results.push(`answered: ${JSON.stringify(await runtime.sendMessage(targetId, request))}`);
          } catch (error) {
            results.push(`rejected: ${(error as Error).message}`);
          }
          results.push(
            await new Promise<string>((resolve) => {
              const port = runtime.connect(targetId);
              port.onMessage.addListener((answer: unknown) => resolve(`answered: ${JSON.stringify(answer)}`));
              port.onDisconnect.addListener(() => resolve(`disconnected: ${runtime.lastError?.message ?? ''}`));
              port.postMessage(request);
            }),
          );
        }
        return results;
      },
      { targetId: extensionIdOf(own), requests: FORGED_REQUESTS },
    );
    expect(outcomes).toHaveLength(FORGED_REQUESTS.length * 2);
    for (const outcome of outcomes) expect(outcome).toMatch(/^(rejected|disconnected): .*Receiving end does not exist/);
  } finally {
    await context.close();
  }
  await passedWithNoSwitch(matrixCase, sandbox, { putsSent: 0 });
});

/** The slice of `chrome.runtime` another extension would use to reach ours. */
interface ChromeRuntimeForTest {
  lastError?: { message?: string };
  sendMessage(extensionId: string, message: unknown): Promise<unknown>;
  connect(extensionId: string): {
    postMessage(message: unknown): void;
    onMessage: { addListener(listener: (message: unknown) => void): void };
    onDisconnect: { addListener(listener: () => void): void };
  };
}

// Chromium only for now: it strips the CSP with Playwright's routing, which the Firefox driver lacks.
test('a console framed by another site gets no answer from the worker', async ({
  page,
  context,
  extensionId,
  sandbox,
}) => {
  const matrixCase = matrixCaseStarted('attack', 'console framed by a non-console site (content script refused)');
  if (!admin) throw new Error('The default scenario has no console user');
  await signIn(context, extensionId, admin);
  // The sandbox shell forbids framing (frame-ancestors 'none'), as a console should, and its app
  // frame accepts only the shell as an ancestor; strip both to play a console that forgot,
  // framed by a site that is not a console host.
  await context.route(
    (url) =>
      (url.href.startsWith(sandbox.shellUrl) && url.pathname === '/') ||
      (url.href.startsWith(`${sandbox.appOrigin}/`) && url.pathname.startsWith('/app/')),
    async (route) => {
      const response = await route.fetch();
      const headers = { ...response.headers() };
      delete headers['content-security-policy'];
      await route.fulfill({ response, headers });
    },
  );
  await context.route('http://evil.test/**', (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<title>Win a prize</title><iframe src="${sandbox.creativeCloudUrl()}" width="1200" height="900"></iframe>`,
    }),
  );
  await page.goto('http://evil.test/');
  // The detector runs in the shell's app frame, inside the framed shell.
  await frameAt(page, sandbox.shellUrl);
  const framed = await contentScriptSender(await frameAt(page, sandbox.appOrigin), extensionId);
  for (const request of FORGED_REQUESTS) {
    expect(await framed.send(request), request.type).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN_SENDER' },
    });
  }
  await framed.close();
  await passedWithNoSwitch(matrixCase, sandbox, { putsSent: 0 });
});

// Chromium only: it relies on Chromium handing a same-origin about:blank child the content script's world.
test('a content-script world in a frame that is not a console page gets no answer', async ({
  page,
  context,
  extensionId,
  sandbox,
}) => {
  const matrixCase = matrixCaseStarted(
    'attack',
    'content-script message from an about:blank frame (not a console URL)',
  );
  if (!admin) throw new Error('The default scenario has no console user');
  await signIn(context, extensionId, admin);
  await page.goto(sandbox.creativeCloudUrl());
  const contentScript = await contentScriptSender(await frameAt(page, sandbox.appOrigin), extensionId);
  // The console frame itself is answered (the control), …
  expect(await contentScript.send({ type: 'getStatus' })).toMatchObject({ ok: true });
  // … but Chromium hands a same-origin about:blank child the content script's world too, and
  // its messages arrive from `about:blank`: not a console URL, so refused.
  const answers = await contentScript.evaluate(`(async () => {
    const frame = document.createElement('iframe');
    document.body.append(frame);
    const runtime = frame.contentWindow.chrome.runtime;
    const answers = [];
    for (const request of ${JSON.stringify(FORGED_REQUESTS)}) answers.push(await runtime.sendMessage(request));
    frame.remove();
    return answers;
  })()`);
  expect(answers).toEqual(
    FORGED_REQUESTS.map(() => ({ ok: false, error: { code: 'FORBIDDEN_SENDER', message: expect.any(String) } })),
  );
  await contentScript.close();
  await passedWithNoSwitch(matrixCase, sandbox, { putsSent: 0 });
});

// Chromium only: the console logs of every world (the content script's isolated one too) come
// from CDP, which Firefox's driver lacks; the page-reachable surfaces are a shared behaviour
// (tests/behaviours/attacks.ts).
test('no console log of page, content script or worker holds a real token', async ({
  page,
  context,
  extensionId,
  sandbox,
  serviceWorker,
  signedInConsole,
}) => {
  const matrixCase = matrixCaseStarted('attack', 'token scan: console logs of page, content script and worker (CDP)');
  const logs: string[] = [];
  page.on('console', (message) => logs.push(message.text()));
  serviceWorker.on('console', (message) => logs.push(message.text()));
  const app = await signedInConsole();
  // Content-script logs live in the app frame's isolated world; CDP sees every world's console.
  const appSession = await recordCdpConsole(await context.newCDPSession(app));
  const contentScript = await contentScriptSender(app, extensionId);
  await contentScript.evaluate('console.log("content-script log probe")');
  await contentScript.close();

  // A full switch and switch back, with a token refresh in between: what the logs could leak.
  const ui = consoleUi(app);
  await ui.getByRole('button', { name: en.openSwitcher }).click();
  await ui.getByRole('option').filter({ hasText: design.id }).click();
  await app.getByRole('dialog', { name: en.confirmTitle }).getByRole('button', { name: en.confirmSwitch }).click();
  await expect(ui.getByTestId('progress')).toHaveText(
    `Verified: ${design.name} is now the connected Creative Cloud org.`,
  );
  await sandbox.control('POST', 'expire-tokens');
  await ui.getByRole('button', { name: `Switch back to ${acme.aemOrg.name}` }).click();
  await expect(ui.getByTestId('progress')).toHaveText(
    `Verified: ${acme.aemOrg.name} is now the connected Creative Cloud org.`,
  );

  const tokens = await extensionTokens(sandbox);
  expect(tokens.length).toBeGreaterThanOrEqual(3);
  const text = [...logs, ...appSession.lines].join('\n');
  // The scan reads real content: the content script's log is there.
  expect(text).toContain('content-script log probe');
  const tokensFound = countTokens(text, tokens);
  expect(tokensFound).toBe(0);
  const applied = await appliedChanges(sandbox);
  expect(applied).toBe(2);
  matrixCase.passed({ intendedSwitches: 2, appliedSwitches: applied, tokensFound });
});

// Chromium only: `documentIds` injection targets are Chromium's (Firefox has the frame id alone).
test('the console UI goes only into the document that asked: a frame that navigated since gets nothing', async ({
  page,
  sandbox,
  serviceWorker,
}) => {
  const matrixCase = matrixCaseStarted('attack', 'console UI injection into a frame that navigated: nothing runs');
  const app = await openConsoleApp(page, sandbox);
  const tabId = await consoleTabId(serviceWorker, sandbox);
  type Injected = { frameId: number; documentId: string; result: string };
  /** What the worker's scripting.executeScript reaches with this target (the target the UI injection uses). */
  const inject = (target: object) =>
    serviceWorker.evaluate(async (injection) => {
      const scripting = (
        globalThis as unknown as { chrome: { scripting: { executeScript(d: object): Promise<Injected[]> } } }
      ).chrome.scripting;
      try {
        const results = await scripting.executeScript({
          target: injection,
          func: () => {
            document.documentElement.dataset.reachedByInjection = 'yes';
            return location.href;
          },
        });
        return { ok: true as const, results };
      } catch (error) {
        return { ok: false as const, error: String(error) };
      }
    }, target);

  const before = await inject({ tabId, allFrames: true });
  if (!before.ok) throw new Error(before.error);
  const asked = before.results.find((result) => result.result.startsWith(sandbox.appOrigin));
  if (!asked) throw new Error('The app frame was not reached');
  // The frame navigates (here: reloads into a new document) between its request and the injection.
  await app.evaluate(() => location.reload());
  await expect.poll(() => app.evaluate(() => document.readyState).catch(() => 'navigating')).toBe('complete');
  await expect.poll(() => app.evaluate(() => document.documentElement.dataset.reachedByInjection ?? 'no')).toBe('no');

  const byDocument = await inject({ tabId, documentIds: [asked.documentId] });
  expect(byDocument.ok).toBe(false);
  expect(await app.evaluate(() => document.documentElement.dataset.reachedByInjection ?? 'no')).toBe('no');
  // What a frame id alone would have done (Firefox has nothing better): reach the new document.
  const byFrame = await inject({ tabId, frameIds: [asked.frameId] });
  expect(byFrame.ok).toBe(true);
  expect(await app.evaluate(() => document.documentElement.dataset.reachedByInjection ?? 'no')).toBe('yes');
  matrixCase.passed({ tokensFound: 0 });
});
