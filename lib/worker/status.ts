import { browser } from 'wxt/browser';
import type { Status } from '../messaging/contract';
import { readEnvironment, readImsSession } from '../storage-items';

export async function getStatus(): Promise<Status> {
  const [{ value: environment }, session] = await Promise.all([readEnvironment(), readImsSession()]);
  return {
    version: browser.runtime.getManifest().version,
    environment: environment.name,
    signedIn: session !== undefined,
  };
}
