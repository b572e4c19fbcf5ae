import { isSandboxBuild } from '../build-flavor';
import { reservedHostOf } from '../console-hosts';
import { parseConsoleHost } from '../console-hosts/custom/input';
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
    async addConsoleHost({ origin }) {
      // The same rules options applies while the admin types, checked again here: the page is
      // not trusted to have applied them.
      const parsed = parseConsoleHost(origin, { addedMatches: [], allowLoopbackHttp: isSandboxBuild });
      if (!parsed.ok) throw new ExtensionError('INVALID_MESSAGE', `Not a console host one may add: ${parsed.error}`);
      await refuseIfPolicySets(parsed.host.matchPattern);
      const added = await addCustomConsoleHost(parsed.host);
      await syncCustomConsoleScripts();
      return { added };
    },

    async removeConsoleHost({ matchPattern }) {
      if (reservedHostOf(matchPattern.replace(/\*$/, ''))) {
        throw new ExtensionError('INVALID_MESSAGE', `A built-in or reserved host is no custom host: ${matchPattern}`);
      }
      await refuseIfPolicySets(matchPattern);
      const removed = await removeCustomConsoleHost(matchPattern);
      await syncCustomConsoleScripts();
      return { removed };
    },
  };
}
