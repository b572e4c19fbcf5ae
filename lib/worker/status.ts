import { browser } from 'wxt/browser';
import type { Status } from '../messaging/contract';
import { readEffectiveEnvironment } from '../settings/effective';
import type { Session } from './session';

/** "Signed in" means a session of the environment in force, not any leftover of another one. */
export async function getStatus(session: Pick<Session, 'isSignedIn'>): Promise<Status> {
  const [environment, signedIn] = await Promise.all([readEffectiveEnvironment(), session.isSignedIn()]);
  return {
    version: browser.runtime.getManifest().version,
    environment: environment.name,
    signedIn,
  };
}
