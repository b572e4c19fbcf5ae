import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { consoleHostsFor } from '@/lib/console-hosts';
import { ERROR_CODES } from '@/lib/errors';
import { createImsClient } from '@/lib/ims/client';
import { type RequestType, requestSchema, responseSchemaFor } from '@/lib/messaging/contract';
import { createMessageRouter } from '@/lib/messaging/router';
import { createHandlers } from '@/lib/worker/handlers';
import { createSession } from '@/lib/worker/session';
import { matrixCaseStarted } from '../support/matrix';

// Attack matrix, unit level: whatever arrives at the worker, from whoever, the real router and
// handlers (on WXT's fake browser, not signed in) answer inside the contract and never throw.

const OUR_ID = 'our-extension-id';
const policy = {
  extensionId: OUR_ID,
  extensionOrigin: `chrome-extension://${OUR_ID}/`,
  shellMatches: consoleHostsFor(true).shell,
  appFrameMatches: consoleHostsFor(true).appFrame,
};
const ORG = '0123456789ABCDEF01234567@AdobeOrg';
const acmeConsole = { tenant: 'acme', orgName: 'Acme' };

const validRequests = fc.constantFrom<unknown>(
  { type: 'getStatus' },
  { type: 'signIn', chooseAccount: true },
  { type: 'signOut' },
  { type: 'getConsoleState', console: acmeConsole, freshness: 'fresh' },
  { type: 'chooseAemOrg', console: acmeConsole, orgId: ORG },
  { type: 'switchOrg', console: acmeConsole, orgId: ORG, expectedCurrentOrgId: null },
  { type: 'switchBack', console: acmeConsole, expectedCurrentOrgId: ORG },
  { type: 'getHistory' },
);
/** Valid requests with one field added, dropped or replaced by anything at all. */
const nearMisses = fc
  .tuple(validRequests, fc.string({ maxLength: 12 }), fc.anything())
  .map(([request, key, value]) => ({ ...(request as object), [key]: value }));
const messages = fc.oneof(fc.anything(), validRequests, nearMisses);

const senders = fc.record(
  {
    id: fc.constantFrom(OUR_ID, 'another-extension', ''),
    url: fc.oneof(
      fc.constantFrom(
        `chrome-extension://${OUR_ID}/popup.html`,
        'chrome-extension://another-extension/page.html',
        'https://experience.adobe.com/#/@acme',
        'https://experience.adobe.com.evil.test/',
        'http://localhost:4870/app/',
        'about:blank',
        'data:text/html,hi',
      ),
      fc.webUrl(),
    ),
    tab: fc.record(
      { id: fc.nat(), url: fc.oneof(fc.constant('https://experience.adobe.com/'), fc.webUrl()) },
      { requiredKeys: ['id'] },
    ),
  },
  { requiredKeys: [] },
) as fc.Arbitrary<Browser.runtime.MessageSender>;

describe('the worker under fuzzed messages', () => {
  const network = vi.fn(async () => {
    throw new Error('no network in this test');
  });
  beforeEach(() => {
    fakeBrowser.reset();
    // The fake browser has no manifest; getStatus reads its version.
    vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ manifest_version: 3, name: 'x', version: '1.0.0' });
    vi.stubGlobal('fetch', network);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('answers any value from any sender with a contract answer, never a throw or a switch', async () => {
    const matrixCase = matrixCaseStarted('attack', 'fuzzed messages through the router and handlers (unit)');
    const session = createSession({
      launchWebAuthFlow: async () => {
        throw new Error('The user closed the window');
      },
      redirectUri: () => `https://${OUR_ID}.chromiumapp.org/`,
      now: () => Date.now(),
      imsClientFor: (imsBaseUrl, clientId) => createImsClient({ imsBaseUrl, clientId }),
    });
    const announce = vi.fn(async () => {});
    const route = createMessageRouter(createHandlers({ session, announce, newOpId: () => 'op' }), {
      ...policy,
      customShellMatches: async () => [],
    });

    const seen = new Set<string>();
    await fc.assert(
      fc.asyncProperty(messages, senders, async (message, sender) => {
        const answer = await route(message, sender);
        const parsed = requestSchema.safeParse(message);
        const type: RequestType = parsed.success ? parsed.data.type : 'getStatus';
        expect(responseSchemaFor(type).safeParse(answer).success).toBe(true);
        seen.add(answer.ok ? 'ok' : answer.error.code);
        if (answer.ok) return;
        expect(ERROR_CODES).toContain(answer.error.code);
        if (sender.id !== OUR_ID) expect(answer.error.code).toBe('FORBIDDEN_SENDER');
        if (sender.id === OUR_ID && !parsed.success && answer.error.code !== 'FORBIDDEN_SENDER') {
          expect(answer.error.code).toBe('INVALID_MESSAGE');
        }
      }),
      { numRuns: 500, seed: 42 },
    );
    // The fuzz reached every layer: refused senders, broken messages, and real handlers.
    expect([...seen]).toEqual(expect.arrayContaining(['ok', 'FORBIDDEN_SENDER', 'INVALID_MESSAGE']));
    // Not signed in: no request got as far as IMS or the Assets API, and nothing was switched.
    expect(announce).not.toHaveBeenCalled();
    expect(network).not.toHaveBeenCalled();
    matrixCase.passed({ intendedSwitches: 0, appliedSwitches: 0, tokensFound: 0 });
  });
});
