import { browser } from 'wxt/browser';
import type { Status } from '../messaging/contract';
import { readEffectiveEnvironment } from '../settings/effective';
import { readImsSession } from '../storage-items';

export async function getStatus(): Promise<Status> {
  const [environment, session] = await Promise.all([readEffectiveEnvironment(), readImsSession()]);
  return {
    version: browser.runtime.getManifest().version,
    environment: environment.name,
    signedIn: session !== undefined,
  };
}
