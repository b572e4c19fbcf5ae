import type { AssetsUser, CcConnection } from '../assets/schemas';
import type { Organization, Profile } from '../ims/schemas';
import { isOrgId, orgIdFromRef } from '../org-id';
import { badgesOf } from './badges';
import type {
  EntitlementModel,
  EntitlementSummary,
  IneligibilityReason,
  OrgEntitlement,
  PrerequisiteState,
  Prerequisites,
  SwitchPolicy,
  UnknownFact,
} from './schemas';
import {
  type AccessProfileSource,
  indexOrgVerdicts,
  individualCreativeCloudOf,
  type OrgVerdicts,
  verdictsOf,
} from './sources';

export type { AccessProfileSource } from './sources';

/** Everything eligibility depends on; the worker passes fresh data before a switch. */
export interface EntitlementInput {
  profile: Profile;
  organizations: readonly Organization[];
  /** The console's user from the Assets API; undefined when that API did not answer the extension. */
  consoleUser?: AssetsUser;
  connection: Pick<CcConnection, 'connectedOrg'>;
  policy: SwitchPolicy;
  accessProfile: AccessProfileSource;
}

/** The input indexed once, so each org costs a few lookups however long the lists are. */
interface Facts {
  verdicts: ReturnType<typeof indexOrgVerdicts>;
  accessibleOrgIds: ReadonlySet<string>;
  allowedOrgIds: ReadonlySet<string> | undefined;
  connectedOrgId: string | null;
  prerequisites: Prerequisites;
  readOnly: boolean;
  blockUnknownEntitlements: boolean;
}

const stateOf = (known: boolean | undefined): PrerequisiteState =>
  known === undefined ? 'unknown' : known ? 'met' : 'unmet';

/**
 * Admin rights count for the console's user; a switch only works when that user is the one
 * signed in to the extension. User ids are compared, never e-mails: a personal Adobe ID and
 * an enterprise ID may share an e-mail and are still different users. Without the console's
 * user both are unknown: the console checks them itself when the switch is made.
 */
export function prerequisitesOf(input: Pick<EntitlementInput, 'profile' | 'consoleUser'>): Prerequisites {
  const { consoleUser } = input;
  return {
    isAssetsAdmin: stateOf(consoleUser?.isAssetsAdmin),
    sameUserId: stateOf(consoleUser && input.profile.userId === consoleUser.userId),
  };
}

function factsOf(input: EntitlementInput): Facts {
  const { allowedOrgIds } = input.policy;
  return {
    verdicts: indexOrgVerdicts(input.profile, input.accessProfile),
    accessibleOrgIds: new Set(input.organizations.map((org) => orgIdFromRef(org.orgRef))),
    allowedOrgIds: allowedOrgIds === undefined ? undefined : new Set(allowedOrgIds),
    connectedOrgId: input.connection.connectedOrg?.id ?? null,
    prerequisites: prerequisitesOf(input),
    readOnly: input.policy.readOnly,
    blockUnknownEntitlements: input.policy.blockUnknownEntitlements ?? false,
  };
}

/**
 * The validation of docs/ARCHITECTURE.md#eligibility-and-badges, in its order; every failing check is listed. Only what a source
 * shows refuses: an unknown entitlement or prerequisite is left to the console, unless
 * policy blocks unknown entitlements.
 */
function reasonsFor(orgId: string, facts: Facts): IneligibilityReason[] {
  const cc = verdictsOf(facts.verdicts.get(orgId)).creativeCloud.state;
  const checks: [IneligibilityReason, boolean][] = [
    ['INVALID_ORG_ID', !isOrgId(orgId)],
    ['NOT_ACCESSIBLE', !facts.accessibleOrgIds.has(orgId)],
    ['ALREADY_CONNECTED', orgId === facts.connectedOrgId],
    ['NO_CC_ENTITLEMENT', cc === 'none'],
    ['CC_ENTITLEMENT_UNKNOWN', cc === 'unknown' && facts.blockUnknownEntitlements],
    ['NOT_ASSETS_ADMIN', facts.prerequisites.isAssetsAdmin === 'unmet'],
    ['DIFFERENT_USER_ID', facts.prerequisites.sameUserId === 'unmet'],
    ['BLOCKED_BY_POLICY', isBlockedByPolicy(orgId, facts)],
    ['READ_ONLY', facts.readOnly],
  ];
  return checks.filter(([, fails]) => fails).map(([reason]) => reason);
}

function isBlockedByPolicy(orgId: string, facts: Facts): boolean {
  return facts.allowedOrgIds !== undefined && !facts.allowedOrgIds.has(orgId);
}

function unknownsOf(verdicts: OrgVerdicts, prerequisites: Prerequisites): UnknownFact[] {
  const unknowns: [UnknownFact, boolean][] = [
    ['CC_ENTITLEMENT', verdicts.creativeCloud.state === 'unknown'],
    ['ASSETS_ADMIN', prerequisites.isAssetsAdmin === 'unknown'],
    ['SAME_USER_ID', prerequisites.sameUserId === 'unknown'],
  ];
  return unknowns.filter(([, unknown]) => unknown).map(([fact]) => fact);
}

/** The reasons `orgId` (any string, listed or not) cannot be connected; empty means it can. */
export function validateSwitchTarget(orgId: string, input: EntitlementInput): IneligibilityReason[] {
  return reasonsFor(orgId, factsOf(input));
}

function entitlementOf(org: Organization, facts: Facts): OrgEntitlement {
  const orgId = orgIdFromRef(org.orgRef);
  const verdicts = verdictsOf(facts.verdicts.get(orgId));
  const reasons = reasonsFor(orgId, facts);
  const facets = {
    orgId,
    orgName: org.orgName,
    ccEntitlement: verdicts.creativeCloud.state,
    express: verdicts.express.state,
    libraries: verdicts.libraries.state,
    decidedBy: {
      ccEntitlement: verdicts.creativeCloud.source,
      express: verdicts.express.source,
      libraries: verdicts.libraries.source,
    },
    connected: orgId === facts.connectedOrgId,
    blockedByPolicy: isBlockedByPolicy(orgId, facts),
  };
  return {
    ...facets,
    eligible: reasons.length === 0,
    reasons,
    unknowns: unknownsOf(verdicts, facts.prerequisites),
    badges: badgesOf(facets, facts.prerequisites),
  };
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
    individualCreativeCloud: individualCreativeCloudOf(input.profile),
    sources: {
      productContexts: input.profile.projectedProductContext ? 'answered' : 'missing',
      serviceAccounts: input.profile.serviceAccounts ? 'answered' : 'missing',
      accessProfile: input.accessProfile.status,
    },
  };
}

export function summarize(model: EntitlementModel): EntitlementSummary {
  const count = (test: (org: OrgEntitlement) => boolean) => model.orgs.filter(test).length;
  return {
    total: model.orgs.length,
    eligible: count((org) => org.eligible),
    ccActive: count((org) => org.ccEntitlement === 'active'),
    ccUnknown: count((org) => org.ccEntitlement === 'unknown'),
    blockedByPolicy: count((org) => org.blockedByPolicy),
    connectedOrgId: model.connectedOrg?.id ?? null,
    connectedOrgName: model.connectedOrg?.name ?? null,
  };
}
