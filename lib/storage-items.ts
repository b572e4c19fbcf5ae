import { browser } from 'wxt/browser';
import { z } from 'zod/mini';
import { defaultEnvironment, type EnvironmentSettings, environmentSettingsSchema } from './environment';
import { protectedItem } from './protected-store';
import { versionedItem } from './versioned-item';

/**
 * Every value the extension keeps, declared once: one key, one schema, one default.
 * Values are parsed on read; a corrupted value falls back to the default and says so.
 * Settings that decide where tokens go or what the worker may do are protected items
 * (lib/protected-store.ts), out of content scripts' reach; the rest use `storage`.
 */

/** The environment: IMS and Assets base URLs and the client ID. */
export const environmentSetting = protectedItem('environment', 1);

export interface Validated<T> {
  value: T;
  /** True when a stored value existed but did not parse, so the default is in use. */
  corrupted: boolean;
}

export async function readValidated<S extends z.ZodMiniType>(
  item: { getValue(): Promise<unknown> },
  schema: S,
  fallback: z.infer<S>,
): Promise<Validated<z.infer<S>>> {
  const raw = await item.getValue();
  if (raw === null || raw === undefined) return { value: fallback, corrupted: false };
  const parsed = schema.safeParse(raw);
  return parsed.success ? { value: parsed.data, corrupted: false } : { value: fallback, corrupted: true };
}

/**
 * Set when custom IMS or Assets URLs were carried over from `storage.local` on an update: a
 * content script could have written them there, so they wait for the admin to confirm them
 * (docs/ARCHITECTURE.md#storage).
 */
export const environmentToConfirmItem = protectedItem('environmentToConfirm', 1);

export async function readEnvironmentToConfirm(): Promise<boolean> {
  return (await readValidated(environmentToConfirmItem, z.boolean(), false)).value;
}

export function readEnvironment(): Promise<Validated<EnvironmentSettings>> {
  return readValidated(environmentSetting, environmentSettingsSchema, defaultEnvironment());
}

/** The IMS session lives only in the worker's session storage, never in `local`. */
export const imsSessionSchema = z.strictObject({
  accessToken: z.string(),
  refreshToken: z.optional(z.string()),
  /** Epoch milliseconds. */
  expiresAt: z.number(),
  userId: z.string(),
  /**
   * The IMS, client and Assets API override the tokens belong to: a session never outlives a
   * change of any of them, so a changed Assets base never receives a token meant for another.
   */
  imsBaseUrl: z.string(),
  clientId: z.string(),
  /** Absent when no override is set (each console's own AEM author host). */
  assetsBaseUrl: z.optional(z.string()),
});
export type ImsSession = z.infer<typeof imsSessionSchema>;
export const imsSessionItem = versionedItem('session:imsSession', 1);

export async function readImsSession(): Promise<ImsSession | undefined> {
  const { value } = await readValidated(imsSessionItem, z.optional(imsSessionSchema), undefined);
  return value;
}

/**
 * Read-only mode: badges and status only, no switch controls, and the worker refuses switches.
 * Read it through lib/settings/effective.ts, where enterprise policy can force it on.
 */
export const readOnlySetting = protectedItem('readOnly', 1);

/**
 * The AEM org the admin chose for a console whose org could not be resolved by name, keyed by
 * console origin and tenant (aemOrgChoiceKey in lib/worker/aem-org.ts), oldest first.
 */
export const aemOrgByConsoleItem = protectedItem('aemOrgByConsole', 1);
const aemOrgByConsoleSchema = z.record(z.string(), z.string());

export async function readAemOrgByConsole(): Promise<Record<string, string>> {
  const { value } = await readValidated(aemOrgByConsoleItem, aemOrgByConsoleSchema, {});
  return value;
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
