import type { Organization } from '../ims/shapes';
import { orgIdFromRef } from '../org-id';

/** What a console tab shows about the AEM org it belongs to (DESIGN §4). */
export interface ConsoleIdentity {
  /** From the shell URL, `#/@<tenant>/assets/…`. */
  tenant?: string;
  /** The org name in the console header. */
  orgName?: string;
}

export type AemOrgResolution =
  | { status: 'resolved'; org: { id: string; name: string } }
  | { status: 'ambiguous' | 'unknown'; candidates: { id: string; name: string }[] };

const normalized = (text: string) => text.normalize('NFKC').trim().toLocaleLowerCase();
const slug = (text: string) => normalized(text).replace(/[^\p{L}\p{N}]+/gu, '');

/**
 * Resolve the console's AEM org against the user's IMS organizations: an earlier choice
 * for this tenant first, then the header name, then the tenant compared with org names.
 * Anything else is for the admin to choose once.
 */
export function resolveAemOrg(
  identity: ConsoleIdentity,
  organizations: readonly Organization[],
  rememberedOrgId: string | undefined,
): AemOrgResolution {
  const orgs = organizations.map((org) => ({ id: orgIdFromRef(org.orgRef), name: org.orgName }));
  const remembered = orgs.find((org) => org.id === rememberedOrgId);
  if (remembered) return { status: 'resolved', org: remembered };

  const byName = identity.orgName
    ? orgs.filter((org) => normalized(org.name) === normalized(identity.orgName ?? ''))
    : [];
  if (byName.length === 1 && byName[0]) return { status: 'resolved', org: byName[0] };
  if (byName.length > 1) return { status: 'ambiguous', candidates: byName };

  const tenant = identity.tenant ? slug(identity.tenant) : '';
  const byTenant = tenant ? orgs.filter((org) => slug(org.name) === tenant) : [];
  if (byTenant.length === 1 && byTenant[0]) return { status: 'resolved', org: byTenant[0] };
  return { status: byTenant.length > 1 ? 'ambiguous' : 'unknown', candidates: byTenant.length > 1 ? byTenant : orgs };
}
