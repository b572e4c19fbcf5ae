import { storage } from 'wxt/utils/storage';
import { z } from 'zod/mini';
import { isSandboxBuild } from './build-flavor';
import { defaultEnvironment, type EnvironmentSettings, environmentSettingsSchema } from './environment';

/**
 * Every value the extension keeps, declared once: one key, one schema, one default.
 * Values are parsed on read; a corrupted value falls back to the default and says so.
 */

export const environmentSetting = storage.defineItem<unknown>('local:environment');

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

export function readEnvironment(): Promise<Validated<EnvironmentSettings>> {
  return readValidated(environmentSetting, environmentSettingsSchema, defaultEnvironment(isSandboxBuild));
}

/** The IMS session lives only in the worker's session storage, never in `local`. */
export const imsSessionSchema = z.strictObject({
  accessToken: z.string(),
  refreshToken: z.optional(z.string()),
  /** Epoch milliseconds. */
  expiresAt: z.number(),
  userId: z.string(),
  /** The IMS and client the tokens belong to: a session never outlives a change of environment. */
  imsBaseUrl: z.string(),
  clientId: z.string(),
});
export type ImsSession = z.infer<typeof imsSessionSchema>;
export const imsSessionItem = storage.defineItem<unknown>('session:imsSession');

export async function readImsSession(): Promise<ImsSession | undefined> {
  const { value } = await readValidated(imsSessionItem, z.optional(imsSessionSchema), undefined);
  return value;
}

/**
 * Read-only mode: badges and status only, no switch controls, and the worker refuses switches.
 * Read it through lib/settings/effective.ts, where enterprise policy can force it on.
 */
export const readOnlySetting = storage.defineItem<unknown>('local:readOnly');

/**
 * The AEM org the admin chose for a console whose org could not be resolved by name, keyed by
 * console origin and tenant (aemOrgChoiceKey in lib/worker/aem-org.ts), oldest first.
 */
export const aemOrgByConsoleItem = storage.defineItem<unknown>('local:aemOrgByConsole');
const aemOrgByConsoleSchema = z.record(z.string(), z.string());

export async function readAemOrgByConsole(): Promise<Record<string, string>> {
  const { value } = await readValidated(aemOrgByConsoleItem, aemOrgByConsoleSchema, {});
  return value;
}
