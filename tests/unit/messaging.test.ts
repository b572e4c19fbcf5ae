import { describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { consoleHostsFor } from '@/lib/console-hosts';
import { ExtensionError, errorCodeOf } from '@/lib/errors';
import { HttpError } from '@/lib/http/errors';
import { responseSchemaFor } from '@/lib/messaging/contract';
import { createMessageRouter, type Handlers } from '@/lib/messaging/router';
import { classifySender } from '@/lib/messaging/sender';

const senderPolicyFor = (sandboxBuild: boolean) => {
  const { shell, appFrame } = consoleHostsFor(sandboxBuild);
  return {
    extensionId: 'our-id',
    extensionOrigin: 'chrome-extension://our-id/',
    shellMatches: shell,
    appFrameMatches: appFrame,
  };
};
const policy = senderPolicyFor(true);
const status = { version: '1.2.3', environment: 'sandbox' as const, signedIn: false };

function sender(overrides: Partial<Browser.runtime.MessageSender>): Browser.runtime.MessageSender {
  return { id: 'our-id', ...overrides };
}
const consoleTab = {
  id: 7,
  url: 'https://experience.adobe.com/?repoId=author-p12345-e123456-cm.adobeaemcloud.com#/@acme/assets/settings/creative-cloud',
} as Browser.tabs.Tab;
const APP_FRAME_URL = 'https://exc-unifiedcontent.experience.adobe.net/solutions/CQ-assets/index.html#/settings';
const STAGE_APP_FRAME_URL = 'https://exc-unifiedcontent.experience-stage.adobe.net/solutions/CQ-assets/';
/** An app-frame page opened as a tab of its own: no shell around it. */
const appFrameTab = { id: 10, url: APP_FRAME_URL } as Browser.tabs.Tab;
const sandboxShellTab = {
  id: 11,
  url: 'http://127.0.0.1:4870/?repoId=127.0.0.1:4870#/@acme/assets',
} as Browser.tabs.Tab;
const sandboxAppTab = {
  id: 12,
  url: 'http://localhost:4870/app/?lang=sv#/settings/creative-cloud',
} as Browser.tabs.Tab;
const foreignTab = { id: 8, url: 'https://evil.test/frames-the-console' } as Browser.tabs.Tab;
/** Chromium and Firefox leave `tab.url` out for a page the extension has no host permission for. */
const unknownTab = { id: 9 } as Browser.tabs.Tab;

describe('classifySender', () => {
  it.each([
    ['our popup', sender({ url: 'chrome-extension://our-id/popup.html' }), 'extensionPage'],
    [
      'our content script on the console',
      sender({ url: 'https://experience.adobe.com/#/@acme', tab: consoleTab }),
      'contentScript',
    ],
    [
      "our content script in AEM's app frame inside the shell",
      sender({ url: APP_FRAME_URL, tab: consoleTab }),
      'contentScript',
    ],
    [
      'our content script in the stage app frame inside the shell',
      sender({ url: STAGE_APP_FRAME_URL, tab: consoleTab }),
      'contentScript',
    ],
    [
      "our content script in the sandbox's app frame inside the sandbox shell",
      sender({ url: 'http://localhost:4870/app/', tab: sandboxShellTab }),
      'contentScript',
    ],
    [
      'our content script in an app-frame page opened on its own',
      sender({ url: APP_FRAME_URL, tab: appFrameTab }),
      undefined,
    ],
    [
      "our content script in the sandbox's app page opened on its own",
      sender({ url: sandboxAppTab.url, tab: sandboxAppTab }),
      undefined,
    ],
    [
      'our content script in a shell framed by an app-frame page',
      sender({ url: consoleTab.url, tab: appFrameTab }),
      undefined,
    ],
    [
      'our content script on Creative Cloud Assets, which is not AEM',
      sender({
        url: 'https://assets.adobe.com/',
        tab: { id: 13, url: 'https://assets.adobe.com/' } as Browser.tabs.Tab,
      }),
      undefined,
    ],
    ['another extension', sender({ id: 'other', url: 'chrome-extension://other/x.html' }), undefined],
    [
      'our content script on a look-alike host',
      sender({ url: 'https://experience.adobe.com.evil.test/', tab: consoleTab }),
      undefined,
    ],
    [
      'our content script in a console frame on a foreign top-level page',
      sender({ url: 'https://experience.adobe.com/#/@acme', tab: foreignTab }),
      undefined,
    ],
    [
      'our content script in a tab whose top-level URL is hidden from us',
      sender({ url: 'https://experience.adobe.com/#/@acme', tab: unknownTab }),
      undefined,
    ],
    ['a sender without URL', sender({}), undefined],
    ['a tabless sender from a web origin', sender({ url: 'https://experience.adobe.com/' }), undefined],
  ])('classifies %s', (_name, from, expected) => {
    expect(classifySender(from, policy)).toBe(expected);
  });

  it('does not accept loopback consoles in a production build', () => {
    const production = senderPolicyFor(false);
    expect(classifySender(sender({ url: 'http://127.0.0.1:4870/', tab: consoleTab }), production)).toBeUndefined();
    expect(classifySender(sender({ url: 'http://localhost:4870/app/', tab: consoleTab }), production)).toBeUndefined();
    expect(classifySender(sender({ url: sandboxShellTab.url, tab: sandboxShellTab }), production)).toBeUndefined();
  });
});

/** A router whose only working handler is getStatus; the others fail loudly if reached. */
function onlyGetStatus(getStatus: Handlers['getStatus']): Handlers {
  const unexpected = async () => {
    throw new Error('unexpected request');
  };
  return {
    getStatus,
    showConsoleUi: unexpected,
    getConsoleProfile: unexpected,
    signIn: unexpected,
    signOut: unexpected,
    getConsoleState: unexpected,
    beginConsoleSwitch: unexpected,
    finishConsoleSwitch: unexpected,
    chooseAemOrg: unexpected,
    confirmAuthorHost: unexpected,
    removeAuthorHostBinding: unexpected,
    switchOrg: unexpected,
    switchBack: unexpected,
    getHistory: unexpected,
    saveSettings: unexpected,
    clearAllData: unexpected,
    addConsoleHost: unexpected,
    removeConsoleHost: unexpected,
    getPopupState: unexpected,
    getDiagnostics: unexpected,
    clearHistory: unexpected,
  };
}

describe('message router', () => {
  const getStatus = vi.fn(async () => status);
  const route = createMessageRouter(onlyGetStatus(getStatus), { ...policy, customShellMatches: async () => [] });
  const popup = sender({ url: 'chrome-extension://our-id/popup.html' });

  it('answers getStatus in the contract shape', async () => {
    const response = await route({ type: 'getStatus' }, popup);
    expect(responseSchemaFor('getStatus').parse(response)).toEqual({ ok: true, data: status });
  });

  it.each([
    ['an unknown type', { type: 'stealTokens' }],
    ['an extra field', { type: 'getStatus', token: 'x' }],
    ['a non-object', 'getStatus'],
    ['null', null],
  ])('refuses %s as INVALID_MESSAGE', async (_name, message) => {
    expect(await route(message, popup)).toMatchObject({ ok: false, error: { code: 'INVALID_MESSAGE' } });
  });

  it('refuses another extension before reading the message', async () => {
    getStatus.mockClear();
    const response = await route({ type: 'getStatus' }, sender({ id: 'other', url: 'chrome-extension://other/' }));
    expect(response).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
    expect(getStatus).not.toHaveBeenCalled();
  });

  it('turns a handler failure into its typed error instead of throwing', async () => {
    const failing = createMessageRouter(
      onlyGetStatus(async () => {
        throw new ExtensionError('NOT_CONFIGURED', 'No IMS client ID is configured');
      }),
      { ...policy, customShellMatches: async () => [] },
    );
    expect(await failing({ type: 'getStatus' }, popup)).toEqual({
      ok: false,
      error: { code: 'NOT_CONFIGURED', message: 'No IMS client ID is configured' },
    });
  });

  it('refuses to send an answer outside the contract, so no tab ever receives one', async () => {
    const leaky = createMessageRouter(
      onlyGetStatus(async () => ({ ...status, accessToken: 'secret' }) as typeof status),
      { ...policy, customShellMatches: async () => [] },
    );
    const response = await leaky({ type: 'getStatus' }, popup);
    expect(response).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(response)).not.toContain('secret');
  });
});

describe('errors across the boundary', () => {
  it('passes the Assets API refusal through by name, and a stale ETag as CONNECTION_CHANGED', () => {
    const refusal = (apiCode: string) =>
      new HttpError('API_ERROR', 'refused', { endpoint: 'PUT /adobe/assets/settings/creative-cloud', apiCode });
    expect(errorCodeOf(refusal('NO_CC_ENTITLEMENT'))).toBe('NO_CC_ENTITLEMENT');
    expect(errorCodeOf(refusal('STALE_STATE'))).toBe('CONNECTION_CHANGED');
    expect(errorCodeOf(refusal('SOMETHING_NEW'))).toBe('API_ERROR');
    expect(errorCodeOf(new Error('boom'))).toBe('INTERNAL');
  });
});
