import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { isSandboxBuild } from '@/lib/build-flavor';
import { consoleHostsFor } from '@/lib/console-hosts';
import {
  currentConsoleMatches,
  grantedCustomConsoleMatches,
  watchCustomConsoleHosts,
} from '@/lib/console-hosts/custom/registration';
import { recordingErrors } from '@/lib/diagnostics/last-errors';
import { createMessageRouter } from '@/lib/messaging/router';
import { watchPolicy } from '@/lib/policy/managed';
import { moveSettingsOutOfStorageLocal } from '@/lib/settings/protected-settings';
import { removeRetiredItems } from '@/lib/storage-items';
import { exposeStoredItemsForTests } from '@/lib/stored-items-exposed';
import { broadcast } from '@/lib/worker/broadcast';
import { forgetConsoleTab } from '@/lib/worker/console-tabs';
import { createHandlers, reconcileOnWake } from '@/lib/worker/handlers';
import type { WorkerServices } from '@/lib/worker/services';
import { createSession } from '@/lib/worker/session';
import { applyPolicyChange } from '@/lib/worker/settings-handlers';

export default defineBackground(() => {
  if (isSandboxBuild) exposeStoredItemsForTests();
  const builtIn = consoleHostsFor(isSandboxBuild);
  // Custom console hosts count as shell hosts: their top-level page is the console.
  const shellMatches = () => currentConsoleMatches(builtIn.shell);
  const services: WorkerServices = {
    session: createSession(),
    // Console tabs are the shell tabs; a message to a tab reaches its app frames too.
    announce: async (event) => broadcast(event, await shellMatches()),
    newOpId: () => crypto.randomUUID(),
  };
  const route = recordingErrors(
    createMessageRouter(createHandlers(services), {
      extensionId: browser.runtime.id,
      extensionOrigin: browser.runtime.getURL('/'),
      shellMatches: builtIn.shell,
      appFrameMatches: builtIn.appFrame,
      // Read only for a sender no built-in host accepts (lib/messaging/sender.ts).
      customShellMatches: grantedCustomConsoleMatches,
    }),
  );

  // sendResponse + `return true` is the one async reply both Chrome and Firefox honour.
  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    void route(message, sender).then(sendResponse);
    return true;
  });

  watchPolicy(() => {
    applyPolicyChange(services).catch((error: unknown) => console.warn('Applying a policy change failed:', error));
  });
  watchCustomConsoleHosts((error) => console.warn('Custom console host scripts could not be synced:', error));
  browser.tabs.onRemoved.addListener((tabId) => void forgetConsoleTab(tabId));

  // Retired keys can only come from an earlier release: clear them on update, not on every wake.
  browser.runtime.onInstalled.addListener(({ reason, previousVersion }) => {
    removeRetiredItems().catch((error: unknown) => console.warn('Removing retired stored items failed:', error));
    moveSettingsOutOfStorageLocal({ reason, previousVersion }).catch((error: unknown) =>
      console.warn('Moving settings out of storage.local failed:', error),
    );
  });
  // A failed reconciliation leaves the record for the next wake or the next switch.
  reconcileOnWake(services).catch((error: unknown) => console.warn('Switch reconciliation failed:', error));
});
