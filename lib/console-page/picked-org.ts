import type { OrgEntitlement } from '../entitlement/schemas';
import { normalizeText } from './accessible-name';

/**
 * Which org the console's picker shows, read from its accessible name: what the native guard
 * checks before a switch and what the console switch waits for after choosing.
 */

/** The picker's shown value: its accessible name without the label ("… org ID Acme" → "Acme"). */
export function pickedValueText(pickerName: string, pickerLabel: string): string {
  const name = normalizeText(pickerName);
  const label = normalizeText(pickerLabel);
  return name.toLocaleLowerCase().startsWith(label.toLocaleLowerCase()) ? name.slice(label.length).trim() : name;
}

/** The org the admin picked: the option they chose, if its name is still the picker's value; else a unique name match. */
export function resolvePickedOrg(
  chosenOrgId: string | undefined,
  valueText: string,
  orgs: readonly OrgEntitlement[],
): { orgId?: string; org?: OrgEntitlement } {
  const chosen = chosenOrgId ? orgs.find((org) => org.orgId === chosenOrgId) : undefined;
  if (chosen && normalizeText(chosen.orgName) === valueText) return { orgId: chosen.orgId, org: chosen };
  if (chosenOrgId && !chosen) return { orgId: chosenOrgId };
  const byName = orgs.filter((org) => normalizeText(org.orgName) === valueText);
  return byName.length === 1 && byName[0] ? { orgId: byName[0].orgId, org: byName[0] } : {};
}
