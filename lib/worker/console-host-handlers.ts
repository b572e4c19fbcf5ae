import { reservedHostOf } from '../console-hosts';
import { matchPatternOf } from '../console-hosts/custom/input';
import { syncCustomConsoleScripts } from '../console-hosts/custom/registration';
import { addCustomConsoleHost, removeCustomConsoleHost } from '../console-hosts/custom/stored';
import { ExtensionError } from '../errors';
import type { Handlers } from '../messaging/router';
import { readPolicy } from '../policy/managed';

async function refuseIfPolicySets(matchPattern: string): Promise<void> {
  const { policy } = await readPolicy();
  if (policy.consoleHosts?.includes(matchPattern)) {
    throw new ExtensionError('POLICY_LOCKED', `Set by your organization's policy: ${matchPattern}`);
  }
}

/**
 * Custom console hosts (docs/ARCHITECTURE.md#console-hosts-and-detection). Options asks the
 * browser for the host's permission inside the admin's click, then sends the host here: the
 * worker alone writes the list and registers the scripts, so nothing depends on which of the
 * permission event and the list's change notice arrives first.
 */
export function createConsoleHostHandlers(): Pick<Handlers, 'addConsoleHost' | 'removeConsoleHost'> {
  return {
    async addConsoleHost({ host }) {
      // The contract's schema allows one host without wildcard; the rest of what options checks
      // while the admin types is checked again here: the page is not trusted to have applied it.
      const url = new URL(host.origin);
      if (url.origin !== host.origin || matchPatternOf(url) !== host.matchPattern || reservedHostOf(host.origin)) {
        throw new ExtensionError('INVALID_MESSAGE', 'Not a console host one may add');
      }
      await refuseIfPolicySets(host.matchPattern);
      const added = await addCustomConsoleHost(host);
      await syncCustomConsoleScripts();
      return { added };
    },

    async removeConsoleHost({ matchPattern }) {
      if (reservedHostOf(matchPattern.slice(0, -1))) {
        throw new ExtensionError('INVALID_MESSAGE', 'Not a custom console host');
      }
      await refuseIfPolicySets(matchPattern);
      const removed = await removeCustomConsoleHost(matchPattern);
      await syncCustomConsoleScripts();
      return { removed };
    },
  };
}
