import type { SwitchPolicy } from '../entitlement/schemas';
import { readEffectiveSettings } from './effective';

/** The one place switching policy is read: read-only, the CC org allowlist and unknown entitlements, enterprise policy first. */
export async function currentPolicy(): Promise<SwitchPolicy> {
  const settings = await readEffectiveSettings();
  return {
    readOnly: settings.readOnly.value,
    allowedOrgIds: settings.allowedCcOrgIds,
    blockUnknownEntitlements: settings.blockUnknownEntitlements.value,
  };
}
