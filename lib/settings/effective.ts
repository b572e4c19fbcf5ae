import { z } from 'zod/mini';
import type { AuthorHostPolicy } from '../author-hosts/trust';
import type { EnvironmentSettings } from '../environment';
import { ExtensionError } from '../errors';
import { readPolicy } from '../policy/managed';
import type { EnterprisePolicy, ParsedPolicy } from '../policy/schemas';
import {
  environmentSetting,
  environmentToConfirmItem,
  readEnvironment,
  readEnvironmentToConfirm,
  readOnlySetting,
  readValidated,
} from '../storage-items';
import { type EnvironmentChoice, environmentChoiceSchema, normalizedBaseUrl } from './schemas';

/** One setting as the extension uses it: the value, whether the stored one was unreadable, who set it. */
export interface Setting<T> {
  value: T;
  /** The stored value did not parse, so the default is in use (the options page says so). */
  corrupted: boolean;
  /** Set by enterprise policy: it beats the user's choice and cannot be edited. */
  lockedBy?: 'policy';
}

export interface EffectiveSettings {
  environment: Setting<EnvironmentChoice>;
  clientId: Setting<string>;
  readOnly: Setting<boolean>;
  /** The CC orgs policy allows to be connected; undefined means no allowlist. */
  allowedCcOrgIds: readonly string[] | undefined;
  /** Refuse orgs whose CC entitlement the extension cannot see; only policy sets it (default off). */
  blockUnknownEntitlements: Setting<boolean>;
  /** Console hosts set by policy (wired to the custom console hosts where those exist). */
  consoleHosts: readonly string[] | undefined;
  /**
   * Custom IMS or Assets URLs carried over from an earlier release wait for the admin to confirm
   * them (save them in options); until then the worker neither signs in nor calls with them.
   */
  environmentNeedsConfirmation: boolean;
  /** Author hosts policy binds to an AEM org or forbids (docs/ARCHITECTURE.md#author-host-binding). */
  authorHostPolicy: AuthorHostPolicy;
  /** Policy fields that were set but invalid, in whole or in part (refused; FAIL_CLOSED in lib/policy/schemas.ts). */
  policyInvalidFields: readonly string[];
  /** The refused entries of policy lists whose valid entries apply. */
  policyRefusedEntries: ParsedPolicy['refusedEntries'];
}

function policyEnvironment(policy: EnterprisePolicy): EnvironmentChoice | undefined {
  const environment = policy.environment;
  if (!environment) return undefined;
  const { name, imsBaseUrl, assetsBaseUrl } = environment;
  if (!imsBaseUrl) return { name };
  // The same origin form options store, so a session compares equal whichever way it was written.
  const baseUrls = { imsBaseUrl: normalizedBaseUrl(imsBaseUrl) };
  return {
    name,
    baseUrls: assetsBaseUrl ? { ...baseUrls, assetsBaseUrl: normalizedBaseUrl(assetsBaseUrl) } : baseUrls,
  };
}

function locked<T>(value: T): Setting<T> {
  return { value, corrupted: false, lockedBy: 'policy' };
}

/** Policy beats user settings, field by field; pure so the merge is tested on its own. */
export function mergeSettings(
  user: { environment: Setting<EnvironmentSettings>; readOnly: Setting<boolean>; environmentToConfirm?: boolean },
  { policy, invalidFields, refusedEntries }: ParsedPolicy,
): EffectiveSettings {
  const { name, baseUrls, clientId } = user.environment.value;
  const fromPolicy = policyEnvironment(policy);
  return {
    environment: fromPolicy ? locked(fromPolicy) : { value: { name, baseUrls }, corrupted: user.environment.corrupted },
    clientId:
      policy.clientId !== undefined
        ? locked(policy.clientId)
        : { value: clientId, corrupted: user.environment.corrupted },
    readOnly: policy.readOnly !== undefined ? locked(policy.readOnly) : user.readOnly,
    allowedCcOrgIds: policy.allowedCcOrgIds,
    blockUnknownEntitlements:
      policy.blockUnknownEntitlements !== undefined
        ? locked(policy.blockUnknownEntitlements)
        : { value: false, corrupted: false },
    consoleHosts: policy.consoleHosts,
    environmentNeedsConfirmation: Boolean(user.environmentToConfirm) && !fromPolicy,
    authorHostPolicy: { bound: policy.boundAuthorHosts ?? [], forbidden: policy.forbiddenAuthorHosts ?? [] },
    policyInvalidFields: invalidFields,
    policyRefusedEntries: refusedEntries,
  };
}

export async function readUserReadOnly(): Promise<Setting<boolean>> {
  return readValidated(readOnlySetting, z.boolean(), false);
}

/** What is in force now: the user's settings, read and validated, under the enterprise policy. */
export async function readEffectiveSettings(): Promise<EffectiveSettings> {
  const [environment, readOnly, policy, environmentToConfirm] = await Promise.all([
    readEnvironment(),
    readUserReadOnly(),
    readPolicy(),
    readEnvironmentToConfirm(),
  ]);
  return mergeSettings({ environment, readOnly, environmentToConfirm }, policy);
}

/** The environment the worker signs in to and calls. */
export function environmentOf(settings: EffectiveSettings): EnvironmentSettings {
  const { name, baseUrls } = settings.environment.value;
  return baseUrls ? { name, clientId: settings.clientId.value, baseUrls } : { name, clientId: settings.clientId.value };
}

export async function readEffectiveEnvironment(): Promise<EnvironmentSettings> {
  return environmentOf(await readEffectiveSettings());
}

export interface SettingsChange {
  environment?: EnvironmentChoice;
  clientId?: string;
  readOnly?: boolean;
}

/** The names of the fields in `change` that policy has locked. */
export function lockedFieldsIn(change: SettingsChange, settings: EffectiveSettings): (keyof SettingsChange)[] {
  return (['environment', 'clientId', 'readOnly'] as const).filter(
    (field) => change[field] !== undefined && settings[field].lockedBy === 'policy',
  );
}

/** Writes the user's own settings (a corrupted stored environment is replaced from the default). */
export async function writeUserSettings(change: SettingsChange): Promise<void> {
  if (change.environment || change.clientId !== undefined) {
    const current = await readEnvironment();
    const base = current.value;
    const environment = change.environment ?? { name: base.name, baseUrls: base.baseUrls };
    if (!environmentChoiceSchema.safeParse(environment).success) {
      throw new ExtensionError(
        'INVALID_SETTINGS',
        'A custom environment needs a valid IMS base URL (and a valid Assets base URL, if one is set)',
      );
    }
    const next: EnvironmentSettings = { name: environment.name, clientId: change.clientId ?? base.clientId };
    if (environment.baseUrls) next.baseUrls = environment.baseUrls;
    await environmentSetting.setValue(next);
    // Saving the environment in options is the admin's confirmation of what was carried over.
    await environmentToConfirmItem.removeValue();
  }
  if (change.readOnly !== undefined) await readOnlySetting.setValue(change.readOnly);
}
