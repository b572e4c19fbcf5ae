import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { isSandboxBuild } from '@/lib/build-flavor';
import { consoleMatchesFor } from '@/lib/console-hosts';
import { createMessageRouter } from '@/lib/messaging/router';
import { getStatus } from '@/lib/worker/status';

export default defineBackground(() => {
  const route = createMessageRouter({ getStatus }, () => ({
    extensionId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL('/'),
    consoleMatches: consoleMatchesFor(isSandboxBuild),
  }));

  // sendResponse + `return true` is the one async reply both Chrome and Firefox honour.
  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    void route(message, sender).then(sendResponse);
    return true;
  });
});
