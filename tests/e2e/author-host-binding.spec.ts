import type { Frame } from '@playwright/test';
import { CONSOLE_UI_TAG } from '../../components/console/ui-tag';
import en from '../../locales/en.json' with { type: 'json' };
import type { LoggedRequest } from '../../sandbox/request-log';
import { SCENARIOS, userOf } from '../../sandbox/scenarios';
import { orgNamed } from '../support/scenario-orgs';
import { expect, type SandboxFixture, test } from './fixtures';
import { openSwitcherList } from './steps';
import { appFrameOf, consoleUi } from './support/console-ui';
import { bindSandboxAuthorHost, readProtectedSetting, writeProtectedSetting } from './support/extension-environment';
import { injectPolicy } from './support/options-page';
import { signIn } from './support/sign-in';
import { openWorkerClient } from './support/worker-client';

// docs/ARCHITECTURE.md#author-host-binding: no call carrying the token goes to an AEM author host
// until it is bound to the console's AEM org, by the admin's trusted click or by policy.

const acme = SCENARIOS.default;
const design = orgNamed('Acme Design Studio');
const ada = userOf(acme, acme.consoleUserId);
if (!ada) throw new Error('The default scenario has a console admin');

/** Every request that reached `host` with credentials (the log masks the token, not its presence). */
async function tokenCallsTo(sandbox: SandboxFixture, host: string): Promise<LoggedRequest[]> {
  const log = await sandbox.control<LoggedRequest[]>('GET', 'requests');
  return log.filter((entry) => entry.headers.host === host && entry.headers.authorization !== undefined);
}

const assetsCalls = (calls: LoggedRequest[]) => calls.filter((entry) => entry.path.startsWith('/adobe/assets/'));

/**
 * A page script clicks our confirm button (an untrusted `click()`). Resolves to whether the button
 * was there and, a frame later, whether it is still enabled: a click the UI acted on makes it busy.
 */
const pageClicksConfirm = (app: Frame) =>
  app.evaluate(async (tag) => {
    const find = () =>
      document
        .querySelector(tag)
        ?.shadowRoot?.querySelector<HTMLButtonElement>('[data-testid="author-host-confirm"] button');
    const button = find();
    button?.click();
    await new Promise((resolve) => requestAnimationFrame(resolve));
    return { found: Boolean(button), enabledAfter: find()?.disabled === false };
  }, CONSOLE_UI_TAG);

test.describe('binding the AEM author host to the AEM org', () => {
  test.beforeEach(async ({ serviceWorker }) => {
    // The fixture binds the sandbox's host as an admin would have; these tests start unbound.
    await writeProtectedSetting(serviceWorker, 'authorHostBindings', undefined);
  });

  test('an unbound author host gets no call with the token until the admin confirms it with a real click', async ({
    context,
    extensionId,
    page,
    sandbox,
    serviceWorker,
  }) => {
    await signIn(context, extensionId, ada);
    await sandbox.control('DELETE', 'requests');
    await page.goto(sandbox.creativeCloudUrl());
    const app = await appFrameOf(page, sandbox);
    const ui = consoleUi(app);
    const confirm = ui.getByTestId('author-host-confirm');
    await expect(confirm).toBeVisible();
    // What is being trusted is spelled out: host, AEM org, environment.
    await expect(confirm).toContainText(sandbox.authorHost);
    await expect(confirm).toContainText(acme.aemOrg.name);
    await expect(confirm).toContainText(en.popupEnvSandbox);
    await expect(ui.getByTestId('author-host')).toContainText(en.authorHostTrustUnconfirmed);
    await expect(ui.getByTestId('summary')).toHaveCount(0);

    // Once the view has loaded, a page script's click binds nothing: the worker was never asked.
    await expect(confirm.getByRole('button', { name: en.authorHostConfirm })).toBeEnabled();
    expect(await pageClicksConfirm(app)).toEqual({ found: true, enabledAfter: true });
    await expect(confirm).toBeVisible();
    expect((await readProtectedSetting(serviceWorker, 'authorHostBindings')) ?? null).toBeNull();
    // IMS (another host in production; here the same loopback host) answered, the Assets API was never called.
    expect(assetsCalls(await tokenCallsTo(sandbox, sandbox.authorHost))).toEqual([]);

    await confirm.getByRole('button', { name: en.authorHostConfirm }).click();
    await expect(ui.getByTestId('summary')).toBeVisible();
    await expect(ui.getByTestId('author-host')).toContainText(en.authorHostTrustAdmin);
    const calls = assetsCalls(await tokenCallsTo(sandbox, sandbox.authorHost));
    expect(new Set(calls.map((entry) => entry.path))).toEqual(
      new Set(['/adobe/assets/users/me', '/adobe/assets/settings/creative-cloud']),
    );
    expect(new Set(calls.map((entry) => entry.headers['x-gw-ims-org-id']))).toEqual(new Set([acme.aemOrg.id]));
    // The binding is what the admin saw: this environment, this AEM org, this host.
    expect(await readProtectedSetting(serviceWorker, 'authorHostBindings')).toMatchObject({
      value: [{ environment: 'sandbox', aemOrgId: acme.aemOrg.id, authorHost: sandbox.authorHost }],
    });
  });

  test('a host policy forbids never gets the token, and the admin cannot confirm it', async ({
    context,
    extensionId,
    page,
    sandbox,
    serviceWorker,
  }) => {
    await injectPolicy(serviceWorker, { forbiddenAuthorHosts: [sandbox.authorHost] });
    // Even a binding the admin made before the policy came gives way.
    await writeProtectedSetting(serviceWorker, 'authorHostBindings', [
      {
        environment: 'sandbox',
        aemOrgId: acme.aemOrg.id,
        authorHost: sandbox.authorHost,
        aemOrgName: acme.aemOrg.name,
        boundAt: new Date().toISOString(),
      },
    ]);
    await signIn(context, extensionId, ada);
    await sandbox.control('DELETE', 'requests');
    await page.goto(sandbox.creativeCloudUrl());
    const ui = consoleUi(await appFrameOf(page, sandbox));
    await expect(ui.getByTestId('author-host-forbidden')).toContainText(sandbox.authorHost);
    await expect(ui.getByTestId('author-host-confirm')).toHaveCount(0);
    await expect(ui.getByTestId('author-host')).toContainText(en.authorHostTrustForbidden);
    expect(assetsCalls(await tokenCallsTo(sandbox, sandbox.authorHost))).toEqual([]);
  });

  test('a host policy binds works without a confirmation, shown as set by the organization', async ({
    context,
    extensionId,
    optionsPage,
    page,
    sandbox,
    serviceWorker,
  }) => {
    await injectPolicy(serviceWorker, {
      boundAuthorHosts: [{ aemOrgId: acme.aemOrg.id, authorHost: sandbox.authorHost }],
      forbiddenAuthorHosts: ['*'],
    });
    await signIn(context, extensionId, ada);
    await page.goto(sandbox.creativeCloudUrl());
    const ui = consoleUi(await appFrameOf(page, sandbox));
    await expect(ui.getByTestId('summary')).toBeVisible();
    await expect(ui.getByTestId('author-host')).toContainText(en.authorHostTrustPolicy);

    // Options list the policy's binding, locked, and say that only IT's hosts are allowed.
    const options = await optionsPage();
    await expect(options.getByTestId('author-host-bindings-policy')).toContainText(sandbox.authorHost);
    await expect(options.getByTestId('author-host-bindings-policy')).toContainText(en.optionsLockedByPolicy);
    await expect(options.getByTestId('author-hosts-only-policy')).toHaveText(en.optionsAuthorHostsOnlyPolicy);
  });

  test('removing a binding in options brings the confirmation back', async ({
    context,
    extensionId,
    optionsPage,
    page,
    sandbox,
  }) => {
    await signIn(context, extensionId, ada);
    await page.goto(sandbox.creativeCloudUrl());
    const ui = consoleUi(await appFrameOf(page, sandbox));
    await ui.getByRole('button', { name: en.authorHostConfirm }).click();
    await expect(ui.getByTestId('summary')).toBeVisible();

    const options = await optionsPage();
    const bindings = options.getByTestId('author-host-bindings');
    await expect(bindings).toContainText(sandbox.authorHost);
    await expect(bindings).toContainText(acme.aemOrg.name);
    await bindings
      .getByRole('button', {
        name: en.optionsAuthorHostsRemove.replace('{host}', sandbox.authorHost).replace('{aemOrg}', acme.aemOrg.name),
      })
      .click();
    await expect(options.getByTestId('author-host-bindings-empty')).toBeVisible();

    // The open console hears the change and asks again; a reload does too.
    await page.bringToFront();
    await expect(ui.getByTestId('author-host-confirm')).toBeVisible();
    await sandbox.control('DELETE', 'requests');
    await page.reload();
    const reloaded = consoleUi(await appFrameOf(page, sandbox));
    await expect(reloaded.getByTestId('author-host-confirm')).toBeVisible();
    expect(assetsCalls(await tokenCallsTo(sandbox, sandbox.authorHost))).toEqual([]);
  });

  test('switch back never crosses environments; the confirmation names the author host', async ({
    context,
    extensionId,
    sandbox,
    serviceWorker,
    signedInConsole,
  }) => {
    const otherHost = `localhost:${sandbox.port}`;
    await bindSandboxAuthorHost(serviceWorker, sandbox.authorHost, otherHost);
    const app = await signedInConsole();
    // The switch confirmation says which environment it changes.
    await openSwitcherList(app);
    await consoleUi(app).getByRole('option').filter({ hasText: design.id }).click();
    const dialog = app.getByRole('dialog', { name: en.confirmTitle });
    await expect(dialog.getByTestId('confirm-author-host')).toHaveText(
      en.confirmOnAuthorHost.replace('{host}', sandbox.authorHost),
    );
    await dialog.getByRole('button', { name: en.confirmSwitch }).click();
    await expect
      .poll(async () => (await sandbox.control<{ appliedChanges: number }>('GET', 'state')).appliedChanges)
      .toBe(1);

    // Switch back asked about the same AEM org on another author host (environment): refused.
    const client = await openWorkerClient(context, extensionId);
    const elsewhere = await client.send({
      type: 'switchBack',
      console: { ...sandbox.consoleIdentity(), authorHost: otherHost },
      expectedCurrentOrgId: design.id,
    });
    expect(elsewhere).toMatchObject({ ok: false, error: { code: 'SWITCH_BACK_OTHER_HOST' } });
    expect((await sandbox.control<{ appliedChanges: number }>('GET', 'state')).appliedChanges).toBe(1);
    // On the host the switch was made on, it goes back.
    const here = await client.send({
      type: 'switchBack',
      console: sandbox.consoleIdentity(),
      expectedCurrentOrgId: design.id,
    });
    expect(here).toMatchObject({ ok: true, data: { entry: { authorHost: sandbox.authorHost, result: 'success' } } });
  });
});
