import { describe, expect, it } from 'vitest';
import { SCENARIOS } from '../../sandbox/scenarios';
import type { FirefoxGlobals } from '../e2e/support/extension-apis';
import { sandboxAuthorHost } from '../e2e/support/sandbox-control';
import { parseAnswer } from '../e2e/support/worker-client';
import { expectedConsole, expectedIdentity, type SandboxConnectionTruth } from '../e2e/support/worker-truth';
import { signInThroughLoginPage } from './sign-in';
import { firefoxForSuite } from './suite';

const scenario = SCENARIOS.default;
const ada = scenario.users.find((user) => user.userId === scenario.consoleUserId);

describe('the worker in firefox-esr', () => {
  const harness = firefoxForSuite();

  it('signs in through the sandbox login page and reports the console state the sandbox holds', async () => {
    if (!ada) throw new Error('The default scenario names no console user');
    const popup = await harness().openExtensionPage('popup.html');

    const signedIn = await signInThroughLoginPage(harness(), popup, ada);

    expect(parseAnswer('signIn', signedIn)).toEqual({ ok: true, data: expectedIdentity(ada) });
    const truth = await harness().sandbox.control<SandboxConnectionTruth>('GET', 'state');
    const state = await popup.evaluate(
      (identity) =>
        (globalThis as FirefoxGlobals).browser.runtime.sendMessage({
          type: 'getConsoleState',
          console: identity,
          freshness: 'fresh',
        }),
      // The console as its tab names it, with the AEM author host its URL names (the sandbox itself).
      {
        tenant: scenario.aemOrg.tenant,
        orgName: scenario.aemOrg.name,
        authorHost: sandboxAuthorHost(harness().sandbox.shellUrl),
      },
    );
    expect(parseAnswer('getConsoleState', state)).toEqual({
      ok: true,
      data: {
        signedIn: true,
        identity: expectedIdentity(ada),
        aemOrg: { status: 'resolved', org: { id: scenario.aemOrg.id, name: scenario.aemOrg.name } },
        // The harness bound the sandbox's author host as an admin would have.
        authorHost: { host: sandboxAuthorHost(harness().sandbox.shellUrl), trust: 'admin', environment: 'sandbox' },
        console: {
          ...expectedConsole(scenario, ada, {
            connectedOrg: truth.connectedOrg,
            updatedAt: truth.updatedAt,
            updatedBy: truth.updatedBy,
          }),
          fetchedAt: expect.any(Number),
        },
      },
    });
  });
});
