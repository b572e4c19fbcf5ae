import type { AssetsUser, CcConnection } from '../assets/shapes';
import type { Organization, Profile } from '../ims/shapes';
import { isOrgId, orgIdFromRef } from '../org-id';
import { type CapabilitiesByOrg, indexActiveCapabilities } from './product-contexts';
import type {
  Badge,
  EntitlementModel,
  EntitlementSummary,
  IneligibilityReason,
  OrgEntitlement,
  Prerequisites,
  SwitchPolicy,
} from './schemas';

/** Everything eligibility depends on; the worker passes fresh data before a switch. */
export interface EntitlementInput {
  profile: Profile;
  organizations: readonly Organization[];
  /**
   * Who the console's Assets API says is signed in; absent when that API is unavailable to the
   * extension, and then the prerequisites are unknown (null): the console checks them itself.
   */
  consoleUser?: AssetsUser;
  connection: Pick<CcConnection, 'connectedOrg'>;
  policy: SwitchPolicy;
}

/** The input indexed once, so each org costs a few lookups however long the lists are. */
interface Facts {
  capabilities: CapabilitiesByOrg;
  accessibleOrgIds: ReadonlySet<string>;
  allowedOrgIds: ReadonlySet<string> | undefined;
  connectedOrgId: string | null;
  prerequisites: Prerequisites;
  readOnly: boolean;
}

/**
 * Admin rights count for the console's user; a switch only works when that user is the one
 * signed in to the extension. User ids are compared, never e-mails: a personal Adobe ID and
 * an enterprise ID may share an e-mail and are still different users.
 */
export function prerequisitesOf(input: Pick<EntitlementInput, 'profile' | 'consoleUser'>): Prerequisites {
  const { consoleUser } = input;
  if (!consoleUser) return { isAssetsAdmin: null, sameUserId: null };
  return {
    isAssetsAdmin: consoleUser.isAssetsAdmin,
    sameUserId: input.profile.userId === consoleUser.userId,
  };
}

function factsOf(input: EntitlementInput): Facts {
  const { allowedOrgIds } = input.policy;
  return {
    capabilities: indexActiveCapabilities(input.profile),
    accessibleOrgIds: new Set(input.organizations.map((org) => orgIdFromRef(org.orgRef))),
    allowedOrgIds: allowedOrgIds === undefined ? undefined : new Set(allowedOrgIds),
    connectedOrgId: input.connection.connectedOrg?.id ?? null,
    prerequisites: prerequisitesOf(input),
    readOnly: input.policy.readOnly,
  };
}

/** DESIGN §5 validation, in its order; every failing check is listed. */
function reasonsFor(orgId: string, facts: Facts): IneligibilityReason[] {
  const checks: [IneligibilityReason, boolean][] = [
    ['INVALID_ORG_ID', !isOrgId(orgId)],
    ['NOT_ACCESSIBLE', !facts.accessibleOrgIds.has(orgId)],
    ['ALREADY_CONNECTED', orgId === facts.connectedOrgId],
    ['NO_CC_ENTITLEMENT', !facts.capabilities.get(orgId)?.has('creativeCloud')],
    ['NOT_ASSETS_ADMIN', facts.prerequisites.isAssetsAdmin === false],
    ['DIFFERENT_USER_ID', facts.prerequisites.sameUserId === false],
    ['BLOCKED_BY_POLICY', isBlockedByPolicy(orgId, facts)],
    ['READ_ONLY', facts.readOnly],
  ];
  return checks.filter(([, fails]) => fails).map(([reason]) => reason);
}

function isBlockedByPolicy(orgId: string, facts: Facts): boolean {
  return facts.allowedOrgIds !== undefined && !facts.allowedOrgIds.has(orgId);
}

/** The reasons `orgId` (any string, listed or not) cannot be connected; empty means it can. */
export function validateSwitchTarget(orgId: string, input: EntitlementInput): IneligibilityReason[] {
  return reasonsFor(orgId, factsOf(input));
}

function entitlementOf(org: Organization, facts: Facts): OrgEntitlement {
  const orgId = orgIdFromRef(org.orgRef);
  const capabilities = facts.capabilities.get(orgId);
  const reasons = reasonsFor(orgId, facts);
  const facets = {
    orgId,
    orgName: org.orgName,
    ccEntitlement: capabilities?.has('creativeCloud') ? ('active' as const) : ('none' as const),
    express: capabilities?.has('express') ?? false,
    libraries: capabilities?.has('libraries') ?? false,
    connected: orgId === facts.connectedOrgId,
    sameUserId: facts.prerequisites.sameUserId,
    blockedByPolicy: isBlockedByPolicy(orgId, facts),
  };
  return { ...facets, eligible: reasons.length === 0, reasons, badges: badgesOf(facets) };
}

function badgesOf(org: Omit<OrgEntitlement, 'eligible' | 'reasons' | 'badges'>): Badge[] {
  const shown: Record<Badge, boolean> = {
    connected: org.connected,
    ccActive: org.ccEntitlement === 'active',
    noCcEntitlement: org.ccEntitlement === 'none',
    express: org.express,
    libraries: org.libraries,
    differentUserId: org.sameUserId === false,
    blockedByPolicy: org.blockedByPolicy,
  };
  // Object keys keep insertion order, which is the display order of BADGES.
  return (Object.keys(shown) as Badge[]).filter((badge) => shown[badge]);
}

/**
 * The single source of eligibility: one entry per accessible org, in the IMS list's order.
 * An org IMS lists twice appears once.
 */
export function buildEntitlementModel(input: EntitlementInput): EntitlementModel {
  const facts = factsOf(input);
  const seen = new Set<string>();
  const orgs: OrgEntitlement[] = [];
  for (const org of input.organizations) {
    const orgId = orgIdFromRef(org.orgRef);
    if (seen.has(orgId)) continue;
    seen.add(orgId);
    orgs.push(entitlementOf(org, facts));
  }
  const { connectedOrg } = input.connection;
  return {
    orgs,
    prerequisites: facts.prerequisites,
    connectedOrg: connectedOrg ? { id: connectedOrg.id, name: connectedOrg.name } : null,
  };
}

export function summarize(model: EntitlementModel): EntitlementSummary {
  const count = (test: (org: OrgEntitlement) => boolean) => model.orgs.filter(test).length;
  return {
    total: model.orgs.length,
    eligible: count((org) => org.eligible),
    ccActive: count((org) => org.ccEntitlement === 'active'),
    blockedByPolicy: count((org) => org.blockedByPolicy),
    connectedOrgId: model.connectedOrg?.id ?? null,
    connectedOrgName: model.connectedOrg?.name ?? null,
  };
}
