import { browser } from 'wxt/browser';
import type { z } from 'zod/mini';
import type { EnvironmentSettings } from './environment';
import { imsSessionSchema, readValidated, storedItem, type Validated } from './stored-items';

/**
 * Typed handles on the items of lib/stored-items.ts (the one list of every stored item) that
 * several modules read, and the keys earlier builds wrote that nothing reads any more.
 */

export type { Validated };
export { imsSessionSchema, readValidated };

export const environmentSetting = storedItem('environment');
export const environmentToConfirmItem = storedItem('environmentToConfirm');
export const readOnlySetting = storedItem('readOnly');
export const aemOrgByConsoleItem = storedItem('aemOrgByConsole');
export const imsSessionItem = storedItem('imsSession');
export type ImsSession = z.infer<typeof imsSessionSchema>;

export async function readEnvironmentToConfirm(): Promise<boolean> {
  return (await environmentToConfirmItem.read()).value;
}

export function readEnvironment(): Promise<Validated<EnvironmentSettings>> {
  return environmentSetting.read();
}

export async function readImsSession(): Promise<ImsSession | undefined> {
  return (await imsSessionItem.read()).value;
}

export async function readAemOrgByConsole(): Promise<Record<string, string>> {
  return (await aemOrgByConsoleItem.read()).value;
}

/**
 * Keys earlier builds wrote that nothing reads any more, removed so they do not linger on disk.
 * `aemOrgByTenant` held AEM-org choices keyed by tenant alone. They are dropped, not carried
 * over: the key never said which console host the choice was made on, and filing it under any
 * origin would let a page on one host decide for the same tenant name on another, which the
 * origin in `aemOrgByConsole` exists to prevent. Such a choice only mattered where name and
 * tenant leave the org ambiguous; there the admin chooses once more.
 */
const RETIRED_LOCAL_KEYS = ['aemOrgByTenant'];

export function removeRetiredItems(): Promise<void> {
  return browser.storage.local.remove(RETIRED_LOCAL_KEYS.flatMap((key) => [key, `${key}$`]));
}
