import type { AccessibleItem } from '../ims/access-profile';
import type { Profile } from '../ims/schemas';
import {
  ACTIVE_STATUS_CODE,
  INDIVIDUAL_CC_LEVELS,
  ORG_CAPABILITIES,
  type OrgCapability,
  SERVICE_CODES,
  serviceCodeEntry,
  serviceCodesOf,
} from '../service-codes';
import type { DecidingSource, EntitlementState, IndividualCreativeCloud } from './schemas';

/**
 * The three-state rule (docs/ARCHITECTURE.md#eligibility-and-badges). Per org and capability:
 * - `active` when any source shows one of its codes enabled / ACTIVE for that org;
 * - `none` only when a source that covers this org says it is absent: a product context of
 *   the org with a status other than ACTIVE, an Access Profile item of the org with
 *   `enabled: false`, or — for CONFIRMED codes only — the code missing from an Access Profile
 *   item that covers the org (that item lists what the org entitles the user to);
 * - `unknown` otherwise. The absence of an ASSUMED code proves nothing, and neither does a
 *   missing product context (the profile lists only what the user holds, never what an org
 *   lacks).
 * Each state carries the source that decided it (active wins over none; null for unknown).
 */

export interface CapabilityVerdict {
  state: EntitlementState;
  source: DecidingSource;
}
export type OrgVerdicts = Record<OrgCapability, CapabilityVerdict>;

/** What the Access Profile API gave: its items, or why there are none. */
export type AccessProfileSource =
  | { status: 'answered'; items: readonly AccessibleItem[] }
  | { status: 'unavailable' | 'notConfigured' };

type Evidence = { active?: Exclude<DecidingSource, null>; none?: Exclude<DecidingSource, null> };

const UNKNOWN: CapabilityVerdict = { state: 'unknown', source: null };
const isOrgCapability = (capability: string): capability is OrgCapability =>
  (ORG_CAPABILITIES as readonly string[]).includes(capability);

/** Codes whose absence from an item of an org is itself evidence ("none"). */
const CONFIRMED_ACCESS_PROFILE_CODES = SERVICE_CODES.filter(
  (entry) => entry.source === 'accessProfile' && entry.evidence === 'confirmed' && isOrgCapability(entry.capability),
);

/**
 * One pass over both sources into an index by org id, so each org costs a lookup however many
 * orgs and contexts a user has (users of big enterprises have 1,000+).
 */
export function indexOrgVerdicts(
  profile: Profile,
  accessProfile: AccessProfileSource,
): ReadonlyMap<string, Partial<Record<OrgCapability, Evidence>>> {
  const byOrg = new Map<string, Partial<Record<OrgCapability, Evidence>>>();
  function record(
    orgId: string,
    capability: OrgCapability,
    present: boolean,
    source: 'productContext' | 'accessProfile',
  ) {
    const capabilities = byOrg.get(orgId) ?? {};
    const evidence = capabilities[capability] ?? {};
    // The first source to show a state keeps it, so the deciding source is stable.
    if (present) evidence.active ??= source;
    else evidence.none ??= source;
    capabilities[capability] = evidence;
    byOrg.set(orgId, capabilities);
  }
  // `owningEntity` is the full org id (`…@AdobeOrg`), the same form as orgIdFromRef().
  for (const { prodCtx } of profile.projectedProductContext ?? []) {
    const entry = serviceCodeEntry('productContext', prodCtx.serviceCode);
    if (!entry || !isOrgCapability(entry.capability)) continue;
    record(prodCtx.owningEntity, entry.capability, prodCtx.statusCode === ACTIVE_STATUS_CODE, 'productContext');
  }
  if (accessProfile.status !== 'answered') return byOrg;
  for (const item of accessProfile.items) {
    const orgId = item.source.owner_id;
    for (const [code, { enabled }] of Object.entries(item.fulfillable_items)) {
      const entry = serviceCodeEntry('accessProfile', code);
      if (entry && isOrgCapability(entry.capability)) record(orgId, entry.capability, enabled, 'accessProfile');
    }
    for (const entry of CONFIRMED_ACCESS_PROFILE_CODES) {
      if (!(entry.code in item.fulfillable_items))
        record(orgId, entry.capability as OrgCapability, false, 'accessProfile');
    }
  }
  return byOrg;
}

/** The three states of one org, from the index. */
export function verdictsOf(evidence: Partial<Record<OrgCapability, Evidence>> | undefined): OrgVerdicts {
  const verdict = (capability: OrgCapability): CapabilityVerdict => {
    const { active, none } = evidence?.[capability] ?? {};
    if (active) return { state: 'active', source: active };
    if (none) return { state: 'none', source: none };
    return UNKNOWN;
  };
  return { creativeCloud: verdict('creativeCloud'), express: verdict('express'), libraries: verdict('libraries') };
}

const LEVEL_RANK: Record<IndividualCreativeCloud, number> = { paid: 3, free: 2, unknown: 1, none: 0 };

/**
 * The user's own plan from `serviceAccounts`: the best ACTIVE `creative_cloud` entry's level.
 * A profile without the list (its scope not granted) says nothing: `unknown`; a list without
 * an active entry says `none`. An active entry of a level we do not know is `unknown` too.
 */
export function individualCreativeCloudOf(profile: Profile): IndividualCreativeCloud {
  if (!profile.serviceAccounts) return 'unknown';
  const codes = new Set(serviceCodesOf('serviceAccounts', 'individualCreativeCloud').map((entry) => entry.code));
  let best: IndividualCreativeCloud = 'none';
  for (const account of profile.serviceAccounts) {
    if (!codes.has(account.serviceCode) || account.serviceStatus !== ACTIVE_STATUS_CODE) continue;
    const level = INDIVIDUAL_CC_LEVELS[account.serviceLevel as keyof typeof INDIVIDUAL_CC_LEVELS] ?? 'unknown';
    if (LEVEL_RANK[level] > LEVEL_RANK[best]) best = level;
  }
  return best;
}
