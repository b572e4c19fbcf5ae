import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { isSandboxBuild } from '@/lib/build-flavor';
import { consoleMatchesFor } from '@/lib/console-hosts';
import { recordingErrors } from '@/lib/diagnostics/last-errors';
import { createMessageRouter } from '@/lib/messaging/router';
import { watchPolicy } from '@/lib/policy/managed';
import { broadcast } from '@/lib/worker/broadcast';
import { forgetConsoleTab } from '@/lib/worker/console-tabs';
import { createHandlers, reconcileOnWake, type WorkerServices } from '@/lib/worker/handlers';
import { createSession } from '@/lib/worker/session';
import { applyPolicyChange } from '@/lib/worker/settings-handlers';

export default defineBackground(() => {
  const consoleMatches = consoleMatchesFor(isSandboxBuild);
  const services: WorkerServices = {
    session: createSession(),
    announce: (event) => broadcast(event, consoleMatches),
    newOpId: () => crypto.randomUUID(),
  };
  const route = recordingErrors(
    createMessageRouter(createHandlers(services), () => ({
      extensionId: browser.runtime.id,
      extensionOrigin: browser.runtime.getURL('/'),
      consoleMatches,
    })),
  );

  // sendResponse + `return true` is the one async reply both Chrome and Firefox honour.
  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    void route(message, sender).then(sendResponse);
    return true;
  });

  watchPolicy(() => {
    applyPolicyChange(services).catch((error: unknown) => console.warn('Applying a policy change failed:', error));
  });
  browser.tabs.onRemoved.addListener((tabId) => void forgetConsoleTab(tabId));

  // A failed reconciliation leaves the record for the next wake or the next switch.
  reconcileOnWake(services).catch((error: unknown) => console.warn('Switch reconciliation failed:', error));
});
