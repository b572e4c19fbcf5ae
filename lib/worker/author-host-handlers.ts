import { bindAuthorHost, unbindAuthorHost } from '../author-hosts/bindings';
import { ExtensionError } from '../errors';
import type { Handlers } from '../messaging/router';
import { consoleIdentityFor } from './aem-org';
import { loadConsoleContext } from './console-context';
import { clearConsoleStateCache, fetchConsoleState } from './console-state';
import type { WorkerServices } from './services';

/**
 * Binding an author host to an AEM org (docs/ARCHITECTURE.md#author-host-binding). Only the worker
 * writes the bindings. The console tab asks after the admin's trusted click; the host is the one
 * the tab's URL names as the browser reports it (the message names none), and the AEM org is the
 * one the worker resolves, which must be the one the admin saw.
 */
export function createAuthorHostHandlers({
  session,
  announce,
}: WorkerServices): Pick<Handlers, 'confirmAuthorHost' | 'removeAuthorHostBinding'> {
  return {
    async confirmAuthorHost({ console: reported, aemOrgId }, { tabUrl, frameUrl }) {
      const identity = consoleIdentityFor(reported, tabUrl, frameUrl);
      const { aemOrg, authorHost } = await loadConsoleContext(session, identity);
      if (aemOrg.status !== 'resolved' || aemOrg.org.id !== aemOrgId) {
        throw new ExtensionError(
          'AEM_ORG_UNRESOLVED',
          'The console shows another AEM org now: review and confirm again',
        );
      }
      if (authorHost?.trust === 'forbidden') {
        throw new ExtensionError('AUTHOR_HOST_FORBIDDEN', `Your organization's policy forbids ${authorHost.host}`);
      }
      if (authorHost?.trust === 'unconfirmed') {
        await bindAuthorHost({
          environment: authorHost.environment,
          aemOrgId,
          authorHost: authorHost.host,
          aemOrgName: aemOrg.org.name.slice(0, 300),
          boundAt: new Date().toISOString(),
        });
        // Other tabs of this console load again; a refresh begun before the binding must not answer.
        await clearConsoleStateCache();
        await announce({ event: 'stateChanged', reason: 'settingsChanged' });
      }
      return fetchConsoleState(session, identity);
    },

    async removeAuthorHostBinding({ environment, aemOrgId, authorHost }) {
      const removed = await unbindAuthorHost({ environment, aemOrgId, authorHost });
      if (removed) {
        await clearConsoleStateCache();
        await announce({ event: 'stateChanged', reason: 'settingsChanged' });
      }
      return { removed };
    },
  };
}
