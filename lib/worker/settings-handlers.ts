import { ExtensionError } from '../errors';
import type { Handlers } from '../messaging/router';
import { clearExtensionStorage } from '../settings/clear-data';
import { environmentOf, lockedFieldsIn, readEffectiveSettings, writeUserSettings } from '../settings/effective';
import { clearConsoleStateCache } from './console-state';
import type { WorkerServices } from './services';

/** Options page requests: save settings (policy wins) and clear all extension data. */
export function createSettingsHandlers({
  session,
  announce,
}: WorkerServices): Pick<Handlers, 'saveSettings' | 'clearAllData'> {
  return {
    async saveSettings({ type: _type, ...change }) {
      const before = await readEffectiveSettings();
      const locked = lockedFieldsIn(change, before);
      if (locked.length > 0) {
        throw new ExtensionError('POLICY_LOCKED', `Set by your organization's policy: ${locked.join(', ')}`);
      }
      await writeUserSettings(change);
      const environmentChanged =
        JSON.stringify(environmentOf(before)) !== JSON.stringify(environmentOf(await readEffectiveSettings()));
      // A session never outlives a change of environment or client ID.
      const signedOut = await session.signOutIfElsewhere({ environmentChanged });
      await clearConsoleStateCache();
      await announce({ event: 'stateChanged', reason: signedOut ? 'signedOut' : 'settingsChanged' });
      return { signedOut };
    },

    async clearAllData() {
      await session.signOut().catch(() => undefined);
      await clearExtensionStorage();
      await announce({ event: 'stateChanged', reason: 'signedOut' });
      return { cleared: true as const };
    },
  };
}

/** Enterprise policy changed while the worker runs: end a session it no longer allows, tell every tab. */
export async function applyPolicyChange({ session, announce }: WorkerServices): Promise<void> {
  const signedOut = await session.signOutIfElsewhere({ environmentChanged: false });
  await clearConsoleStateCache();
  await announce({ event: 'stateChanged', reason: signedOut ? 'signedOut' : 'settingsChanged' });
}
